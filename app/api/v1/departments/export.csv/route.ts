import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/departments";
import { exportDepartmentRows } from "@/db/queries/departments";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import { exportListResponse } from "@/db/queries/exports";

export const GET = handle(ops.exportDepartments, async ({ query: { format, ...query }, locale, user }) => {
  const t = translator(locale);
  const rows = await exportDepartmentRows(query);
  return exportListResponse(
    {
      columns: [
        { header: t("departments.csv.code") },
        { header: t("departments.csv.name") },
        { header: t("departments.csv.activeEmployees"), type: "number" },
        { header: t("departments.csv.status") },
        { header: t("departments.csv.retiredAt"), type: "date" },
      ],
      rows: rows.map((d) => [d.code, d.name, d.activeEmployees, d.retiredAt ? t("departments.status.retired") : t("departments.status.active"), d.retiredAt]),
      fileName: t("departments.csv.fileName", { date: todayInTokyo().replaceAll("-", "") }),
      sheetName: t("departments.title"),
    },
    format,
    { user, entity: "department", filters: query },
  );
});
