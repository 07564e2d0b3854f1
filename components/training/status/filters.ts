import { TRAINING_STATUSES, type TrainingStatus } from "@/lib/training/status";
import { listSearch, parseListParams, type RawParams } from "@/lib/list/params";
import type { Page } from "@/lib/list/page";
import { EMPLOYMENT_TYPE_VALUES, listTrainingStatusQuery, summaryQuery, type StatusSort, type StatusRow } from "@/lib/training/status-query";
import type { TrainingStatusSummary } from "@/lib/training/status-summary";

/**
 * The URL is the state of the status pages (a chart click or a shared link opens the same view),
 * read and written with lib/list and the endpoints' schemas. Shared by the pages (server prefetch)
 * and the client components: the same URL gives the same query key. Invalid values are dropped
 * rather than failing the page.
 */

export type EmploymentTypeValue = (typeof EMPLOYMENT_TYPE_VALUES)[number];

export type StatusListFilter = {
  department: number[];
  course: number[];
  status: TrainingStatus[];
  employmentType: EmploymentTypeValue[];
  fiscalYear: number | null;
  q: string;
  sort: StatusSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type SummaryFilter = { fiscalYear: number | null; department: number[]; course: number[] };

export type StatusListPage = Page<StatusRow> & { fiscalYear: number; asOf: string };
export type { StatusRow, TrainingStatusSummary };

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;

const unique = <T,>(xs: readonly T[] | undefined) => [...new Set(xs ?? [])];
const ids = (xs: readonly number[] | undefined) => unique(xs).sort((a, b) => a - b);

/** The overview's filter from a URL (lib/list reads it with the summary endpoint's schema). */
export function summaryFilterFrom(raw: RawParams): SummaryFilter {
  const v = parseListParams(summaryQuery, raw);
  return { fiscalYear: v.fiscalYear ?? null, department: ids(v.department), course: ids(v.course) };
}

/**
 * The list's filter from a URL, read with the list endpoint's schema; values in a stable order (the
 * same view has one query key) and a page size the pager offers.
 */
export function statusListFilterFrom(raw: RawParams): StatusListFilter {
  const v = parseListParams(listTrainingStatusQuery, raw);
  return {
    fiscalYear: v.fiscalYear ?? null,
    department: ids(v.department),
    course: ids(v.course),
    status: unique(v.status).sort((a, b) => TRAINING_STATUSES.indexOf(a) - TRAINING_STATUSES.indexOf(b)),
    employmentType: unique(v.employmentType),
    q: v.q ?? "",
    sort: v.sort,
    dir: v.dir,
    page: v.page,
    pageSize: (PAGE_SIZES as readonly number[]).includes(v.pageSize) ? v.pageSize : DEFAULT_PAGE_SIZE,
  };
}

export const statusKeys = {
  all: ["training-status"] as const,
  summary: (f: SummaryFilter) => ["training-status", "summary", f] as const,
  list: (f: StatusListFilter) => ["training-status", "list", f] as const,
};

/** "?…" of the list's state (defaults left out, so links stay short); also the API's query. */
export function statusListSearch(f: Partial<StatusListFilter>): string {
  return listSearch(listTrainingStatusQuery, { ...f, fiscalYear: f.fiscalYear ?? undefined });
}

/** "?…" of the overview's state; also the summary API's query. */
export function summarySearch(f: Partial<SummaryFilter>): string {
  return listSearch(summaryQuery, { ...f, fiscalYear: f.fiscalYear ?? undefined });
}

/** The query the API and db layer take (arrays left out when empty). */
export function listQueryInput(f: StatusListFilter) {
  return {
    fiscalYear: f.fiscalYear ?? undefined,
    department: f.department.length ? f.department : undefined,
    course: f.course.length ? f.course : undefined,
    status: f.status.length ? f.status : undefined,
    employmentType: f.employmentType.length ? f.employmentType : undefined,
    q: f.q.trim() || undefined,
    sort: f.sort,
    dir: f.dir,
    page: f.page,
    pageSize: f.pageSize,
  };
}
