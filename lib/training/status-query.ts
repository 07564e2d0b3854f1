import { z } from "zod";
import { compareDates, todayInTokyo } from "@/lib/dates";
import { paging, sortDir } from "@/lib/validation/common";
import {
  TRAINING_STATUSES,
  computeTrainingStatus,
  isActiveOn,
  isRequired,
  type CourseRule,
  type EmployeeFacts,
  type StatusResult,
  type TrainingStatus,
} from "./status";
import { EMPLOYMENT_TYPES as EMPLOYMENT_TYPE_VALUES } from "./employees-schema";
import type { Page } from "@/lib/list/page";

/**
 * The training status list: its query (shared by the route, the CSV export and the page's URL),
 * the rows (one per active employee × required course, computed as of a day) and their
 * filtering, sorting and paging. Pure: the database only supplies the inputs.
 */

/** The employment types (lib/training/employees-schema.ts, also the database enum). */
export { EMPLOYMENT_TYPE_VALUES };

export const STATUS_SORTS = ["priority", "employeeNumber", "name", "department", "course", "status", "dueOn"] as const;
export type StatusSort = (typeof STATUS_SORTS)[number];

/** "?department=1&department=2" arrives as an array, "?department=1" as a string; "1,2" works too. */
function listOf<T extends z.ZodType>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    // Each item parses a string (coercion or enum); zod types a coerced input as unknown.
    .pipe(z.array(item).max(100, "validation.tooMany") as unknown as z.ZodType<z.output<T>[], string[]>)
    .optional();
}

const idItem = z.coerce.number({ error: "validation.invalidType" }).int("validation.invalidType").positive("validation.invalidType");

export const statusFilterShape = {
  department: listOf(idItem),
  course: listOf(idItem),
  status: listOf(z.enum(TRAINING_STATUSES as [TrainingStatus, ...TrainingStatus[]], { error: "validation.invalidOption" })),
  employmentType: listOf(z.enum(EMPLOYMENT_TYPE_VALUES, { error: "validation.invalidOption" })),
  fiscalYear: z.coerce.number({ error: "validation.invalidType" }).int("validation.invalidType").min(1900, "validation.tooSmall").max(2998, "validation.tooBig").optional(),
  /** Employee number or name (kanji or kana), partial match. */
  q: z.string().trim().max(100, "validation.tooLong").optional(),
};

export const statusFiltersQuery = z.object(statusFilterShape);
export type StatusFilters = z.infer<typeof statusFiltersQuery>;

export const listTrainingStatusQuery = z.object({
  ...statusFilterShape,
  ...paging,
  sort: z.enum(STATUS_SORTS, { error: "validation.invalidOption" }).default("priority"),
  dir: sortDir,
});
export type ListTrainingStatusQuery = z.infer<typeof listTrainingStatusQuery>;

export const exportTrainingStatusQuery = listTrainingStatusQuery.omit({ page: true, pageSize: true });
export type ExportTrainingStatusQuery = z.infer<typeof exportTrainingStatusQuery>;

export const summaryQuery = z.object({
  department: statusFilterShape.department,
  course: statusFilterShape.course,
  fiscalYear: statusFilterShape.fiscalYear,
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

// ---------------------------------------------------------------------------------------------
// Rows

export type StatusEmployeeInput = EmployeeFacts & {
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  department: { id: number; code: string; name: string };
};
export type StatusCourseInput = CourseRule & { code: string; title: string };

export type StatusRow = {
  employee: {
    id: number;
    number: string;
    name: string;
    nameKana: string | null;
    employmentType: string;
    department: { id: number; code: string; name: string };
  };
  course: { id: number; code: string; title: string };
} & StatusResult;

export const lastPassedKey = (employeeId: number, courseId: number) => `${employeeId}:${courseId}`;

/** A record retired after `asOf` still counted then: the status of a past fiscal year does not change later. */
export function retiredBy(retiredAt: Date | null | undefined, asOf: string): boolean {
  return !!retiredAt && compareDates(todayInTokyo(retiredAt), asOf) <= 0;
}

/**
 * One row per (employee active on `asOf` × course required of them on `asOf`). A course counts
 * from its requiredFrom day; `lastPassed` maps lastPassedKey → the latest passing completion on or
 * before `asOf`.
 */
export function buildStatusRows(args: {
  employees: readonly StatusEmployeeInput[];
  courses: readonly StatusCourseInput[];
  lastPassed: ReadonlyMap<string, string>;
  asOf: string;
}): StatusRow[] {
  const { asOf } = args;
  const courses = args.courses
    .filter((c) => !retiredBy(c.retiredAt, asOf) && compareDates(c.requiredFrom, asOf) <= 0)
    .map((c) => ({ ...c, retiredAt: null }));
  const rows: StatusRow[] = [];
  for (const e of args.employees) {
    const facts: EmployeeFacts = { ...e, retiredAt: retiredBy(e.retiredAt, asOf) ? e.retiredAt : null };
    if (!isActiveOn(facts, asOf)) continue;
    for (const c of courses) {
      if (!isRequired(c, facts)) continue;
      const result = computeTrainingStatus({ course: c, employee: facts, lastPassedOn: args.lastPassed.get(lastPassedKey(e.id, c.id)) ?? null, asOf });
      rows.push({
        employee: {
          id: e.id,
          number: e.employeeNumber,
          name: e.name,
          nameKana: e.nameKana,
          employmentType: e.employmentType,
          department: e.department,
        },
        course: { id: c.id, code: c.code, title: c.title },
        ...result,
      });
    }
  }
  return rows;
}

export function filterByStatus(rows: readonly StatusRow[], statuses: readonly TrainingStatus[] | undefined): StatusRow[] {
  if (!statuses || statuses.length === 0) return [...rows];
  const wanted = new Set(statuses);
  return rows.filter((r) => wanted.has(r.status));
}

// ---------------------------------------------------------------------------------------------
// Sorting

/** What needs attention first. */
export const STATUS_RANK: Record<TrainingStatus, number> = { overdue: 0, due_soon: 1, compliant: 2, exempt: 3 };

const collator = new Intl.Collator("ja", { numeric: true, sensitivity: "base" });
const text = (a: string, b: string) => collator.compare(a, b);
/** Dates ascending, missing dates last whatever the direction. */
const dateNullsLast = (a: string | null, b: string | null, dir: 1 | -1) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * dir;

/**
 * Sorts by the chosen key (in `dir`), then always by employee number and course code ascending,
 * so pages are stable. "priority" (the default): overdue first, then due soon, compliant, exempt;
 * within each, the earliest due date first.
 */
export function sortStatusRows(rows: readonly StatusRow[], sort: StatusSort = "priority", dir: "asc" | "desc" = "asc"): StatusRow[] {
  const d: 1 | -1 = dir === "desc" ? -1 : 1;
  const tie = (a: StatusRow, b: StatusRow) => text(a.employee.number, b.employee.number) || text(a.course.code, b.course.code);
  const primary: (a: StatusRow, b: StatusRow) => number = {
    priority: (a: StatusRow, b: StatusRow) => d * (STATUS_RANK[a.status] - STATUS_RANK[b.status]) || dateNullsLast(a.dueOn, b.dueOn, d),
    status: (a: StatusRow, b: StatusRow) => d * (STATUS_RANK[a.status] - STATUS_RANK[b.status]) || dateNullsLast(a.dueOn, b.dueOn, 1),
    employeeNumber: (a: StatusRow, b: StatusRow) => d * text(a.employee.number, b.employee.number),
    // Japanese names sort by their reading (kana) when it is known.
    name: (a: StatusRow, b: StatusRow) =>
      d * (text(a.employee.nameKana || a.employee.name, b.employee.nameKana || b.employee.name) || text(a.employee.name, b.employee.name)),
    department: (a: StatusRow, b: StatusRow) =>
      d * (text(a.employee.department.code, b.employee.department.code) || text(a.employee.department.name, b.employee.department.name)),
    course: (a: StatusRow, b: StatusRow) => d * text(a.course.code, b.course.code),
    dueOn: (a: StatusRow, b: StatusRow) => dateNullsLast(a.dueOn, b.dueOn, d),
  }[sort];
  return [...rows].sort((a, b) => primary(a, b) || tie(a, b));
}

export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
}
