import "server-only";
import { and, asc, between, eq, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { courses, departments, employees, trainingRecords } from "@/db/schema";
import { todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import { statusAsOfForFiscalYear } from "@/lib/training/status";
import {
  buildStatusRows,
  filterByStatus,
  lastPassedKey,
  pageOf,
  sortStatusRows,
  type ExportTrainingStatusQuery,
  type ListTrainingStatusQuery,
  type StatusFilters,
  type StatusRow,
  type SummaryQuery,
} from "@/lib/training/status-query";
import { fillFiscalYearMonths, fiscalYearChoices, summarizeStatusRows, type TrainingStatusSummary } from "@/lib/training/status-summary";
import { getFiscalYearStartMonth } from "./settings";

/**
 * Training status (domain.md §1): three queries load the inputs — employees, courses, and the
 * latest passing completion per employee × course on or before the as-of day (one GROUP BY) —
 * and lib/training computes the statuses. `today` is a parameter so tests can fix it.
 */

type Scope = { fiscalYear: number; asOf: string; isCurrentFiscalYear: boolean; startMonth: number; currentFy: number };

async function scopeFor(fiscalYear: number | undefined, today: string): Promise<Scope> {
  const startMonth = await getFiscalYearStartMonth();
  const currentFy = currentFiscalYear(today, startMonth);
  const fy = fiscalYear ?? currentFy;
  return { fiscalYear: fy, asOf: statusAsOfForFiscalYear(fy, today, startMonth), isCurrentFiscalYear: fy === currentFy, startMonth, currentFy };
}

/** LIKE pattern matching `text` literally (a user's % or _ is not a wildcard). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function employeeConditions(f: Pick<StatusFilters, "department" | "employmentType" | "q">, asOf: string): SQL | undefined {
  const where: SQL[] = [
    // Employed on the as-of day (isActiveOn decides again, with retirement).
    lte(employees.hireDate, asOf),
    or(isNull(employees.leaveDate), sql`${employees.leaveDate} > ${asOf}`)!,
  ];
  if (f.department?.length) where.push(inArray(employees.departmentId, f.department));
  if (f.employmentType?.length) where.push(inArray(employees.employmentType, f.employmentType));
  if (f.q) {
    const p = containing(f.q);
    where.push(or(ilike(employees.employeeNumber, p), ilike(employees.name, p), ilike(employees.nameKana, p))!);
  }
  return and(...where);
}

/** Every (active employee × required course) row of the scope, before the status filter. */
async function loadRows(f: Omit<StatusFilters, "status" | "fiscalYear">, asOf: string): Promise<StatusRow[]> {
  const db = await getDb();
  const empWhere = employeeConditions(f, asOf);
  const courseWhere = f.course?.length ? inArray(courses.id, f.course) : undefined;
  const [emps, crs, passed] = await Promise.all([
    db
      .select({
        id: employees.id,
        employeeNumber: employees.employeeNumber,
        name: employees.name,
        nameKana: employees.nameKana,
        departmentId: employees.departmentId,
        employmentType: employees.employmentType,
        hireDate: employees.hireDate,
        leaveDate: employees.leaveDate,
        exemptionReason: employees.exemptionReason,
        retiredAt: employees.retiredAt,
        department: { id: departments.id, code: departments.code, name: departments.name },
      })
      .from(employees)
      .innerJoin(departments, eq(departments.id, employees.departmentId))
      .where(empWhere),
    db.select().from(courses).where(courseWhere),
    db
      .select({
        employeeId: trainingRecords.employeeId,
        courseId: trainingRecords.courseId,
        // Text, not a driver-dependent date object.
        lastPassedOn: sql<string>`to_char(max(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
      })
      .from(trainingRecords)
      .where(
        and(
          eq(trainingRecords.passed, true),
          isNull(trainingRecords.retiredAt),
          lte(trainingRecords.completedOn, asOf),
          f.course?.length ? inArray(trainingRecords.courseId, f.course) : undefined,
          inArray(trainingRecords.employeeId, db.select({ id: employees.id }).from(employees).where(empWhere)),
        ),
      )
      .groupBy(trainingRecords.employeeId, trainingRecords.courseId),
  ]);
  return buildStatusRows({
    asOf,
    employees: emps,
    courses: crs,
    lastPassed: new Map(passed.map((p) => [lastPassedKey(p.employeeId, p.courseId), p.lastPassedOn])),
  });
}

async function filteredSortedRows(q: ExportTrainingStatusQuery, today: string) {
  const scope = await scopeFor(q.fiscalYear, today);
  const rows = sortStatusRows(filterByStatus(await loadRows(q, scope.asOf), q.status), q.sort, q.dir);
  return { scope, rows };
}

export async function listTrainingStatus(q: ListTrainingStatusQuery, today: string = todayInTokyo()) {
  const { scope, rows } = await filteredSortedRows(q, today);
  return { ...pageOf(rows, q.page, q.pageSize), fiscalYear: scope.fiscalYear, asOf: scope.asOf };
}

/** Every row the list's filter selects (no paging), for the CSV export. */
export async function exportTrainingStatusRows(q: ExportTrainingStatusQuery, today: string = todayInTokyo()) {
  return filteredSortedRows(q, today);
}

export async function getTrainingStatusSummary(q: SummaryQuery, today: string = todayInTokyo()): Promise<TrainingStatusSummary> {
  const db = await getDb();
  const scope = await scopeFor(q.fiscalYear, today);
  const { start, end } = fiscalYearRange(scope.fiscalYear, scope.startMonth);
  const month = sql<string>`to_char(${trainingRecords.completedOn}, 'YYYY-MM')`;
  const [rows, perMonth, [span]] = await Promise.all([
    loadRows({ department: q.department, course: q.course }, scope.asOf),
    db
      .select({ month, completions: sql<number>`count(*)::int`.mapWith(Number) })
      .from(trainingRecords)
      .innerJoin(employees, eq(employees.id, trainingRecords.employeeId))
      .innerJoin(courses, eq(courses.id, trainingRecords.courseId))
      .where(
        and(
          eq(trainingRecords.passed, true),
          isNull(trainingRecords.retiredAt),
          isNull(employees.retiredAt),
          isNull(courses.retiredAt),
          between(trainingRecords.completedOn, start, end),
          q.department?.length ? inArray(employees.departmentId, q.department) : undefined,
          q.course?.length ? inArray(trainingRecords.courseId, q.course) : undefined,
        ),
      )
      .groupBy(month),
    db
      .select({
        earliest: sql<string | null>`to_char(min(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
        latest: sql<string | null>`to_char(max(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
      })
      .from(trainingRecords)
      .where(isNull(trainingRecords.retiredAt)),
  ]);
  return {
    fiscalYear: scope.fiscalYear,
    asOf: scope.asOf,
    isCurrentFiscalYear: scope.isCurrentFiscalYear,
    fiscalYears: fiscalYearChoices(scope.currentFy, scope.startMonth, span?.earliest ?? null, span?.latest ?? null),
    ...summarizeStatusRows(rows),
    byMonth: fillFiscalYearMonths(scope.fiscalYear, scope.startMonth, perMonth),
  };
}

/** What the list page's filters offer: live departments and courses, and the fiscal years with data. */
export async function getStatusFilterOptions(today: string = todayInTokyo()) {
  const db = await getDb();
  const scope = await scopeFor(undefined, today);
  const [depts, crs, [span]] = await Promise.all([
    db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.code)),
    db.select({ id: courses.id, code: courses.code, title: courses.title }).from(courses).where(isNull(courses.retiredAt)).orderBy(asc(courses.code)),
    db
      .select({
        earliest: sql<string | null>`to_char(min(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
        latest: sql<string | null>`to_char(max(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
      })
      .from(trainingRecords)
      .where(isNull(trainingRecords.retiredAt)),
  ]);
  return {
    departments: depts,
    courses: crs,
    fiscalYears: fiscalYearChoices(scope.currentFy, scope.startMonth, span?.earliest ?? null, span?.latest ?? null),
    currentFiscalYear: scope.currentFy,
    startMonth: scope.startMonth,
  };
}
export type StatusFilterOptions = Awaited<ReturnType<typeof getStatusFilterOptions>>;
