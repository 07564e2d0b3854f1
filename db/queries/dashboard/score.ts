import "server-only";
import { getDb } from "@/db";
import { todayInTokyo } from "@/lib/dates";
import type { ComplianceScoreDto, ScorePointDto } from "@/lib/dashboard/schema";
import { auditIndicator, complianceScore, share, shareOrPerfect, SCORE_INDICATORS, type IndicatorValues } from "@/lib/dashboard/score";
import { pmarkIndicator } from "@/lib/dashboard/pmark-indicator";
import { trendDays } from "@/lib/dashboard/trend";
import { auditParts } from "./audits";
import { contractorsUnflagged } from "./contractors";
import { incidentsOnTime } from "./incidents";
import { pmarkCertificateFacts } from "./pmark";
import { regulationsOnTime } from "./regulations";
import { scopeOf } from "./scope";
import { countsOf, monthEndTrainingCounts } from "./training";

// The compliance score, as of each month end of the fiscal year: training from the stored month ends
// (monthEndTrainingCounts, docs/architecture.md "Month-end figures"), the other indicators from the records

/** The score as of each month end of the fiscal year (the running month as of today). */
export async function getComplianceScoreTrend(opts: { fiscalYear?: number; today?: string } = {}): Promise<ComplianceScoreDto> {
  const today = opts.today ?? todayInTokyo();
  const db = await getDb();
  const s = await scopeOf(opts.fiscalYear, today);
  const days = trendDays(s.fiscalYear, s.startMonth, s.asOf);
  const asked = days.length ? days.map((x) => x.asOf) : [s.asOf];
  const [training, regs, incidents, contractors, audits, certFacts] = await Promise.all([
    monthEndTrainingCounts(asked, db),
    regulationsOnTime(db, asked),
    incidentsOnTime(db, asked),
    contractorsUnflagged(db, asked),
    auditParts(db, asked),
    pmarkCertificateFacts(db),
  ]);
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
