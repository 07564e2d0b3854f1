import { addMonths } from "@/lib/dates";
import { lastPassedDeadline } from "@/lib/incidents/reporting";

/**
 * The compliance score コンプライアンススコア: one number 0–100 made of six module indicators, each a
 * share between 0 and 1 taken as of one day (today, or the end of a past month). Pure: the database
 * supplies the indicator values (db/queries/dashboard.ts), this module weighs them.
 *
 *   score = round( Σ weight_i × value_i / Σ weight_i over the indicators that have a value ) × 100
 *
 * An indicator with nothing to measure (no training required, no regulation in force, no contractor
 * under contract) has no value (null) and is left out; the weights of the others then count in
 * proportion. When none has a value there is no score. The page /dashboard/score renders its
 * explanation from these constants, so the numbers are written once.
 */

export const SCORE_INDICATORS = ["training", "regulations", "incidents", "contractors", "audits", "pmark"] as const;
export type ScoreIndicator = (typeof SCORE_INDICATORS)[number];

/** Weights in points; they add up to 100. Training weighs most: it is what every worker does and what assessors check first. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreIndicator, number>> = {
  training: 30,
  regulations: 15,
  incidents: 20,
  contractors: 15,
  audits: 10,
  pmark: 10,
};

/** The audits indicator is itself a weighted mean of three parts (shares of 1). */
export const AUDIT_PARTS = ["internalAudit", "managementReview", "correctiveActions"] as const;
export type AuditPart = (typeof AUDIT_PARTS)[number];
export const AUDIT_PART_WEIGHTS: Readonly<Record<AuditPart, number>> = {
  internalAudit: 0.4,
  managementReview: 0.3,
  correctiveActions: 0.3,
};

/** How far back the yearly obligations (internal audit, management review) and the on-time shares look. */
export const LOOKBACK_MONTHS = 12;

/**
 * The deadlines the incidents indicator ("reports on time") judges as of `asOf`: those in the lookback
 * window (`after`, `through`] whose deadline has passed by the incident list's rule
 * (lib/incidents/reporting.ts lastPassedDeadline). A report due on `asOf` itself is still "due today":
 * it counts neither as on time nor as missed until the day after.
 */
export function incidentDeadlineWindow(asOf: string): { after: string; through: string } {
  return { after: addMonths(asOf, -LOOKBACK_MONTHS), through: lastPassedDeadline(asOf) };
}

/** P-mark values: valid with the renewal not yet late; valid but the application window has closed; not valid. */
export const PMARK_VALUES = { valid: 1, windowClosed: 0.5, none: 0 } as const;

/** Bands: good from 85, attention from 70, critical below. */
export const SCORE_BANDS = [
  { band: "good", min: 85 },
  { band: "attention", min: 70 },
  { band: "critical", min: 0 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]["band"];

export type IndicatorValues = Record<ScoreIndicator, number | null>;

export type ScoreResult = {
  score: number | null;
  band: ScoreBand | null;
  /** Points each indicator contributes after re-weighting (sum = score before rounding); null when left out. */
  points: Record<ScoreIndicator, number | null>;
};

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

export function bandOf(score: number | null): ScoreBand | null {
  if (score === null) return null;
  return SCORE_BANDS.find((b) => score >= b.min)!.band;
}

/** A share, or null when there is nothing to measure (denominator 0). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? clamp01(part / whole) : null;
}

/** A share that is perfect when there is nothing to measure (nothing due → nothing late). */
export function shareOrPerfect(part: number, whole: number): number {
  return whole > 0 ? clamp01(part / whole) : 1;
}

export function auditIndicator(parts: Record<AuditPart, number>): number {
  return clamp01(AUDIT_PARTS.reduce((s, p) => s + AUDIT_PART_WEIGHTS[p] * clamp01(parts[p]), 0));
}

export function complianceScore(values: IndicatorValues): ScoreResult {
  const present = SCORE_INDICATORS.filter((k) => values[k] !== null && values[k] !== undefined);
  const totalWeight = present.reduce((s, k) => s + SCORE_WEIGHTS[k], 0);
  const points = Object.fromEntries(SCORE_INDICATORS.map((k) => [k, null])) as Record<ScoreIndicator, number | null>;
  if (totalWeight === 0) return { score: null, band: null, points };
  let sum = 0;
  for (const k of present) {
    const p = (SCORE_WEIGHTS[k] * clamp01(values[k]!) * 100) / totalWeight;
    points[k] = Math.round(p * 10) / 10;
    sum += p;
  }
  // Round half up on a value that floating point may leave at 84.99999…
  const score = Math.round(Math.round(sum * 1e6) / 1e6);
  return { score, band: bandOf(score), points };
}

