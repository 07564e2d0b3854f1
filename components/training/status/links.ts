import { listSearch } from "@/lib/list/params";
import type { TrainingStatus } from "@/lib/training/status";
import { listRecordsQuery } from "@/lib/training/records-schema";
import { statusListSearch, type StatusListFilter, type SummaryFilter } from "./filters";

/** The status list filtered as a chart click or a figure asks (the overview's own filter carried along). */
export function statusListHref(scope: SummaryFilter & { fiscalYear: number }, extra: Partial<StatusListFilter> & { status?: TrainingStatus[] } = {}): string {
  return `/training/status${statusListSearch({ department: scope.department, course: scope.course, fiscalYear: scope.fiscalYear, ...extra })}`;
}

/** The training records list (another page) over a period, for the overview's one department and course when it has one. */
export function recordsHref(from: string, to: string, scope: SummaryFilter): string {
  const one = (ids: number[]) => (ids.length === 1 ? ids[0] : undefined);
  return `/training/records${listSearch(listRecordsQuery, { from, to, departmentId: one(scope.department), courseId: one(scope.course) })}`;
}
