import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/departments";
import { exportDepartmentRows } from "@/db/queries/departments";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

export const GET = handle(ops.exportDepartments, async ({ query, locale }) => {
  const t = translator(locale);
  const rows = await exportDepartmentRows(query);
  const csv = toCsv(
    [t("departments.csv.code"), t("departments.csv.name"), t("departments.csv.activeEmployees"), t("departments.csv.status"), t("departments.csv.retiredAt")],
    rows.map((d) => [d.code, d.name, d.activeEmployees, d.retiredAt ? t("departments.status.retired") : t("departments.status.active"), formatDate(d.retiredAt)]),
  );
  return csvResponse(csv, t("departments.csv.fileName", { date: todayInTokyo().replaceAll("-", "") }));
});
