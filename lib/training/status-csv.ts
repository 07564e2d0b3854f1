import { fiscalYearLabel } from "@/lib/fiscal-year";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { exportCsv, type ExportTable } from "@/lib/list/export-table";
import type { StatusRow } from "./status-query";

/** The status list as an export table (CSV or .xlsx) with headers and labels in the caller's language; CSV keeps dates YYYY-MM-DD. */
export function statusTable(rows: readonly StatusRow[], opts: { locale: Locale; fiscalYear: number; today: string }): ExportTable {
  const t = translator(opts.locale);
  const date = { type: "date", isoDateInCsv: true } as const;
  const employmentType = (v: string) => {
    const key = `trainingStatus.employmentTypes.${v}`;
    return t.has(key as "trainingStatus.employmentTypes.regular") ? t(key as "trainingStatus.employmentTypes.regular") : v;
  };
  return {
    columns: [
      { header: t("trainingStatus.columns.employeeNumber") },
      { header: t("trainingStatus.columns.name") },
      { header: t("trainingStatus.columns.departmentCode") },
      { header: t("trainingStatus.columns.department") },
      { header: t("trainingStatus.columns.employmentType") },
      { header: t("trainingStatus.columns.courseCode") },
      { header: t("trainingStatus.columns.course") },
      { header: t("trainingStatus.columns.status") },
      { header: t("trainingStatus.columns.lastCompletedOn"), ...date },
      { header: t("trainingStatus.columns.validUntil"), ...date },
      { header: t("trainingStatus.columns.dueOn"), ...date },
      { header: t("trainingStatus.columns.daysLeft"), type: "number" },
      { header: t("trainingStatus.columns.exemptionReason") },
    ],
    rows: rows.map((r) => [
      r.employee.number,
      r.employee.name,
      r.employee.department.code,
      r.employee.department.name,
      employmentType(r.employee.employmentType),
      r.course.code,
      r.course.title,
      t(`statuses.${r.status}`),
      r.lastCompletedOn,
      r.validUntil,
      r.dueOn,
      r.daysLeft,
      r.exemptionReason,
    ]),
    fileName: `${t("trainingStatus.exportFileName")}_${fiscalYearLabel(opts.fiscalYear, opts.locale)}_${opts.today.replaceAll("-", "")}.csv`,
    sheetName: t("trainingStatus.exportFileName"),
  };
}

/** The status list as CSV text and its file name. */
export function statusCsv(rows: readonly StatusRow[], opts: { locale: Locale; fiscalYear: number; today: string }): { csv: string; fileName: string } {
  const table = statusTable(rows, opts);
  return { csv: exportCsv(table), fileName: table.fileName };
}
