import { addDays, addMonths } from "@/lib/dates";
import { fiscalYearMonths, fiscalYearOf } from "@/lib/fiscal-year";
import { completionRate, type TrainingStatus } from "./status";
import type { StatusRow } from "./status-query";

/** Counts per status and the completion rate (compliant / required; exempt is not required). */
export type StatusCounts = ReturnType<typeof completionRate>;

export type CourseSummary = { course: { id: number; code: string; title: string } } & StatusCounts;
export type DepartmentSummary = { department: { id: number; code: string; name: string } } & StatusCounts;
export type MonthCompletions = { month: string; from: string; to: string; completions: number };

export type TrainingStatusSummary = {
  fiscalYear: number;
  /** The day the statuses are taken on: today in the current FY, the last day of a past FY. */
  asOf: string;
  isCurrentFiscalYear: boolean;
  /** Fiscal years the picker offers, newest first. */
  fiscalYears: number[];
  overall: StatusCounts;
  byCourse: CourseSummary[];
  byDepartment: DepartmentSummary[];
  byMonth: MonthCompletions[];
};

function groupCounts<K, G>(rows: readonly StatusRow[], keyOf: (r: StatusRow) => K, groupOf: (r: StatusRow) => G): { group: G; counts: StatusCounts }[] {
  const groups = new Map<K, { group: G; statuses: TrainingStatus[] }>();
  for (const r of rows) {
    const k = keyOf(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { group: groupOf(r), statuses: [] }));
    g.statuses.push(r.status);
  }
  return [...groups.values()].map(({ group, statuses }) => ({ group, counts: completionRate(statuses) }));
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "ja", { numeric: true });

/** Overall, per course and per department, from the same rows the list shows (so the numbers agree). */
export function summarizeStatusRows(rows: readonly StatusRow[]): Pick<TrainingStatusSummary, "overall" | "byCourse" | "byDepartment"> {
  return {
    overall: completionRate(rows.map((r) => r.status)),
    byCourse: groupCounts(rows, (r) => r.course.id, (r) => r.course)
      .map(({ group, counts }) => ({ course: group, ...counts }))
      .sort((a, b) => byCode(a.course, b.course)),
    byDepartment: groupCounts(rows, (r) => r.employee.department.id, (r) => r.employee.department)
      .map(({ group, counts }) => ({ department: group, ...counts }))
      .sort((a, b) => byCode(a.department, b.department)),
  };
}

/** completionRate's counts and rate from counts per status rather than one status per row. */
export function countsFromTotals(n: Partial<Record<TrainingStatus, number>>): StatusCounts {
  const compliant = n.compliant ?? 0;
  const dueSoon = n.due_soon ?? 0;
  const overdue = n.overdue ?? 0;
  const exempt = n.exempt ?? 0;
  const required = compliant + dueSoon + overdue;
  return { required, compliant, dueSoon, overdue, exempt, rate: required === 0 ? null : compliant / required };
}

type GroupCount<G> = { group: G; status: TrainingStatus; n: number };

function totalsBy<G extends { id: number }>(rows: readonly GroupCount<G>[]): { group: G; counts: StatusCounts }[] {
  const groups = new Map<number, { group: G; n: Partial<Record<TrainingStatus, number>> }>();
  for (const r of rows) {
    let g = groups.get(r.group.id);
    if (!g) groups.set(r.group.id, (g = { group: r.group, n: {} }));
    g.n[r.status] = (g.n[r.status] ?? 0) + r.n;
  }
  return [...groups.values()].map(({ group, n }) => ({ group, counts: countsFromTotals(n) }));
}

/**
 * summarizeStatusRows from counts the database made (per course × status and per department ×
 * status, of the same pairs): every pair has exactly one course, so the overall counts are the sum
 * of the per-course ones.
 */
export function summarizeStatusCounts(
  byCourse: readonly GroupCount<{ id: number; code: string; title: string }>[],
  byDepartment: readonly GroupCount<{ id: number; code: string; name: string }>[],
): Pick<TrainingStatusSummary, "overall" | "byCourse" | "byDepartment"> {
  const overall: Partial<Record<TrainingStatus, number>> = {};
  for (const r of byCourse) overall[r.status] = (overall[r.status] ?? 0) + r.n;
  return {
    overall: countsFromTotals(overall),
    byCourse: totalsBy(byCourse)
      .map(({ group, counts }) => ({ course: group, ...counts }))
      .sort((a, b) => byCode(a.course, b.course)),
    byDepartment: totalsBy(byDepartment)
      .map(({ group, counts }) => ({ department: group, ...counts }))
      .sort((a, b) => byCode(a.department, b.department)),
  };
}

/** Every month of the fiscal year in order, with its first and last day; 0 where nothing was completed. */
export function fillFiscalYearMonths(fy: number, startMonth: number, counts: readonly { month: string; completions: number }[]): MonthCompletions[] {
  const found = new Map<string, number>();
  for (const c of counts) found.set(c.month, (found.get(c.month) ?? 0) + c.completions);
  return fiscalYearMonths(fy, startMonth).map((month) => {
    const from = `${month}-01`;
    return { month, from, to: addDays(addMonths(from, 1), -1), completions: found.get(month) ?? 0 };
  });
}

/**
 * The fiscal years worth offering, newest first: from the one of the earliest record to the later
 * of the current one and the one of the latest record (a contiguous range, so a year without
 * records still shows its — empty — picture rather than vanishing from the picker).
 */
export function fiscalYearChoices(currentFy: number, startMonth: number, earliest: string | null, latest: string | null): number[] {
  const first = earliest ? Math.min(fiscalYearOf(earliest, startMonth), currentFy) : currentFy;
  const last = latest ? Math.max(fiscalYearOf(latest, startMonth), currentFy) : currentFy;
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}
