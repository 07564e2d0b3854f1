import "server-only";
import { sql } from "drizzle-orm";
import { fiscalYearIndicators, INTERNAL_AUDIT_TYPES, NONCONFORMITY_GRADES, UNVERIFIED_FINDING_STATUSES, type AuditStatusValue, type AuditTypeValue } from "@/lib/audits/rules";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { LOOKBACK_MONTHS, shareOrPerfect } from "@/lib/dashboard/score";
import type { DashboardScope } from "./scope";
import { num, query, textArray, type Db } from "./sql";

// Audits and findings: the yearly indicators of lib/audits/rules.ts over the few rows they need

export async function auditsCard(db: Db, s: DashboardScope) {
  const ncGrades = sql.join(
    NONCONFORMITY_GRADES.map((g) => sql`${g}`),
    sql`, `,
  );
  const unverified = sql.join(
    UNVERIFIED_FINDING_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  const [byTypeStatus, reviews, [f]] = await Promise.all([
    query<{ type: AuditTypeValue; status: AuditStatusValue; n: number }>(
      db,
      sql`select type::text as type, status::text as status, count(*)::int as n from audits
          where fiscal_year = ${s.fiscalYear} and retired_at is null group by 1, 2`,
    ),
    query<{ held_on: string }>(
      db,
      sql`select to_char(held_on, 'YYYY-MM-DD') as held_on from management_reviews
          where retired_at is null and held_on between ${s.start}::date and ${s.end}::date`,
    ),
    // Nonconformities not yet verified (UNVERIFIED_FINDING_STATUSES: what blocks an audit from closing,
    // the findings list's status=unverified), and overdue corrective actions of any grade
    // (isFindingOverdue), across every year: an old one still open matters most.
    query<{ major: number; minor: number; overdue: number }>(
      db,
      sql`select count(*) filter (where f.grade = 'major_nc' and f.status::text in (${unverified}))::int as major,
                 count(*) filter (where f.grade = 'minor_nc' and f.status::text in (${unverified}))::int as minor,
                 count(*) filter (where f.status in ('open', 'action_planned') and f.due_date < ${s.today}::date)::int as overdue
          from audit_findings f join audits a on a.id = f.audit_id
          where f.retired_at is null and a.retired_at is null and (f.grade::text in (${ncGrades}) or f.due_date < ${s.today}::date)`,
    ),
  ]);
  const expanded = byTypeStatus.flatMap((r) => Array.from({ length: num(r.n) }, () => ({ type: r.type, status: r.status })));
  const ind = fiscalYearIndicators(
    expanded,
    reviews.map((r) => ({ heldOn: r.held_on })),
    s.today,
  );
  const planned = expanded.length;
  const done = expanded.filter((a) => a.status === "reported" || a.status === "closed").length;
  return {
    planned,
    done,
    href: links.audits(s.fiscalYear),
    internalPlanned: ind.internalAuditsPlanned,
    internalDone: ind.internalAuditsDone,
    internalAuditMet: ind.internalAuditMet,
    managementReviewsHeld: ind.managementReviewsHeld,
    managementReviewMet: ind.managementReviewMet,
    managementReviewHref: links.managementReviews(s.fiscalYear),
    findings: {
      majorUnverified: num(f?.major),
      majorHref: links.findings({ grade: "major_nc", status: "unverified" }),
      minorUnverified: num(f?.minor),
      minorHref: links.findings({ grade: "minor_nc", status: "unverified" }),
      overdueActions: num(f?.overdue),
      overdueActionsHref: links.findings({ overdue: true }),
    },
  };
}

/**
 * For the score: per as-of day, whether an internal audit was reported and a management review held in
 * the lookback window, and the share of nonconformities due in it that were corrected on time.
 */
export async function auditParts(db: Db, days: readonly string[]) {
  const internal = sql.join(
    INTERNAL_AUDIT_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const ncGrades = sql.join(
    NONCONFORMITY_GRADES.map((g) => sql`${g}`),
    sql`, `,
  );
  const rows = await query<{ ord: number; audit_done: boolean; review_held: boolean; due: number; on_time: number }>(
    db,
    sql`with days as (
          select t.day::date as as_of, (t.day::date - make_interval(months => ${LOOKBACK_MONTHS}))::date as since, t.ord::int as ord
          from unnest(${textArray(days)}::text[]) with ordinality as t(day, ord))
        select days.ord,
          exists (select 1 from audits a where a.retired_at is null and a.type::text in (${internal}) and a.status in ('reported', 'closed')
                  and coalesce(a.reported_on, a.closed_on, a.actual_end) > days.since and coalesce(a.reported_on, a.closed_on, a.actual_end) <= days.as_of) as audit_done,
          exists (select 1 from management_reviews m where m.retired_at is null and m.held_on > days.since and m.held_on <= days.as_of) as review_held,
          (select count(*)::int from audit_findings f join audits a on a.id = f.audit_id
             where f.retired_at is null and a.retired_at is null and f.grade::text in (${ncGrades}) and f.due_date > days.since and f.due_date <= days.as_of) as due,
          (select count(*)::int from audit_findings f join audits a on a.id = f.audit_id
             where f.retired_at is null and a.retired_at is null and f.grade::text in (${ncGrades}) and f.due_date > days.since and f.due_date <= days.as_of
               and f.done_on is not null and f.done_on <= f.due_date) as on_time
        from days`,
  );
  return new Map(rows.map((r) => [Number(r.ord), { internalAudit: r.audit_done ? 1 : 0, managementReview: r.review_held ? 1 : 0, correctiveActions: shareOrPerfect(num(r.on_time), num(r.due)) }]));
}
