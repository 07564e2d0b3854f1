import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { todayInTokyo } from "@/lib/dates";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { incidentDeadlineWindow } from "@/lib/dashboard/score";
import { fiscalYearMonths } from "@/lib/fiscal-year";
import { computeReportingClocks, reportingObligations, type ObligationKey, type ObligationState } from "@/lib/incidents/reporting";
import { INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { OPEN_STATUSES } from "@/lib/incidents/workflow";
import { scopeOf, type DashboardScope } from "./scope";
import { num, query, textArray, type Db } from "./sql";

// Incidents: lib/incidents/reporting.ts's rule as stated in SQL by migration 0013 (incident_obligations,
// the generated columns of incidents), read from the tallies its triggers keep; the one incident shown
// as the next deadline is judged by the pure rule itself.

/** An incident as its reporting clocks need it (also read by renewal readiness). */
export type IncidentFactsRow = {
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

export const incidentFactsColumns = sql.raw(`id, reference, title, severity::text as severity, discovered_at,
  sensitive_data, financial_loss, wrongful_purpose, encrypted, persons_affected,
  to_char(ppc_preliminary_reported_on, 'YYYY-MM-DD') as ppc_preliminary_reported_on,
  to_char(ppc_final_reported_on, 'YYYY-MM-DD') as ppc_final_reported_on,
  to_char(pmark_preliminary_reported_on, 'YYYY-MM-DD') as pmark_preliminary_reported_on,
  to_char(pmark_final_reported_on, 'YYYY-MM-DD') as pmark_final_reported_on,
  to_char(persons_notified_on, 'YYYY-MM-DD') as persons_notified_on`);

/** The reporting obligations of one incident as of `today` (lib/incidents/reporting.ts). */
export function obligationsOf(r: IncidentFactsRow, today: string) {
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
export async function incidentsCard(db: Db, s: DashboardScope) {
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

/**
 * Per day: the reports and notices of live incidents whose deadline falls in the score's window
 * (lib/dashboard/score.ts incidentDeadlineWindow: the lookback, up to the last deadline that has passed —
 * one due on the day is "due today", as in the incident list), and how many of them were made by their
 * deadline (state "done"; a report made late or not yet made is not on time) — from
 * incident_obligation_tally, one row per deadline and on-time flag.
 */
export async function incidentsOnTime(db: Db, days: readonly string[]): Promise<Map<number, { due: number; onTime: number }>> {
  const windows = days.map(incidentDeadlineWindow);
  const rows = await query<{ ord: number; due: number; on_time: number }>(
    db,
    sql`select d.ord::int as ord, coalesce(sum(t.n), 0)::int as due, coalesce(sum(t.n) filter (where t.on_time), 0)::int as on_time
        from unnest(${textArray(windows.map((w) => w.after))}::date[], ${textArray(windows.map((w) => w.through))}::date[]) with ordinality as d(after, through, ord)
        left join incident_obligation_tally t on t.due_on > d.after and t.due_on <= d.through
        group by d.ord`,
  );
  return new Map(rows.map((r) => [Number(r.ord), { due: num(r.due), onTime: num(r.on_time) }]));
}
