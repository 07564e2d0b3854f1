import "server-only";
import { and, asc, between, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { courses, departments, employees, trainingRecords, trainingRecordTally } from "@/db/schema";
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
 * Training status (docs/domain.md §1): the rule of lib/training/status.ts classifies every (employee ×
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

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Rows of db.execute(): postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Runs the status query in one read-only transaction with JIT off: Postgres would otherwise spend
 * longer compiling this query (~1 s at 100k pairs) than running it; and with room to sort the pairs
 * in memory (at 20,000 employees the default 4 MB spills a 115,000-pair sort to disk).
 */
async function run<T>(q: SQL): Promise<T[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return rowsOf<T>(await tx.execute(q));
  });
}

/** Text order for names and codes: ICU Japanese where the server has it (the list's Intl.Collator("ja")), else the default. */
let jaCollation: Promise<SQL> | undefined;
export function textOrder(): Promise<SQL> {
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
 * Where a day's pairs are judged from:
 * - "current": training_current_status (kept by triggers, see db/schema/training.ts), which holds the
 *   latest passing completion of every live pair as it stands now. It answers for a day on or after
 *   today (Tokyo) when no live passing record is dated after that day — records are never dated in the
 *   future, so in practice: the current fiscal year, and a future one. Reading it costs one row per pair.
 * - "records": the latest passing completion on or before the day, found among the records (an
 *   index-only probe per pair): any past day, e.g. how a past fiscal year ended.
 * Both give the same answer where both answer (tests/integration/training-current-status.test.ts).
 */
export type PairSource = "current" | "records";

export async function pairSourceFor(asOf: string, today: string = todayInTokyo()): Promise<PairSource> {
  if (asOf < today) return "records";
  const db = await getDb();
  const [r] = rowsOf<{ later: boolean }>(
    await db.execute(
      sql`select exists(select 1 from training_records where completed_on > ${asOf}::date and passed and retired_at is null) as later`,
    ),
  );
  return r?.later ? "records" : "current";
}

/**
 * Every (employee active on `asOf` × course required of them on `asOf`) pair with its status —
 * lib/training/status.ts (isActiveOn, isRequired, computeTrainingStatus) and buildStatusRows as one
 * SQL query, so that filtering, counting, sorting and paging happen in the database and only one
 * page of rows leaves it. The rule itself is stated once, in the SQL functions of migration 0010
 * (training_required, training_due_on, training_status_on, training_exempt);
 * tests/integration/training-status.test.ts proves it equal to the pure functions on the demo data,
 * and the page's rows are computed again by computeTrainingStatus.
 * - employee: hired on or before the day, leave date not before it, not retired by it (Tokyo day);
 * - course: not retired by the day, requiredFrom on or before it, audience as training_required;
 * - last passing completion on or before the day (live records): from `source` (see PairSource);
 * - status: training_status_on with due = training_due_on.
 */
export function judgedPairs(f: Omit<StatusFilters, "status" | "fiscalYear">, asOf: string, source: PairSource = "records", currentWhere?: SQL): SQL {
  const day = sql`${asOf}::date`;
  const empWhere: SQL[] = [];
  if (f.employmentType?.length) empWhere.push(sql`e.employment_type::text in (${list(f.employmentType)})`);
  if (f.q) {
    const p = containing(f.q);
    empWhere.push(sql`(e.employee_number ilike ${p} or e.name ilike ${p} or e.name_kana ilike ${p})`);
  }
  const columns = sql`e.id as employee_id, e.employee_number, e.name, e.name_kana, e.employment_type::text as employment_type,
               to_char(e.hire_date, 'YYYY-MM-DD') as hire_date, to_char(e.leave_date, 'YYYY-MM-DD') as leave_date,
               e.exemption_reason,
               d.id as department_id, d.code as department_code, d.name as department_name,
               c.id as course_id, c.code as course_code, c.title as course_title, c.recurrence_months, c.new_hire_due_days,
               to_char(c.required_from, 'YYYY-MM-DD') as required_from`;
  let pairs: SQL;
  if (source === "current") {
    const where: SQL[] = [sql`s.hire_date <= ${day}`, sql`(s.leave_date is null or s.leave_date >= ${day})`, sql`s.required_from <= ${day}`, ...empWhere];
    if (f.department?.length) where.push(sql`s.department_id in (${list(f.department)})`);
    if (f.course?.length) where.push(sql`s.course_id in (${list(f.course)})`);
    if (currentWhere) where.push(currentWhere);
    pairs = sql`
        select ${columns}, s.exempt, s.last_passed_on, s.due_on as rule_due_on
        from training_current_status s
        join employees e on e.id = s.employee_id
        join departments d on d.id = s.department_id
        join courses c on c.id = s.course_id
        where ${and(...where)}`;
  } else {
    empWhere.unshift(
      sql`e.hire_date <= ${day}`,
      sql`(e.leave_date is null or e.leave_date >= ${day})`,
      sql`(e.retired_at is null or (e.retired_at at time zone 'Asia/Tokyo')::date > ${day})`,
    );
    if (f.department?.length) empWhere.push(sql`e.department_id in (${list(f.department)})`);
    const courseWhere = f.course?.length ? sql` and c.id in (${list(f.course)})` : sql``;
    pairs = sql`
        select q.*, training_due_on(q.last_passed_on, q.recurrence_months, q.hire_day, q.required_day, q.new_hire_due_days) as rule_due_on
        from (
          select ${columns}, training_exempt(e.exemption_reason) as exempt, e.hire_date as hire_day, c.required_from as required_day, lp.last_passed_on
          from employees e
          join departments d on d.id = e.department_id
          join courses c
            on c.required_from <= ${day}
           and (c.retired_at is null or (c.retired_at at time zone 'Asia/Tokyo')::date > ${day})
           and training_required(c.audience_all, c.audience_department_ids, c.audience_employment_types, e.department_id, e.employment_type::text)${courseWhere}
          left join lateral (
            select max(r.completed_on) as last_passed_on from training_records r
            where r.employee_id = e.id and r.course_id = c.id and r.passed and r.retired_at is null and r.completed_on <= ${day}
          ) lp on true
          where ${and(...empWhere)}
        ) q`;
  }
  return sql`
    select p.*, to_char(p.last_passed_on, 'YYYY-MM-DD') as last_passed_text,
           case when p.exempt then null else p.rule_due_on end as due_on,
           training_status_on(p.exempt, p.last_passed_on is not null, p.rule_due_on, ${day}, ${DUE_SOON_DAYS}::int) as status
    from (${pairs}) p`;
}

/** The status of each pair counted on `asOf`, from training_current_status alone (source "current"). */
function currentPairStatuses(f: Pick<StatusFilters, "department" | "course">, asOf: string): SQL {
  const day = sql`${asOf}::date`;
  const where: SQL[] = [sql`s.hire_date <= ${day}`, sql`(s.leave_date is null or s.leave_date >= ${day})`, sql`s.required_from <= ${day}`];
  if (f.department?.length) where.push(sql`s.department_id in (${list(f.department)})`);
  if (f.course?.length) where.push(sql`s.course_id in (${list(f.course)})`);
  return sql`
    select s.course_id, s.department_id, training_status_on(s.exempt, s.last_passed_on is not null, s.due_on, ${day}, ${DUE_SOON_DAYS}::int) as status
    from training_current_status s
    where ${and(...where)}`;
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

async function selectRows(q: ExportTrainingStatusQuery, asOf: string, source: PairSource, page?: { page: number; pageSize: number }) {
  const statusWhere = q.status?.length ? sql`where j.status in (${list(q.status)})` : sql``;
  const limit = page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql``;
  return run<PairRow>(sql`select j.* from (${judgedPairs(q, asOf, source)}) j ${statusWhere} order by ${orderBy(q.sort, q.dir, await textOrder())} ${limit}`);
}

/**
 * How many pairs the list's filter selects, per status, counted apart from the page (a window count
 * would make the database join and keep every pair's columns only to count them). From the current
 * table with no employee filter: summed from the day's stored counts per course, department and status
 * (storedDayCounts); otherwise the judged pairs counted.
 */
async function statusTotals(q: ExportTrainingStatusQuery, asOf: string, source: PairSource): Promise<Map<TrainingStatus, number>> {
  const day = sql`${asOf}::date`;
  const statusWhere = q.status?.length ? sql`where j.status in (${list(q.status)})` : sql``;
  let from: SQL;
  if (source === "current" && !q.q && !q.employmentType?.length) {
    await storedDayCounts(asOf);
    const where: SQL[] = [sql`t.as_of = ${day}`];
    if (q.department?.length) where.push(sql`t.department_id in (${list(q.department)})`);
    if (q.course?.length) where.push(sql`t.course_id in (${list(q.course)})`);
    from = sql`select t.status, t.n from training_status_day_counts t where ${and(...where)}`;
  } else {
    from = sql`select x.status, 1 as n from (${judgedPairs(q, asOf, source)}) x`;
  }
  const rows = await run<{ status: TrainingStatus; n: number | string | null }>(sql`select j.status, sum(j.n)::int as n from (${from}) j ${statusWhere} group by j.status`);
  return new Map(rows.map((r) => [r.status, Number(r.n ?? 0)]));
}

/**
 * The pairs of each status as a condition the index training_current_status_due_idx serves (migration
 * 0026): exactly the pairs training_status_on gives that status on `day` (the due date of a pair never
 * passed is never null: training_due_on falls back to hire or requiredFrom + the grace days). Stated
 * on the columns rather than as `status = …`, so that the planner sees how many rows each status has
 * and walks the index in due-date order (tests/integration/training-record-tally.test.ts checks each
 * page against the single ORDER BY of every pair).
 */
function statusCondition(status: TrainingStatus, day: SQL): SQL {
  const soon = sql`(${day} + ${DUE_SOON_DAYS}::int)`;
  switch (status) {
    case "overdue":
      return sql`(not s.exempt and s.due_on < ${day})`;
    case "due_soon":
      return sql`(not s.exempt and s.due_on >= ${day} and (s.last_passed_on is null or s.due_on <= ${soon}))`;
    case "compliant":
      return sql`(not s.exempt and s.last_passed_on is not null and (s.due_on is null or s.due_on > ${soon}))`;
    case "exempt":
      return sql`s.exempt`;
  }
}

/**
 * One page of the list sorted by status first (sort "priority" or "status"), from the current table:
 * the statuses in rank order, each a query of its own ordered by due date (then employee number and
 * course code) that reads only the rows the page takes from it — the first page of ~115,000 pairs at
 * 10× reads a few hundred rows through the due-date index instead of sorting them all. The same order
 * as selectRows' single ORDER BY (tests/integration/training-record-tally.test.ts compares them page by page).
 */
async function pageByStatus(q: ListTrainingStatusQuery, asOf: string, totals: Map<TrainingStatus, number>): Promise<PairRow[]> {
  const day = sql`${asOf}::date`;
  const t = await textOrder();
  const statuses = (Object.keys(STATUS_RANK) as TrainingStatus[])
    .filter((st) => !q.status?.length || q.status.includes(st))
    .sort((a, b) => (q.dir === "desc" ? STATUS_RANK[b] - STATUS_RANK[a] : STATUS_RANK[a] - STATUS_RANK[b]));
  const start = (q.page - 1) * q.pageSize;
  const end = start + q.pageSize;
  const out: PairRow[] = [];
  let before = 0;
  for (const status of statuses) {
    const n = totals.get(status) ?? 0;
    const from = Math.max(start, before);
    const to = Math.min(end, before + n);
    if (to > from) {
      // Within one status: sortStatusRows' due date (descending only for "priority" desc), then the tie.
      const d = sql.raw(q.sort === "priority" && q.dir === "desc" ? "desc" : "asc");
      const order = status === "exempt" ? sql`j.employee_number${t} asc, j.course_code${t} asc` : sql`j.rule_due_on ${d} nulls last, j.employee_number${t} asc, j.course_code${t} asc`;
      const rows = await run<PairRow>(
        sql`select j.* from (${judgedPairs(q, asOf, "current", statusCondition(status, day))}) j
            order by ${order} limit ${to - from} offset ${from - before}`,
      );
      out.push(...rows);
    }
    before += n;
    if (before >= end) break;
  }
  return out;
}

export async function listTrainingStatus(q: ListTrainingStatusQuery, today: string = todayInTokyo()) {
  const scope = await scopeFor(q.fiscalYear, today);
  const source = await pairSourceFor(scope.asOf);
  let rows: PairRow[];
  let totals: Map<TrainingStatus, number>;
  if (source === "current" && (q.sort === "priority" || q.sort === "status")) {
    totals = await statusTotals(q, scope.asOf, source);
    rows = await pageByStatus(q, scope.asOf, totals);
  } else {
    [rows, totals] = await Promise.all([selectRows(q, scope.asOf, source, q), statusTotals(q, scope.asOf, source)]);
  }
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  return { items: rows.map((r) => toStatusRow(r, scope.asOf)), total, page: q.page, pageSize: q.pageSize, fiscalYear: scope.fiscalYear, asOf: scope.asOf };
}

/** Every row the list's filter selects (no paging), for the CSV export. */
export async function exportTrainingStatusRows(q: ExportTrainingStatusQuery, today: string = todayInTokyo()) {
  const scope = await scopeFor(q.fiscalYear, today);
  const rows = (await selectRows(q, scope.asOf, await pairSourceFor(scope.asOf))).map((r) => toStatusRow(r, scope.asOf));
  return { scope, rows };
}

type CountRow = {
  by_course: boolean;
  course_id: number | null;
  course_code: string | null;
  course_title: string | null;
  department_id: number | null;
  department_code: string | null;
  department_name: string | null;
  status: TrainingStatus;
  n: number | string;
};

/**
 * The pairs of training_current_status on `asOf` per course, department and status, as stored in
 * training_status_day_counts (migration 0026), stored first when the day is not: a few hundred rows to
 * read instead of every pair. The day is counted and stored under the training lock, which every write
 * to the table holds while its trigger forgets the stored days: a write that commits meanwhile waits,
 * then forgets what was stored, so a stored day always equals a count of the table.
 */
export async function storedDayCounts(asOf: string): Promise<void> {
  const db = await getDb();
  const stored = (d: Pick<typeof db, "execute">) =>
    d.execute(sql`select 1 from training_status_days where as_of = ${asOf}::date`).then((res) => rowsOf(res).length > 0);
  if (await stored(db)) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select training_current_status_lock()`);
    if (await stored(tx)) return; // another request stored it meanwhile
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    // Days that can no longer be asked for (the list and summary read today, or a later day).
    await tx.execute(sql`delete from training_status_days where as_of < ${asOf}::date`);
    await tx.execute(sql`insert into training_status_days (as_of) values (${asOf}::date)`);
    await tx.execute(sql`
      insert into training_status_day_counts (as_of, course_id, department_id, status, n)
      select ${asOf}::date, j.course_id, j.department_id, j.status, count(*)::int
      from (${currentPairStatuses({}, asOf)}) j
      group by j.course_id, j.department_id, j.status`);
  });
}

/** Counts per course and per department and status of the scope's pairs (one GROUP BY GROUPING SETS). */
export async function statusCounts(f: Pick<StatusFilters, "department" | "course">, asOf: string, from?: PairSource) {
  const source = from ?? (await pairSourceFor(asOf));
  let rows: CountRow[];
  if (source === "current") {
    // Only ids and statuses are grouped (no employee is read), the names joined to the few groups.
    await storedDayCounts(asOf);
    const where: SQL[] = [sql`j.as_of = ${asOf}::date`];
    if (f.department?.length) where.push(sql`j.department_id in (${list(f.department)})`);
    if (f.course?.length) where.push(sql`j.course_id in (${list(f.course)})`);
    rows = await run<CountRow>(sql`
    select g.by_course, g.course_id, c.code as course_code, c.title as course_title,
           g.department_id, d.code as department_code, d.name as department_name, g.status, g.n
    from (
      select grouping(j.course_id) = 0 as by_course, j.course_id, j.department_id, j.status, sum(j.n)::int as n
      from training_status_day_counts j
      where ${and(...where)}
      group by grouping sets ((j.course_id, j.status), (j.department_id, j.status))
    ) g
    left join courses c on c.id = g.course_id
    left join departments d on d.id = g.department_id`);
  } else {
    rows = await run<CountRow>(sql`
    select grouping(j.course_id) = 0 as by_course, j.course_id, j.course_code, j.course_title,
           j.department_id, j.department_code, j.department_name, j.status, count(*)::int as n
    from (${judgedPairs(f, asOf, source)}) j
    group by grouping sets ((j.course_id, j.course_code, j.course_title, j.status), (j.department_id, j.department_code, j.department_name, j.status))`);
  }
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The fiscal years a picker offers: from the earliest live record's to the current or the latest record's. */
async function fiscalYearsWithRecords(scope: Scope): Promise<number[]> {
  const db = await getDb();
  const [span] = await db
    .select({
      earliest: sql<string | null>`to_char(min(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
      latest: sql<string | null>`to_char(max(${trainingRecords.completedOn}), 'YYYY-MM-DD')`,
    })
    .from(trainingRecords)
    .where(isNull(trainingRecords.retiredAt));
  return fiscalYearChoices(scope.currentFy, scope.startMonth, span?.earliest ?? null, span?.latest ?? null);
}

/**
 * Passing completions per month of the period, of live records whose employee and course are not
 * retired. Without a department filter: summed from training_record_tally (migration 0020) for the
 * live courses, less the records of retired employees (few, found through their ids); with one, counted
 * from the records of that department's employees.
 */
async function completionsPerMonth(q: SummaryQuery, start: string, end: string): Promise<{ month: string; completions: number }[]> {
  const db = await getDb();
  const month = sql<string>`to_char(${trainingRecords.completedOn}, 'YYYY-MM')`;
  const courseFilter = q.course?.length ? inArray(trainingRecords.courseId, q.course) : undefined;
  const retiredOrDept = q.department?.length ? inArray(employees.departmentId, q.department) : sql`${employees.retiredAt} is not null`;
  const fromRecords = db
    .select({ month, completions: sql<number>`count(*)::int`.mapWith(Number) })
    .from(trainingRecords)
    .innerJoin(employees, eq(employees.id, trainingRecords.employeeId))
    .innerJoin(courses, eq(courses.id, trainingRecords.courseId))
    .where(
      and(
        eq(trainingRecords.passed, true),
        isNull(trainingRecords.retiredAt),
        isNull(courses.retiredAt),
        between(trainingRecords.completedOn, start, end),
        retiredOrDept,
        q.department?.length ? isNull(employees.retiredAt) : undefined,
        courseFilter,
      ),
    )
    .groupBy(month);
  if (q.department?.length) return fromRecords;
  const t = trainingRecordTally;
  const tMonth = sql<string>`to_char(${t.completedOn}, 'YYYY-MM')`;
  const [all, ofRetired] = await Promise.all([
    db
      .select({ month: tMonth, completions: sql<number>`sum(${t.n})::int`.mapWith(Number) })
      .from(t)
      .innerJoin(courses, eq(courses.id, t.courseId))
      .where(and(eq(t.passed, true), isNull(courses.retiredAt), between(t.completedOn, start, end), q.course?.length ? inArray(t.courseId, q.course) : undefined))
      .groupBy(tMonth),
    fromRecords,
  ]);
  const less = new Map(ofRetired.map((r) => [r.month, r.completions]));
  return all.map((r) => ({ month: r.month, completions: r.completions - (less.get(r.month) ?? 0) })).filter((r) => r.completions > 0);
}

export async function getTrainingStatusSummary(q: SummaryQuery, today: string = todayInTokyo()): Promise<TrainingStatusSummary> {
  const scope = await scopeFor(q.fiscalYear, today);
  const { start, end } = fiscalYearRange(scope.fiscalYear, scope.startMonth);
  const [rows, perMonth, fiscalYears] = await Promise.all([
    statusCounts({ department: q.department, course: q.course }, scope.asOf),
    completionsPerMonth(q, start, end),
    fiscalYearsWithRecords(scope),
  ]);
  return {
    fiscalYear: scope.fiscalYear,
    asOf: scope.asOf,
    isCurrentFiscalYear: scope.isCurrentFiscalYear,
    fiscalYears,
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
  const [depts, crs, fiscalYears] = await Promise.all([
    db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.code)),
    db.select({ id: courses.id, code: courses.code, title: courses.title }).from(courses).where(isNull(courses.retiredAt)).orderBy(asc(courses.code)),
    fiscalYearsWithRecords(scope),
  ]);
  return {
    departments: depts,
    courses: crs,
    fiscalYears,
    currentFiscalYear: scope.currentFy,
    startMonth: scope.startMonth,
  };
}
export type StatusFilterOptions = Awaited<ReturnType<typeof getStatusFilterOptions>>;
