import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { exportEmployeeRows } from "@/db/queries/employees";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

// The first eight columns are the import's (same headers in the same language), so an exported
// list can be edited in Excel and imported back; the others are ignored by the import.
const COLUMNS = [
  ["employeeNumber"], ["name"], ["nameKana"], ["email"], ["departmentCode"], ["employmentType"], ["hireDate", "date"], ["leaveDate", "date"],
  ["departmentName"], ["exemptionReason"], ["status"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportEmployees, async ({ query: { format, ...query }, locale, user }) => {
  const t = translator(locale);
  const rows = await exportEmployeeRows(query);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`employees.csv.${k}`), type })),
      rows: rows.map((e) => [
        e.employeeNumber,
        e.name,
        e.nameKana,
        e.email,
        e.departmentCode,
        t(`employmentTypes.${e.employmentType}`),
        e.hireDate,
        e.leaveDate,
        e.departmentName,
        e.exemptionReason,
        t(`employees.state.${e.state}`),
      ]),
      fileName: t("employees.csv.fileName", { date: todayInTokyo().replaceAll("-", "") }),
      sheetName: t("employees.title"),
    },
    format,
    { user, entity: "employee", filters: query },
  );
});
