import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { addDays } from "@/lib/dates";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { DUE_SOON_DAYS as TRAINING_DUE_SOON_DAYS, type TrainingStatus } from "@/lib/training/status";
import { countsFromTotals, type StatusCounts } from "@/lib/training/status-summary";
import { pairSourceFor, storedDayCounts } from "../training-status";
import type { DashboardScope } from "./scope";
import { num, query, queryNoJit, textArray, type Db } from "./sql";

// Training: the rule of lib/training/status.ts as one SQL aggregate

export type TrainingCountRow = { ord: number; departmentId: number; status: TrainingStatus; n: number };

/**
 * Counts of (active employee × required course) per as-of day, department and status — the same
 * rows db/queries/training-status.ts judges (judgedPairs), counted by the database with the rule's
 * SQL functions (migration 0010: training_required, training_due_on, training_status_on):
 * - employee active on the day: hired on or before it, leave date not before it, not retired by it;
 * - course required: not retired by the day, requiredFrom on or before it, audience as training_required;
 * - last passing completion on or before the day (live records only), per pair — ONE scan of the
 *   records for every day asked, through the partial index training_records_passed_idx.
 * This is the form for past days (the score's monthly trend); the day the dashboard shows is read
 * from training_current_status when it can be (currentTrainingStatusCounts).
 */
export async function trainingStatusCounts(days: readonly string[], db?: Db): Promise<TrainingCountRow[]> {
  if (days.length === 0) return [];
  const d = db ?? (await getDb());
  const maxDay = days.reduce((a, b) => (b > a ? b : a));
  // One filtered max() per day, gathered in an array indexed by the day's position.
  const lastPassed = sql.join(
    days.map((day) => sql`max(r.completed_on) filter (where r.completed_on <= ${day}::date)`),
    sql`, `,
  );
  const rows = await queryNoJit<{ ord: number | string; department_id: number; status: TrainingStatus; n: number | string }>(
    d,
    sql`
    with days as (
      select t.day::date as as_of, t.ord::int as ord
      from unnest(${textArray(days)}::text[]) with ordinality as t(day, ord)
    ),
    passed as (
      select r.employee_id, r.course_id, array[${lastPassed}] as last
      from training_records r
      where r.passed and r.retired_at is null and r.completed_on <= ${maxDay}::date
      group by r.employee_id, r.course_id
    ),
    pairs as (
      select days.ord, days.as_of, e.department_id, training_exempt(e.exemption_reason) as exempt,
             p.last[days.ord] as last,
             training_due_on(p.last[days.ord], c.recurrence_months, e.hire_date, c.required_from, c.new_hire_due_days) as due_on
      from days
      join employees e
        on e.hire_date <= days.as_of
       and (e.leave_date is null or e.leave_date >= days.as_of)
       and (e.retired_at is null or (e.retired_at at time zone 'Asia/Tokyo')::date > days.as_of)
      join courses c
        on c.required_from <= days.as_of
       and (c.retired_at is null or (c.retired_at at time zone 'Asia/Tokyo')::date > days.as_of)
       and training_required(c.audience_all, c.audience_department_ids, c.audience_employment_types, e.department_id, e.employment_type::text)
      left join passed p on p.employee_id = e.id and p.course_id = c.id
    )
    select ord, department_id, training_status_on(exempt, last is not null, due_on, as_of, ${TRAINING_DUE_SOON_DAYS}::int) as status, count(*)::int as n
    from pairs group by 1, 2, 3`,
  );
  return rows.map((r) => ({ ord: Number(r.ord), departmentId: Number(r.department_id), status: r.status, n: num(r.n) }));
}

const isMonthEnd = (day: string) => addDays(day, 1).endsWith("-01");

type StoredRow = { as_of: string; department_id: number | null; status: TrainingStatus | null; n: number | string | null };

/** The stored counts of these days (training_month_end_counts); a day without a training_month_end_days row is absent. */
async function storedMonthEnds(days: readonly string[], db: Db): Promise<Map<string, TrainingCountRow[]>> {
  const rows = await query<StoredRow>(
    db,
    sql`select to_char(d.as_of, 'YYYY-MM-DD') as as_of, c.department_id, c.status, c.n
        from training_month_end_days d left join training_month_end_counts c on c.as_of = d.as_of
        where d.as_of = any(${textArray(days)}::date[])`,
  );
  const out = new Map<string, TrainingCountRow[]>();
  for (const r of rows) {
    const list = out.get(r.as_of) ?? [];
    if (r.department_id !== null && r.status !== null) list.push({ ord: 0, departmentId: Number(r.department_id), status: r.status, n: num(r.n) });
    out.set(r.as_of, list);
  }
  return out;
}

/**
 * trainingStatusCounts for past month ends, read from training_month_end_counts (docs/architecture.md,
 * "Month-end figures"). A month end not stored yet — never asked for, or dropped by a write that can
 * change it (migration 0016's triggers) — is computed from the records with trainingStatusCounts and
 * stored, under the training lock the triggers take: a write that commits while the counts are being
 * computed waits, and drops them again once they are stored, so a stored day always equals a recompute.
 * Days that are not month ends (the running month's today) are not stored: they come from
 * currentTrainingStatusCounts.
 */
export async function monthEndTrainingCounts(days: readonly string[], db?: Db): Promise<TrainingCountRow[]> {
  const d = db ?? (await getDb());
  const ends = [...new Set(days.filter(isMonthEnd))];
  let stored = ends.length ? await storedMonthEnds(ends, d) : new Map<string, TrainingCountRow[]>();
  if (ends.some((day) => !stored.has(day))) {
    stored = await d.transaction(async (tx) => {
      await tx.execute(sql`select training_current_status_lock()`);
      // Read again after the lock: another request may have stored them meanwhile.
      const now = await storedMonthEnds(ends, tx as unknown as Db);
      const missing = ends.filter((day) => !now.has(day));
      if (missing.length === 0) return now;
      const computed = await trainingStatusCounts(missing, tx as unknown as Db);
      await tx.execute(sql`insert into training_month_end_days (as_of) select unnest(${textArray(missing)}::date[])`);
      const rows = computed.filter((r) => r.n > 0).map((r) => ({ as_of: missing[r.ord - 1], department_id: r.departmentId, status: r.status, n: r.n }));
      if (rows.length) {
        await tx.execute(
          sql`insert into training_month_end_counts (as_of, department_id, status, n)
              select x.as_of, x.department_id, x.status, x.n
              from json_to_recordset(${JSON.stringify(rows)}::json) as x(as_of date, department_id int, status text, n int)`,
        );
      }
      for (const day of missing) now.set(day, []);
      for (const r of rows) now.get(r.as_of)!.push({ ord: 0, departmentId: r.department_id, status: r.status, n: r.n });
      return now;
    });
  }
  const others = days.filter((day) => !isMonthEnd(day));
  const live = new Map<string, TrainingCountRow[]>();
  for (const day of new Set(others)) live.set(day, await currentTrainingStatusCounts(day, d));
  return days.flatMap((day, i) => (stored.get(day) ?? live.get(day) ?? []).map((r) => ({ ...r, ord: i + 1 })));
}

/**
 * The same counts for one day, where training_current_status answers for it (pairSourceFor: today or
 * later, no record dated after it): summed from the day's stored counts per course, department and
 * status (training_status_day_counts, stored by the first request of the day and forgotten by any write
 * that changes a pair: db/queries/training-status.ts storedDayCounts), a few hundred rows whatever the
 * number of employees. Otherwise from the records, as trainingStatusCounts does.
 */
export async function currentTrainingStatusCounts(asOf: string, db?: Db): Promise<TrainingCountRow[]> {
  const d = db ?? (await getDb());
  if ((await pairSourceFor(asOf)) !== "current") return trainingStatusCounts([asOf], d);
  await storedDayCounts(asOf);
  const rows = await query<{ department_id: number; status: TrainingStatus; n: number | string }>(
    d,
    sql`select t.department_id, t.status, sum(t.n)::int as n
        from training_status_day_counts t
        where t.as_of = ${asOf}::date
        group by 1, 2`,
  );
  return rows.map((r) => ({ ord: 1, departmentId: Number(r.department_id), status: r.status, n: num(r.n) }));
}

export type { StatusCounts };

/** The counted rows summed per status, as the training pages count them (countsFromTotals). */
export function countsOf(rows: readonly Pick<TrainingCountRow, "status" | "n">[]): StatusCounts {
  const totals: Partial<Record<TrainingStatus, number>> = {};
  for (const r of rows) totals[r.status] = (totals[r.status] ?? 0) + r.n;
  return countsFromTotals(totals);
}

/**
 * The training card: one day (the FY's as-of day). The monthly trend is the score's training
 * indicator (getComplianceScoreTrend → details.training), computed once there: asking for twelve days
 * here too would make every summary pay for the whole year's recomputation.
 */
export async function trainingCard(db: Db, s: DashboardScope) {
  const [current, depts] = await Promise.all([
    currentTrainingStatusCounts(s.asOf, db),
    query<{ id: number; code: string; name: string }>(db, sql`select id, code, name from departments`),
  ]);
  const deptById = new Map(depts.map((x) => [Number(x.id), x]));
  const byDepartment = [...new Set(current.map((r) => r.departmentId))]
    .map((id) => {
      const dep = deptById.get(id);
      return { id, code: dep?.code ?? "", name: dep?.name ?? "", ...countsOf(current.filter((r) => r.departmentId === id)), href: links.trainingStatus(s.fiscalYear, { department: id }) };
    })
    .sort((a, b) => a.code.localeCompare(b.code, "ja", { numeric: true }));
  return {
    asOf: s.asOf,
    ...countsOf(current),
    href: links.trainingStatus(s.fiscalYear),
    compliantHref: links.trainingStatus(s.fiscalYear, { status: "compliant" }),
    overdueHref: links.trainingStatus(s.fiscalYear, { status: "overdue" }),
    dueSoonHref: links.trainingStatus(s.fiscalYear, { status: "due_soon" }),
    byDepartment,
  };
}
