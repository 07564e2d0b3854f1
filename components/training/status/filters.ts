import { TRAINING_STATUSES, type TrainingStatus } from "@/lib/training/status";
import { EMPLOYMENT_TYPE_VALUES, STATUS_SORTS, type StatusSort, type StatusRow } from "@/lib/training/status-query";
import type { TrainingStatusSummary } from "@/lib/training/status-summary";

/**
 * The URL is the state of the status pages (a chart click or a shared link opens the same view).
 * Shared by the pages (server prefetch) and the client components: the same URL gives the same
 * query key. Invalid values are dropped rather than failing the page.
 */

type Raw = string | string[] | null | undefined;
type Get = (key: string) => Raw;

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

export type StatusListPage = { items: StatusRow[]; total: number; page: number; pageSize: number; fiscalYear: number; asOf: string };
export type { StatusRow, TrainingStatusSummary };

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;

const all = (v: Raw): string[] =>
  (Array.isArray(v) ? v : v ? [v] : [])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
const first = (v: Raw) => all(v)[0] ?? "";
const unique = <T,>(xs: T[]) => [...new Set(xs)];
const ids = (v: Raw) => unique(all(v).map(Number).filter((n) => Number.isInteger(n) && n > 0)).sort((a, b) => a - b);
const oneOf = <T extends string>(allowed: readonly T[], v: Raw) => unique(all(v).filter((s): s is T => (allowed as readonly string[]).includes(s)));
const year = (v: Raw) => {
  const n = Number(first(v));
  return Number.isInteger(n) && n >= 1900 && n <= 2998 ? n : null;
};

export function summaryFilterFrom(get: Get): SummaryFilter {
  return { fiscalYear: year(get("fiscalYear")), department: ids(get("department")), course: ids(get("course")) };
}

export function statusListFilterFrom(get: Get): StatusListFilter {
  const page = Number(first(get("page")));
  const pageSize = Number(first(get("pageSize")));
  const sort = first(get("sort"));
  return {
    ...summaryFilterFrom(get),
    status: oneOf(TRAINING_STATUSES, get("status")).sort((a, b) => TRAINING_STATUSES.indexOf(a) - TRAINING_STATUSES.indexOf(b)),
    employmentType: oneOf(EMPLOYMENT_TYPE_VALUES, get("employmentType")),
    q: first(get("q")).slice(0, 100),
    sort: (STATUS_SORTS as readonly string[]).includes(sort) ? (sort as StatusSort) : "priority",
    dir: first(get("dir")) === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** From a Next page's searchParams object or a URLSearchParams. */
export const fromRecord = (sp: Record<string, string | string[] | undefined>): Get => (k) => sp[k];
export const fromSearchParams = (sp: { getAll: (k: string) => string[] }): Get => (k) => sp.getAll(k);

export const statusKeys = {
  all: ["training-status"] as const,
  summary: (f: SummaryFilter) => ["training-status", "summary", f] as const,
  list: (f: StatusListFilter) => ["training-status", "list", f] as const,
};

type Params = Record<string, string | number | undefined | (string | number)[]>;

/** The URL query of the list (defaults left out, so links stay short); also the API's query. */
export function statusListParams(f: Partial<StatusListFilter>): Params {
  return {
    department: f.department?.length ? f.department : undefined,
    course: f.course?.length ? f.course : undefined,
    status: f.status?.length ? f.status : undefined,
    employmentType: f.employmentType?.length ? f.employmentType : undefined,
    q: f.q || undefined,
    fiscalYear: f.fiscalYear ?? undefined,
    sort: f.sort && f.sort !== "priority" ? f.sort : undefined,
    dir: f.dir === "desc" ? "desc" : undefined,
    page: f.page && f.page > 1 ? f.page : undefined,
    pageSize: f.pageSize && f.pageSize !== DEFAULT_PAGE_SIZE ? f.pageSize : undefined,
  };
}

export function summaryParams(f: SummaryFilter): Params {
  return {
    department: f.department.length ? f.department : undefined,
    course: f.course.length ? f.course : undefined,
    fiscalYear: f.fiscalYear ?? undefined,
  };
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
