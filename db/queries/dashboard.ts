import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { todayInTokyo, addMonths } from "@/lib/dates";
import { currentFiscalYear, fiscalYearMonths, fiscalYearRange } from "@/lib/fiscal-year";
import { fiscalYearChoices } from "@/lib/training/status-summary";
import { DUE_SOON_DAYS as TRAINING_DUE_SOON_DAYS, statusAsOfForFiscalYear, type TrainingStatus } from "@/lib/training/status";
import { DEFAULT_REVIEW_INTERVAL_MONTHS, dueSoonLimit } from "@/lib/regulations/due";
import { computeReportingClocks, reportingObligations, type ObligationKey, type ObligationState } from "@/lib/incidents/reporting";
import { OPEN_STATUSES } from "@/lib/incidents/workflow";
import { contractorFlags, type AssessmentFacts, type ContractorStatus } from "@/lib/contractors/rules";
import type { AssessmentResult } from "@/lib/contractors/scoring";
import {
  fiscalYearIndicators,
  INTERNAL_AUDIT_TYPES,
  NONCONFORMITY_GRADES,
  renewalWindow,
  type AuditStatusValue,
  type AuditTypeValue,
  type RenewalWindow,
} from "@/lib/audits/rules";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import type { ComplianceScoreDto, DashboardSummaryDto, ScorePointDto } from "@/lib/dashboard/schema";
import {
  auditIndicator,
  complianceScore,
  LOOKBACK_MONTHS,
  pmarkIndicator,
  share,
  shareOrPerfect,
  SCORE_INDICATORS,
  type IndicatorValues,
} from "@/lib/dashboard/score";
import { INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { trendDays } from "@/lib/dashboard/trend";
import { getFiscalYearStartMonth } from "./settings";
import { pairSourceFor } from "./training-status";

/**
 * The executive dashboard (issue 7): every KPI card aggregated in SQL, one statement per card, the
 * cards run concurrently. The rules stay in lib/: where a card needs one (training status, reporting
 * clocks, contractor flags, the P-mark window, the yearly audit indicators) the SQL either states the
 * same rule with the constants imported from there (training, regulations), or narrows the rows to the
 * few a rule must judge and lets the lib function judge them (incidents, audits, P-mark). The
 * integration test tests/integration/dashboard.test.ts checks every figure against the module's own.
 *
 * `today` is a parameter (a Tokyo date) so tests and the benchmark can fix it.
 */

type Db = Awaited<ReturnType<typeof getDb>>;

/** Rows of db.execute(): postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

async function query<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

/**
 * The same, with Postgres's JIT compiler off for this statement: the training aggregates are costed
 * high enough to trigger it, and compiling takes longer than running them (as in training-status.ts).
 */
async function queryNoJit<T>(db: Db, q: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<T>(await tx.execute(q));
  });
}

/** A text[] parameter written as one Postgres array literal (the same on postgres.js and PGlite). */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

const num = (v: unknown) => Number(v ?? 0);

// ---------------------------------------------------------------------------------------------
// Scope

export type DashboardScope = {
  today: string;
  fiscalYear: number;
  startMonth: number;
  currentFiscalYear: number;
  isCurrentFiscalYear: boolean;
  /** The day FY figures are taken on: today in the current FY, its last day for a past FY, its first for a future one. */
  asOf: string;
  start: string;
  end: string;
};

async function scopeOf(fiscalYear: number | undefined, today: string): Promise<DashboardScope> {
  const startMonth = await getFiscalYearStartMonth();
  const currentFy = currentFiscalYear(today, startMonth);
  const fy = fiscalYear ?? currentFy;
  const { start, end } = fiscalYearRange(fy, startMonth);
  return { today, fiscalYear: fy, startMonth, currentFiscalYear: currentFy, isCurrentFiscalYear: fy === currentFy, asOf: statusAsOfForFiscalYear(fy, today, startMonth), start, end };
}

export { trendDays };

// ---------------------------------------------------------------------------------------------
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

/**
 * The same counts for one day, where training_current_status answers for it (pairSourceFor: today or
 * later, no record dated after it): from its tally, training_status_tally, which groups the pairs by
 * the facts that decide their status (a few thousand groups where there are a hundred thousand pairs),
 * so the cost does not grow with the number of employees. Otherwise from the records, as
 * trainingStatusCounts does.
 */
export async function currentTrainingStatusCounts(asOf: string, db?: Db): Promise<TrainingCountRow[]> {
  const d = db ?? (await getDb());
  if ((await pairSourceFor(asOf)) !== "current") return trainingStatusCounts([asOf], d);
  const rows = await query<{ department_id: number; status: TrainingStatus; n: number | string }>(
    d,
    sql`select t.department_id,
               training_status_on(t.exempt, t.passed, nullif(t.due_on, 'infinity'::date), ${asOf}::date, ${TRAINING_DUE_SOON_DAYS}::int) as status,
               sum(t.n)::int as n
        from training_status_tally t
        where t.required_from <= ${asOf}::date and t.pending_from <= ${asOf}::date and t.leave_date >= ${asOf}::date
        group by 1, 2`,
  );
  return rows.map((r) => ({ ord: 1, departmentId: Number(r.department_id), status: r.status, n: num(r.n) }));
}

export type StatusCounts = { required: number; compliant: number; dueSoon: number; overdue: number; exempt: number; rate: number | null };

function countsOf(rows: readonly Pick<TrainingCountRow, "status" | "n">[]): StatusCounts {
  const by = (s: TrainingStatus) => rows.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0);
  const compliant = by("compliant");
  const dueSoon = by("due_soon");
  const overdue = by("overdue");
  const exempt = by("exempt");
  const required = compliant + dueSoon + overdue;
  return { required, compliant, dueSoon, overdue, exempt, rate: required === 0 ? null : compliant / required };
}

/**
 * The training card: one day (the FY's as-of day). The monthly trend is the score's training
 * indicator (getComplianceScoreTrend → details.training), computed once there: asking for twelve days
 * here too would make every summary pay for the whole year's recomputation.
 */
async function trainingCard(db: Db, s: DashboardScope) {
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

// ---------------------------------------------------------------------------------------------
// Regulations (lib/regulations/due.ts: overdue = due before today; due soon = today … today + 30)

async function regulationsCard(db: Db, today: string) {
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

async function pmsPostsCard(db: Db, today: string) {
  const [r] = await query<{ total: number; vacant: number }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where not exists (
                 select 1 from pms_appointments a
                 where a.post_id = p.id and a.retired_at is null and a.from_date <= ${today}::date and (a.to_date is null or a.to_date >= ${today}::date)
               ))::int as vacant
        from pms_posts p where p.retired_at is null`,
  );
  return { total: num(r?.total), vacant: num(r?.vacant), href: links.pmsStructure() };
}

// ---------------------------------------------------------------------------------------------
// Incidents: lib/incidents/reporting.ts's rule as stated in SQL by migration 0013 (incident_obligations,
// the generated columns of incidents), read from the tallies its triggers keep; the one incident shown
// as the next deadline is judged by the pure rule itself.

type IncidentFactsRow = {
  id: number;
  reference: string;
  title: string;
  severity: string;
  discovered_at: string | Date;
  sensitive_data: boolean;
  financial_loss: boolean;
  wrongful_purpose: boolean;
  encrypted: boolean;
  persons_affected: number;
  ppc_preliminary_reported_on: string | null;
  ppc_final_reported_on: string | null;
  pmark_preliminary_reported_on: string | null;
  pmark_final_reported_on: string | null;
  persons_notified_on: string | null;
};

const incidentFactsColumns = sql.raw(`id, reference, title, severity::text as severity, discovered_at,
  sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected,
  to_char(ppc_preliminary_reported_on, 'YYYY-MM-DD') as ppc_preliminary_reported_on,
  to_char(ppc_final_reported_on, 'YYYY-MM-DD') as ppc_final_reported_on,
  to_char(pmark_preliminary_reported_on, 'YYYY-MM-DD') as pmark_preliminary_reported_on,
  to_char(pmark_final_reported_on, 'YYYY-MM-DD') as pmark_final_reported_on,
  to_char(persons_notified_on, 'YYYY-MM-DD') as persons_notified_on`);

function obligationsOf(r: IncidentFactsRow, today: string) {
  const clocks = computeReportingClocks({
    discoveredAt: r.discovered_at instanceof Date ? r.discovered_at : new Date(r.discovered_at),
    sensitiveData: r.sensitive_data,
    financialLoss: r.financial_loss,
    wrongfulPurpose: r.wrongful_purpose,
    encrypted: r.encrypted,
    personsAffected: num(r.persons_affected),
  });
  return reportingObligations(
    clocks,
    {
      ppcPreliminaryReportedOn: r.ppc_preliminary_reported_on,
      ppcFinalReportedOn: r.ppc_final_reported_on,
      pmarkPreliminaryReportedOn: r.pmark_preliminary_reported_on,
      pmarkFinalReportedOn: r.pmark_final_reported_on,
      personsNotifiedOn: r.persons_notified_on,
    },
    today,
  );
}

export type NextDeadline = {
  incidentId: number;
  reference: string;
  title: string;
  severity: string;
  key: ObligationKey;
  dueOn: string;
  state: ObligationState;
  daysLeft: number | null;
  href: string;
};

/**
 * Every figure reads a handful of rows, however many incidents there are (docs/security.md, abuse and
 * cost): the counts sum rows of the tallies (one per month × severity × status × reportable, one per
 * next deadline × warning day), and the next deadline is the first entry of incidents_next_report_idx.
 * - open by severity: live incidents in an open status (the list's status=open);
 * - reportable this FY and per month: live incidents discovered in the FY's Tokyo months;
 * - late: live incidents (any status) with a report not made and past its deadline (lateFlags().overdue,
 *   the list's overdue=true): next_report_due before today; due soon: the others with a report not
 *   made inside its warning window: next_report_warn on or before today;
 * - next deadline: the earliest deadline of a report not made, the reference (as JS compares strings)
 *   breaking ties, then the first such report of that incident in reportingObligations()'s order.
 */
async function incidentsCard(db: Db, s: DashboardScope) {
  const open = sql.join(
    OPEN_STATUSES.map((x) => sql`${x}`),
    sql`, `,
  );
  const today = s.today;
  const [bySeverity, perMonth, [deadlines], [first]] = await Promise.all([
    query<{ severity: string; n: number }>(db, sql`select severity::text as severity, sum(n)::int as n from incident_tally where status in (${open}) group by 1`),
    query<{ month: string; n: number; reportable: number }>(
      db,
      sql`select to_char(discovery_month, 'YYYY-MM') as month, sum(n)::int as n, coalesce(sum(n) filter (where reportable), 0)::int as reportable
          from incident_tally where discovery_month between ${s.start}::date and ${s.end}::date group by 1`,
    ),
    query<{ late: number; due_soon: number }>(
      db,
      sql`select coalesce(sum(n) filter (where next_report_due < ${today}::date), 0)::int as late,
                 coalesce(sum(n) filter (where next_report_due >= ${today}::date), 0)::int as due_soon
          from incident_deadline_tally where next_report_warn <= ${today}::date`,
    ),
    query<IncidentFactsRow>(
      db,
      sql`select ${incidentFactsColumns} from incidents
          where retired_at is null and next_report_due is not null
          order by next_report_due, reference collate "C" limit 1`,
    ),
  ]);
  let next: NextDeadline | null = null;
  if (first) {
    // Its earliest unmade report (the first in the rule's order among equal deadlines).
    const o = obligationsOf(first, today)
      .filter((x) => x.doneOn === null)
      .reduce((a, b) => (b.dueOn < a.dueOn ? b : a));
    next = { incidentId: Number(first.id), reference: first.reference, title: first.title, severity: first.severity, key: o.key, dueOn: o.dueOn, state: o.state, daysLeft: o.daysLeft, href: links.incident(Number(first.id)) };
  }
  const monthCounts = new Map(perMonth.map((m) => [m.month, num(m.n)]));
  const severities = INCIDENT_SEVERITIES.map((sev) => ({
    severity: sev,
    count: num(bySeverity.find((b) => b.severity === sev)?.n),
    href: links.incidents({ status: "open", severity: sev }),
  }));
  return {
    open: severities.reduce((a, x) => a + x.count, 0),
    openHref: links.incidents({ status: "open" }),
    openBySeverity: severities,
    reportableThisFy: perMonth.reduce((a, m) => a + num(m.reportable), 0),
    reportableHref: links.incidents({ reportable: true, fy: s.fiscalYear }),
    lateReports: num(deadlines?.late),
    lateReportsHref: links.incidents({ overdue: true }),
    dueSoonReports: num(deadlines?.due_soon),
    nextDeadline: next,
    perMonth: fiscalYearMonths(s.fiscalYear, s.startMonth).map((month) => ({ month, count: monthCounts.get(month) ?? 0 })),
    perMonthHref: links.incidents({ fy: s.fiscalYear }),
  };
}

/** The incident cards alone, as the summary computes them (for the benchmark and tests). */
export async function getIncidentCards(opts: { fiscalYear?: number; today?: string } = {}) {
  const db = await getDb();
  return incidentsCard(db, await scopeOf(opts.fiscalYear, opts.today ?? todayInTokyo()));
}

// ---------------------------------------------------------------------------------------------
// Contractors (lib/contractors/rules.ts contractorFlags, stated in SQL for the counts)

async function contractorsCard(db: Db, today: string) {
  // latest = the newest live assessment (by date, then id), as latestAssessment() picks it.
  const [r] = await query<{ live: number; unassessed: number; overdue: number; cert_expired: number }>(
    db,
    sql`select count(*)::int as live,
               count(*) filter (where latest.id is null)::int as unassessed,
               count(*) filter (where c.status in ('approved', 'conditional') and c.status <> 'terminated'
                                  and (c.contract_end is null or c.contract_end >= ${today}::date)
                                  and latest.next_due_on < ${today}::date)::int as overdue,
               count(*) filter (where c.status <> 'terminated' and exists (
                                  select 1 from contractor_certifications x
                                  where x.contractor_id = c.id and x.retired_at is null and x.expires_on < ${today}::date))::int as cert_expired
        from contractors c
        left join lateral (
          select a.id, a.next_due_on from assessments a
          where a.contractor_id = c.id and a.withdrawn_at is null
          order by a.assessed_on desc, a.id desc limit 1
        ) latest on true
        where c.retired_at is null`,
  );
  return {
    total: num(r?.live),
    unassessed: num(r?.unassessed),
    unassessedHref: links.contractors({ result: "none" }),
    assessmentOverdue: num(r?.overdue),
    assessmentOverdueHref: links.contractors({ flag: "assessment_overdue" }),
    certificationExpired: num(r?.cert_expired),
    certificationExpiredHref: links.contractors({ flag: "certification_expired" }),
  };
}

// ---------------------------------------------------------------------------------------------
// Audits, findings, P-mark

async function auditsCard(db: Db, s: DashboardScope) {
  const ncGrades = sql.join(
    NONCONFORMITY_GRADES.map((g) => sql`${g}`),
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
    // Nonconformities not yet verified (what blocks an audit from closing), and overdue corrective
    // actions of any grade (isFindingOverdue), across every year: an old one still open matters most.
    query<{ major: number; minor: number; overdue: number }>(
      db,
      sql`select count(*) filter (where f.grade = 'major_nc' and f.status <> 'verified')::int as major,
                 count(*) filter (where f.grade = 'minor_nc' and f.status <> 'verified')::int as minor,
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
    managementReviewHref: links.managementReviews(),
    findings: {
      majorUnverified: num(f?.major),
      majorHref: links.findings({ grade: "major_nc" }),
      minorUnverified: num(f?.minor),
      minorHref: links.findings({ grade: "minor_nc" }),
      overdueActions: num(f?.overdue),
      overdueActionsHref: links.findings({ overdue: true }),
    },
  };
}

async function pmarkCard(db: Db, today: string): Promise<{ certificateNumber: string | null; validTo: string | null; window: RenewalWindow | null; href: string }> {
  const [c] = await query<{ certificate_number: string; valid_to: string }>(
    db,
    sql`select certificate_number, to_char(valid_to, 'YYYY-MM-DD') as valid_to from pmark_certificates
        where retired_at is null order by valid_to desc, id desc limit 1`,
  );
  return { certificateNumber: c?.certificate_number ?? null, validTo: c?.valid_to ?? null, window: c ? renewalWindow(c.valid_to, today) : null, href: links.pmark() };
}

async function fiscalYearsOffered(db: Db, s: DashboardScope): Promise<number[]> {
  const [r] = await query<{ earliest: string | null; latest: string | null }>(
    db,
    sql`select to_char(min(completed_on), 'YYYY-MM-DD') as earliest, to_char(max(completed_on), 'YYYY-MM-DD') as latest from training_records where retired_at is null`,
  );
  return fiscalYearChoices(s.currentFiscalYear, s.startMonth, r?.earliest ?? null, r?.latest ?? null);
}

// ---------------------------------------------------------------------------------------------
// The summary

/** Every KPI card in one answer; the cards' statements run concurrently. */
export async function getDashboardSummary(opts: { fiscalYear?: number; today?: string } = {}): Promise<DashboardSummaryDto> {
  const today = opts.today ?? todayInTokyo();
  const db = await getDb();
  const s = await scopeOf(opts.fiscalYear, today);
  const [training, regulations, incidents, contractors, audits, pmark, pmsPosts, fiscalYears] = await Promise.all([
    trainingCard(db, s),
    regulationsCard(db, today),
    incidentsCard(db, s),
    contractorsCard(db, today),
    auditsCard(db, s),
    pmarkCard(db, today),
    pmsPostsCard(db, today),
    fiscalYearsOffered(db, s),
  ]);
  return {
    today,
    fiscalYear: s.fiscalYear,
    isCurrentFiscalYear: s.isCurrentFiscalYear,
    asOf: s.asOf,
    fiscalYears,
    training,
    regulations,
    incidents,
    contractors,
    audits,
    pmark,
    pmsPosts,
  };
}

// ---------------------------------------------------------------------------------------------
// The compliance score, as of each month end of the fiscal year, recomputed from the records

async function regulationsOnTime(db: Db, days: readonly string[]): Promise<Map<number, { inForce: number; overdue: number }>> {
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

async function auditParts(db: Db, days: readonly string[]) {
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

/**
 * Per day: the reports and notices of live incidents whose deadline falls in the lookback window
 * (since, day], and how many of them were made by their deadline (state "done"; a report made late or
 * not yet made is not on time) — from incident_obligation_tally, one row per deadline and on-time flag.
 */
async function incidentsOnTime(db: Db, days: readonly string[]): Promise<Map<number, { due: number; onTime: number }>> {
  const since = days.map((day) => addMonths(day, -LOOKBACK_MONTHS));
  const rows = await query<{ ord: number; due: number; on_time: number }>(
    db,
    sql`select d.ord::int as ord, coalesce(sum(t.n), 0)::int as due, coalesce(sum(t.n) filter (where t.on_time), 0)::int as on_time
        from unnest(${textArray(days)}::date[], ${textArray(since)}::date[]) with ordinality as d(as_of, since, ord)
        left join incident_obligation_tally t on t.due_on > d.since and t.due_on <= d.as_of
        group by d.ord`,
  );
  return new Map(rows.map((r) => [Number(r.ord), { due: num(r.due), onTime: num(r.on_time) }]));
}

async function contractorsUnflagged(db: Db, days: readonly string[]): Promise<Map<number, { active: number; clean: number }>> {
  const [cs, as, certs] = await Promise.all([
    query<{ id: number; status: ContractorStatus; contract_start: string | null; contract_end: string | null }>(
      db,
      sql`select id, status::text as status, to_char(contract_start, 'YYYY-MM-DD') as contract_start, to_char(contract_end, 'YYYY-MM-DD') as contract_end
          from contractors where retired_at is null`,
    ),
    query<{ id: number; contractor_id: number; assessed_on: string; result: AssessmentResult; next_due_on: string; withdrawn_on: string | null }>(
      db,
      sql`select id, contractor_id, to_char(assessed_on, 'YYYY-MM-DD') as assessed_on, result::text as result, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on,
                 to_char(withdrawn_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as withdrawn_on
          from assessments`,
    ),
    query<{ contractor_id: number; kind: "pmark" | "isms" | "other"; number: string; expires_on: string | null }>(
      db,
      sql`select contractor_id, kind::text as kind, number, to_char(expires_on, 'YYYY-MM-DD') as expires_on from contractor_certifications where retired_at is null`,
    ),
  ]);
  const asBy = new Map<number, typeof as>();
  for (const a of as) asBy.set(Number(a.contractor_id), [...(asBy.get(Number(a.contractor_id)) ?? []), a]);
  const certBy = new Map<number, typeof certs>();
  for (const c of certs) certBy.set(Number(c.contractor_id), [...(certBy.get(Number(c.contractor_id)) ?? []), c]);
  const out = new Map<number, { active: number; clean: number }>();
  days.forEach((day, i) => {
    let active = 0;
    let clean = 0;
    for (const c of cs) {
      // Under contract on the day, with the status it holds now (no status history is kept).
      if (c.status !== "approved" && c.status !== "conditional") continue;
      if (c.contract_start === null || c.contract_start > day || (c.contract_end !== null && c.contract_end < day)) continue;
      active++;
      const facts: AssessmentFacts[] = (asBy.get(Number(c.id)) ?? [])
        .filter((a) => a.assessed_on <= day)
        .map((a) => ({ id: Number(a.id), assessedOn: a.assessed_on, result: a.result, nextDueOn: a.next_due_on, withdrawn: a.withdrawn_on !== null && a.withdrawn_on <= day }));
      const cc = (certBy.get(Number(c.id)) ?? []).map((x) => ({ kind: x.kind, number: x.number, expiresOn: x.expires_on }));
      if (contractorFlags({ status: c.status, contractStart: c.contract_start, contractEnd: c.contract_end }, facts, cc, day).length === 0) clean++;
    }
    out.set(i + 1, { active, clean });
  });
  return out;
}

/** The score as of each month end of the fiscal year (the running month as of today), from the stored records. */
export async function getComplianceScoreTrend(opts: { fiscalYear?: number; today?: string } = {}): Promise<ComplianceScoreDto> {
  const today = opts.today ?? todayInTokyo();
  const db = await getDb();
  const s = await scopeOf(opts.fiscalYear, today);
  const days = trendDays(s.fiscalYear, s.startMonth, s.asOf);
  const asked = days.length ? days.map((x) => x.asOf) : [s.asOf];
  const [training, regs, incidents, contractors, audits, certs] = await Promise.all([
    trainingStatusCounts(asked, db),
    regulationsOnTime(db, asked),
    incidentsOnTime(db, asked),
    contractorsUnflagged(db, asked),
    auditParts(db, asked),
    query<{ valid_from: string; valid_to: string; recorded_on: string }>(
      db,
      sql`select to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to,
                 to_char(created_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as recorded_on
          from pmark_certificates where retired_at is null`,
    ),
  ]);
  const certFacts = certs.map((c) => ({ validFrom: c.valid_from, validTo: c.valid_to, recordedOn: c.recorded_on }));
  const points: ScorePointDto[] = asked.map((day, i) => {
    const ord = i + 1;
    const t = countsOf(training.filter((r) => r.ord === ord));
    const r = regs.get(ord) ?? { inForce: 0, overdue: 0 };
    const inc = incidents.get(ord) ?? { due: 0, onTime: 0 };
    const c = contractors.get(ord) ?? { active: 0, clean: 0 };
    const a = audits.get(ord) ?? { internalAudit: 0, managementReview: 0, correctiveActions: 1 };
    const indicators: IndicatorValues = {
      training: t.rate,
      regulations: share(r.inForce - r.overdue, r.inForce),
      incidents: shareOrPerfect(inc.onTime, inc.due),
      contractors: share(c.clean, c.active),
      audits: auditIndicator(a),
      pmark: pmarkIndicator(certFacts, day),
    };
    return {
      month: days[i]?.month ?? day.slice(0, 7),
      asOf: day,
      indicators,
      details: { training: { required: t.required, compliant: t.compliant }, regulations: r, incidents: inc, contractors: c, audits: a },
      ...complianceScore(indicators),
    };
  });
  return {
    today,
    fiscalYear: s.fiscalYear,
    asOf: s.asOf,
    isCurrentFiscalYear: s.isCurrentFiscalYear,
    indicatorKeys: [...SCORE_INDICATORS],
    months: points,
    current: points[points.length - 1] ?? null,
  };
}
