import "server-only";
import { sql } from "drizzle-orm";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { DEFAULT_REVIEW_INTERVAL_MONTHS, dueSoonLimit } from "@/lib/regulations/due";
import { num, query, textArray, type Db } from "./sql";

// Regulations (lib/regulations/due.ts: overdue = due before today; due soon = today … today + 30)

export async function regulationsCard(db: Db, today: string) {
  const [r] = await query<{ in_force: number; overdue: number; due_soon: number }>(
    db,
    sql`select count(*) filter (where status = 'in_force')::int as in_force,
               count(*) filter (where status = 'in_force' and next_review_due < ${today}::date)::int as overdue,
               count(*) filter (where status = 'in_force' and next_review_due between ${today}::date and ${dueSoonLimit(today)}::date)::int as due_soon
        from regulations`,
  );
  return {
    inForce: num(r?.in_force),
    overdue: num(r?.overdue),
    dueSoon: num(r?.due_soon),
    overdueHref: links.regulations("overdue"),
    dueSoonHref: links.regulations("due_soon"),
  };
}

/** For the score: per as-of day, the regulations in force then and how many were overdue for review. */
export async function regulationsOnTime(db: Db, days: readonly string[]): Promise<Map<number, { inForce: number; overdue: number }>> {
  // In force on the day: in force now (no status history is kept) with its first version effective by
  // then; due = the last approved review on or before the day (else that first effective date) + the interval.
  const rows = await query<{ ord: number; in_force: number; overdue: number }>(
    db,
    sql`with days as (select t.day::date as as_of, t.ord::int as ord from unnest(${textArray(days)}::text[]) with ordinality as t(day, ord)),
        regs as (
          select r.id, coalesce(r.review_interval_months, ${DEFAULT_REVIEW_INTERVAL_MONTHS}) as months,
                 least(r.effective_date, (select min(v.effective_date) from regulation_versions v where v.regulation_id = r.id)) as since
          from regulations r where r.status = 'in_force'
        )
        select days.ord, count(*)::int as in_force,
               count(*) filter (where (coalesce(
                   (select max(rv.reviewed_on) from regulation_reviews rv
                    where rv.regulation_id = regs.id and rv.state = 'approved' and rv.retired_at is null and rv.reviewed_on <= days.as_of),
                   regs.since) + make_interval(months => regs.months))::date < days.as_of)::int as overdue
        from days join regs on regs.since <= days.as_of
        group by days.ord`,
  );
  return new Map(rows.map((r) => [Number(r.ord), { inForce: num(r.in_force), overdue: num(r.overdue) }]));
}
