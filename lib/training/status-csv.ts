import { toCsv } from "@/lib/csv/export";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import type { StatusRow } from "./status-query";

/** The status list as CSV text with headers and labels in the caller's language; dates stay YYYY-MM-DD. */
export function statusCsv(rows: readonly StatusRow[], opts: { locale: Locale; fiscalYear: number; today: string }): { csv: string; fileName: string } {
  const t = translator(opts.locale);
  const header = [
    t("trainingStatus.columns.employeeNumber"),
    t("trainingStatus.columns.name"),
    t("trainingStatus.columns.departmentCode"),
    t("trainingStatus.columns.department"),
    t("trainingStatus.columns.employmentType"),
    t("trainingStatus.columns.courseCode"),
    t("trainingStatus.columns.course"),
    t("trainingStatus.columns.status"),
    t("trainingStatus.columns.lastCompletedOn"),
    t("trainingStatus.columns.validUntil"),
    t("trainingStatus.columns.dueOn"),
    t("trainingStatus.columns.daysLeft"),
    t("trainingStatus.columns.exemptionReason"),
  ];
  const employmentType = (v: string) => {
    const key = `trainingStatus.employmentTypes.${v}`;
    return t.has(key as "trainingStatus.employmentTypes.regular") ? t(key as "trainingStatus.employmentTypes.regular") : v;
  };
  const csv = toCsv(
    header,
    rows.map((r) => [
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
  );
  const fileName = `${t("trainingStatus.exportFileName")}_${fiscalYearLabel(opts.fiscalYear, opts.locale)}_${opts.today.replaceAll("-", "")}.csv`;
  return { csv, fileName };
}
