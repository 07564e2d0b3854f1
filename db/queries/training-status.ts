import "server-only";
import { and, asc, between, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { courses, departments, employees, trainingRecords } from "@/db/schema";
import { todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import { DUE_SOON_DAYS, computeTrainingStatus, statusAsOfForFiscalYear, type TrainingStatus } from "@/lib/training/status";
import {
  STATUS_RANK,
  type ExportTrainingStatusQuery,
  type ListTrainingStatusQuery,
  type StatusFilters,
  type StatusRow,
  type StatusSort,
  type SummaryQuery,
} from "@/lib/training/status-query";
import { fillFiscalYearMonths, fiscalYearChoices, summarizeStatusCounts, type TrainingStatusSummary } from "@/lib/training/status-summary";
import { getFiscalYearStartMonth } from "./settings";

/**
 * Training status (domain.md §1): the rule of lib/training/status.ts classifies every (employee ×
 * course) pair inside one SQL query (judgedPairs), which also filters, counts, sorts and pages, so
 * that only one page of rows (or a few counts) leaves the database; the page's rows are computed
 * again by computeTrainingStatus. `today` is a parameter so tests can fix it.
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

/** JS's String.prototype.trim() whitespace: "has an exemption reason" is a reason that is not blank once trimmed. */
const NOT_BLANK_RE = "[^\\s\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Rows of db.execute(): postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Runs the status query in one read-only transaction with JIT off: Postgres would otherwise spend
 * longer compiling this query (~1 s at 100k pairs) than running it.
 */
async function run<T>(q: SQL): Promise<T[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<T>(await tx.execute(q));
  });
}

/** Text order for names and codes: ICU Japanese where the server has it (the list's Intl.Collator("ja")), else the default. */
let jaCollation: Promise<SQL> | undefined;
function textOrder(): Promise<SQL> {
  jaCollation ??= getDb()
    .then((db) => db.execute(sql`select 1 from pg_collation where collname = 'ja-x-icu'`))
    .then((res) => (rowsOf(res).length ? sql.raw(` collate "ja-x-icu"`) : sql.raw("")))
    .catch(() => {
      jaCollation = undefined;
      return sql.raw("");
    });
  return jaCollation;
}

/**
 * Every (employee active on `asOf` × course required of them on `asOf`) pair with its status —
 * lib/training/status.ts (isActiveOn, isRequired, computeTrainingStatus) and buildStatusRows as one
 * SQL query, so that filtering, counting, sorting and paging happen in the database and only one
 * page of rows leaves it. tests/integration/training-status.test.ts proves it equal to the pure
 * functions on the demo data; the page's rows are computed again by computeTrainingStatus.
 * - employee: hired on or before the day, leave date not before it, not retired by it (Tokyo day);
 * - course: not retired by the day, requiredFrom on or before it, audience all or (department
 *   and/or employment type, an empty list not narrowing; both empty: nobody);
 * - last passing completion on or before the day (live records): one index-only probe of
 *   training_records_passed_idx per pair;
 * - status: exempt (a non-blank exemption reason) › compliant (passed a once-only course) › overdue
 *   (due before the day) › due_soon (never passed, or due within DUE_SOON_DAYS) › compliant, where
 *   due = last passed + recurrence months (Postgres clamps the month end as addMonths does), or
 *   max(hire date, requiredFrom) + newHireDueDays when never passed.
 */
export function judgedPairs(f: Omit<StatusFilters, "status" | "fiscalYear">, asOf: string): SQL {
  const day = sql`${asOf}::date`;
  const empWhere: SQL[] = [
    sql`e.hire_date <= ${day}`,
    sql`(e.leave_date is null or e.leave_date >= ${day})`,
    sql`(e.retired_at is null or (e.retired_at at time zone 'Asia/Tokyo')::date > ${day})`,
  ];
  if (f.department?.length) empWhere.push(sql`e.department_id in (${list(f.department)})`);
  if (f.employmentType?.length) empWhere.push(sql`e.employment_type::text in (${list(f.employmentType)})`);
  if (f.q) {
    const p = containing(f.q);
    empWhere.push(sql`(e.employee_number ilike ${p} or e.name ilike ${p} or e.name_kana ilike ${p})`);
  }
  const courseWhere = f.course?.length ? sql` and c.id in (${list(f.course)})` : sql``;
  return sql`
    select p.*, to_char(p.last_passed_on, 'YYYY-MM-DD') as last_passed_text,
           case
             when p.exempt then 'exempt'
             when p.last_passed_on is not null and p.recurrence_months is null then 'compliant'
             when p.due_on < ${day} then 'overdue'
             when p.last_passed_on is null or p.due_on - ${day} <= ${DUE_SOON_DAYS} then 'due_soon'
             else 'compliant'
           end as status
    from (
      select q.*,
             case
               when q.exempt or (q.last_passed_on is not null and q.recurrence_months is null) then null
               else coalesce((q.last_passed_on + make_interval(months => q.recurrence_months))::date, q.grace_due)
             end as due_on
      from (
        select e.id as employee_id, e.employee_number, e.name, e.name_kana, e.employment_type::text as employment_type,
               to_char(e.hire_date, 'YYYY-MM-DD') as hire_date, to_char(e.leave_date, 'YYYY-MM-DD') as leave_date,
               e.exemption_reason, coalesce(e.exemption_reason ~ ${NOT_BLANK_RE}, false) as exempt,
               d.id as department_id, d.code as department_code, d.name as department_name,
               c.id as course_id, c.code as course_code, c.title as course_title, c.recurrence_months, c.new_hire_due_days,
               to_char(c.required_from, 'YYYY-MM-DD') as required_from,
               greatest(e.hire_date, c.required_from) + c.new_hire_due_days as grace_due,
               lp.last_passed_on
        from employees e
        join departments d on d.id = e.department_id
        join courses c
          on c.required_from <= ${day}
         and (c.retired_at is null or (c.retired_at at time zone 'Asia/Tokyo')::date > ${day})
         and (c.audience_all
              or ((cardinality(c.audience_department_ids) > 0 or cardinality(c.audience_employment_types) > 0)
                  and (cardinality(c.audience_department_ids) = 0 or e.department_id = any(c.audience_department_ids))
                  and (cardinality(c.audience_employment_types) = 0 or e.employment_type::text = any(c.audience_employment_types))))${courseWhere}
        left join lateral (
          select max(r.completed_on) as last_passed_on from training_records r
          where r.employee_id = e.id and r.course_id = c.id and r.passed and r.retired_at is null and r.completed_on <= ${day}
        ) lp on true
        where ${and(...empWhere)}
      ) q
    ) p`;
}

type PairRow = {
  employee_id: number;
  employee_number: string;
  name: string;
  name_kana: string | null;
  employment_type: string;
  hire_date: string;
  leave_date: string | null;
  exemption_reason: string | null;
  department_id: number;
  department_code: string;
  department_name: string;
  course_id: number;
  course_code: string;
  course_title: string;
  recurrence_months: number | null;
  new_hire_due_days: number;
  required_from: string;
  last_passed_text: string | null;
  status: TrainingStatus;
  total?: number | string;
};

/** One list row, its status computed again by the pure rule (computeTrainingStatus) from the facts the query read. */
function toStatusRow(r: PairRow, asOf: string): StatusRow {
  const result = computeTrainingStatus({
    asOf,
    lastPassedOn: r.last_passed_text,
    employee: {
      id: Number(r.employee_id),
      departmentId: Number(r.department_id),
      employmentType: r.employment_type,
      hireDate: r.hire_date,
      leaveDate: r.leave_date,
      exemptionReason: r.exemption_reason,
    },
    course: {
      id: Number(r.course_id),
      audienceAll: true,
      audienceDepartmentIds: [],
      audienceEmploymentTypes: [],
      recurrenceMonths: r.recurrence_months === null ? null : Number(r.recurrence_months),
      newHireDueDays: Number(r.new_hire_due_days),
      passMark: null,
      requiredFrom: r.required_from,
    },
  });
  return {
    employee: {
      id: Number(r.employee_id),
      number: r.employee_number,
      name: r.name,
      nameKana: r.name_kana,
      employmentType: r.employment_type,
      department: { id: Number(r.department_id), code: r.department_code, name: r.department_name },
    },
    course: { id: Number(r.course_id), code: r.course_code, title: r.course_title },
    ...result,
  };
}

const rankSql = sql.raw(`case j.status when 'overdue' then ${STATUS_RANK.overdue} when 'due_soon' then ${STATUS_RANK.due_soon} when 'compliant' then ${STATUS_RANK.compliant} else ${STATUS_RANK.exempt} end`);

/** sortStatusRows (lib/training/status-query.ts) as an ORDER BY: the chosen key, then employee number and course code. */
function orderBy(sort: StatusSort, dir: "asc" | "desc", t: SQL): SQL {
  const d = sql.raw(dir === "desc" ? "desc" : "asc");
  const tie = sql`j.employee_number${t} asc, j.course_code${t} asc`;
  const primary: Record<StatusSort, SQL> = {
    priority: sql`${rankSql} ${d}, j.due_on ${d} nulls last`,
    status: sql`${rankSql} ${d}, j.due_on asc nulls last`,
    employeeNumber: sql`j.employee_number${t} ${d}`,
    name: sql`coalesce(nullif(j.name_kana, ''), j.name)${t} ${d}, j.name${t} ${d}`,
    department: sql`j.department_code${t} ${d}, j.department_name${t} ${d}`,
    course: sql`j.course_code${t} ${d}`,
    dueOn: sql`j.due_on ${d} nulls last`,
  };
  return sql`${primary[sort]}, ${tie}`;
}

async function selectRows(q: ExportTrainingStatusQuery, asOf: string, page?: { page: number; pageSize: number }) {
  const statusWhere = q.status?.length ? sql`where j.status in (${list(q.status)})` : sql``;
  const limit = page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql``;
  const total = page ? sql`, count(*) over () as total` : sql``;
  return run<PairRow>(
    sql`select j.*${total} from (${judgedPairs(q, asOf)}) j ${statusWhere} order by ${orderBy(q.sort, q.dir, await textOrder())} ${limit}`,
  );
}

export async function listTrainingStatus(q: ListTrainingStatusQuery, today: string = todayInTokyo()) {
  const scope = await scopeFor(q.fiscalYear, today);
  const rows = await selectRows(q, scope.asOf, q);
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && q.page > 1) {
    // Past the last page: the window count saw no row, so count on its own.
    const statusWhere = q.status?.length ? sql`where j.status in (${list(q.status)})` : sql``;
    const [c] = await run<{ n: number | string }>(sql`select count(*)::int as n from (${judgedPairs(q, scope.asOf)}) j ${statusWhere}`);
    total = Number(c?.n ?? 0);
  }
  return { items: rows.map((r) => toStatusRow(r, scope.asOf)), total, page: q.page, pageSize: q.pageSize, fiscalYear: scope.fiscalYear, asOf: scope.asOf };
}

/** Every row the list's filter selects (no paging), for the CSV export. */
export async function exportTrainingStatusRows(q: ExportTrainingStatusQuery, today: string = todayInTokyo()) {
  const scope = await scopeFor(q.fiscalYear, today);
  const rows = (await selectRows(q, scope.asOf)).map((r) => toStatusRow(r, scope.asOf));
  return { scope, rows };
}

/** Counts per course and per department and status of the scope's pairs (one GROUP BY GROUPING SETS). */
async function statusCounts(f: Pick<StatusFilters, "department" | "course">, asOf: string) {
  const rows = await run<{
    by_course: boolean;
    course_id: number | null;
    course_code: string | null;
    course_title: string | null;
    department_id: number | null;
    department_code: string | null;
    department_name: string | null;
    status: TrainingStatus;
    n: number | string;
  }>(sql`
    select grouping(j.course_id) = 0 as by_course, j.course_id, j.course_code, j.course_title,
           j.department_id, j.department_code, j.department_name, j.status, count(*)::int as n
    from (${judgedPairs(f, asOf)}) j
    group by grouping sets ((j.course_id, j.course_code, j.course_title, j.status), (j.department_id, j.department_code, j.department_name, j.status))`);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function getTrainingStatusSummary(q: SummaryQuery, today: string = todayInTokyo()): Promise<TrainingStatusSummary> {
  const db = await getDb();
  const scope = await scopeFor(q.fiscalYear, today);
  const { start, end } = fiscalYearRange(scope.fiscalYear, scope.startMonth);
  const month = sql<string>`to_char(${trainingRecords.completedOn}, 'YYYY-MM')`;
  const [rows, perMonth, [span]] = await Promise.all([
    statusCounts({ department: q.department, course: q.course }, scope.asOf),
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
    ...summarizeStatusCounts(
      rows.filter((r) => r.by_course).map((r) => ({ group: { id: Number(r.course_id), code: r.course_code!, title: r.course_title! }, status: r.status, n: r.n })),
      rows.filter((r) => !r.by_course).map((r) => ({ group: { id: Number(r.department_id), code: r.department_code!, name: r.department_name! }, status: r.status, n: r.n })),
    ),
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
