import { toQueryString } from "@/lib/client/api";
import type { TrainingStatus } from "@/lib/training/status";
import { statusListParams, type StatusListFilter, type SummaryFilter } from "./filters";

/** The status list filtered as a chart click or a figure asks (the overview's own filter carried along). */
export function statusListHref(scope: SummaryFilter & { fiscalYear: number }, extra: Partial<StatusListFilter> & { status?: TrainingStatus[] } = {}): string {
  return `/training/status${toQueryString(statusListParams({ department: scope.department, course: scope.course, fiscalYear: scope.fiscalYear, ...extra }))}`;
}

/** The training records list (another page) takes from, to, department and course. */
export function recordsHref(from: string, to: string, scope: SummaryFilter): string {
  return `/training/records${toQueryString({ from, to, department: scope.department, course: scope.course })}`;
}
