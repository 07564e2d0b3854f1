import "server-only";
import { getDb } from "@/db";
import { todayInTokyo } from "@/lib/dates";
import type { DashboardSummaryDto } from "@/lib/dashboard/schema";
import { auditsCard } from "./audits";
import { contractorsCard } from "./contractors";
import { evidenceCard } from "./evidence";
import { incidentsCard } from "./incidents";
import { notificationsCard } from "./notifications";
import { pmarkCard } from "./pmark";
import { pmsPostsCard } from "./pms-structure";
import { regulationsCard } from "./regulations";
import { registerCard } from "./register";
import { renewalCard } from "./renewal";
import { requestsCard } from "./requests";
import { fiscalYearsOffered, scopeOf } from "./scope";
import { trainingCard } from "./training";

/**
 * The dashboard (issue 7): every KPI card aggregated in SQL, one statement per card, the
 * cards run concurrently. The rules stay in lib/: where a card needs one (training status, reporting
 * clocks, contractor flags, the P-mark window, the yearly audit indicators) the SQL either states the
 * same rule with the constants imported from there (training, regulations), or narrows the rows to the
 * few a rule must judge and lets the lib function judge them (incidents, audits, P-mark). The
 * integration test tests/integration/dashboard.test.ts checks every figure against the module's own.
 * One file per module section (training.ts, regulations.ts, incidents.ts, …); the compliance score's
 * monthly trend is score.ts.
 *
 * `today` is a parameter (a Tokyo date) so tests and the benchmark can fix it.
 */

export { trendDays } from "@/lib/dashboard/trend";
export type { DashboardScope } from "./scope";
export { currentTrainingStatusCounts, monthEndTrainingCounts, trainingStatusCounts, type StatusCounts, type TrainingCountRow } from "./training";
export { getIncidentCards, type NextDeadline } from "./incidents";
export { getComplianceScoreTrend } from "./score";

/** Every KPI card in one answer; the cards' statements run concurrently. */
export async function getDashboardSummary(opts: { fiscalYear?: number; today?: string } = {}): Promise<DashboardSummaryDto> {
  const today = opts.today ?? todayInTokyo();
  const db = await getDb();
  const s = await scopeOf(opts.fiscalYear, today);
  const [training, regulations, incidents, contractors, audits, pmark, pmsPosts, fiscalYears, evidence, notifications, register, requests, renewal] = await Promise.all([
    trainingCard(db, s),
    regulationsCard(db, today),
    incidentsCard(db, s),
    contractorsCard(db, today),
    auditsCard(db, s),
    pmarkCard(db, today),
    pmsPostsCard(db, today),
    fiscalYearsOffered(db, s),
    evidenceCard(db, today),
    notificationsCard(),
    registerCard(db, today),
    requestsCard(today),
    renewalCard(db, today),
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
    renewal,
    pmsPosts,
    register,
    requests,
    evidence,
    notifications,
  };
}
