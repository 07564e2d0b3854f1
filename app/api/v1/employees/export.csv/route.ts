import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { exportEmployeeRows } from "@/db/queries/employees";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

// The first eight columns are the import's (same headers in the same language), so an exported
// list can be edited in Excel and imported back; the others are ignored by the import.
export const GET = handle(ops.exportEmployees, async ({ query, locale }) => {
  const t = translator(locale);
  const rows = await exportEmployeeRows(query);
  const header = ["employeeNumber", "name", "nameKana", "email", "departmentCode", "employmentType", "hireDate", "leaveDate", "departmentName", "exemptionReason", "status"] as const;
  const csv = toCsv(
    header.map((h) => t(`employees.csv.${h}`)),
    rows.map((e) => [
      e.employeeNumber,
      e.name,
      e.nameKana,
      e.email,
      e.departmentCode,
      t(`employmentTypes.${e.employmentType}`),
      formatDate(e.hireDate),
      formatDate(e.leaveDate),
      e.departmentName,
      e.exemptionReason,
      t(`employees.state.${e.state}`),
    ]),
  );
  return csvResponse(csv, t("employees.csv.fileName", { date: todayInTokyo().replaceAll("-", "") }));
});
