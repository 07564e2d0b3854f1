import { addMonths, daysBetween, isDateString, minDate } from "@/lib/dates";
import { RISK_SCALE_MAX } from "./enums";

/**
 * The rules of the risk analysis of the personal information register (docs/domain.md §6, "Risk
 * analysis"): the two rating scales, the level of a rating, the "high" threshold, the acceptance of a
 * residual risk and when an item's analysis is due for review. Pure functions: no database, no clock.
 */

/** The points of each scale, 1..5. */
export const RISK_SCALE = Array.from({ length: RISK_SCALE_MAX }, (_, i) => i + 1) as readonly number[];

/** Levels of a rating, lowest first. */
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Lowest score (likelihood × impact) of each level: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical.
 * So a risk that is "likely" (4) with a "moderate" impact (3) is high (12), an "almost certain" (5)
 * one with a "serious" impact (4) is critical (20), and nothing rated 1 on either scale is above medium.
 */
export const LEVEL_FLOORS: Readonly<Record<RiskLevel, number>> = { low: 1, medium: 5, high: 10, critical: 15 };

export const MAX_SCORE = RISK_SCALE_MAX * RISK_SCALE_MAX;

/**
 * The score from which a residual risk counts as "high" for the dashboard and the acceptance list,
 * unless the privacy manager sets another (Settings: register_risk_threshold): the floor of "high".
 */
export const DEFAULT_HIGH_THRESHOLD = LEVEL_FLOORS.high;

export type Rating = { likelihood: number; impact: number };

export function isScalePoint(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= RISK_SCALE_MAX;
}

/** Likelihood × impact (1..25). */
export function riskScore(r: Rating): number {
  if (!isScalePoint(r.likelihood) || !isScalePoint(r.impact)) throw new RangeError(`rating off the 1..${RISK_SCALE_MAX} scale`);
  return r.likelihood * r.impact;
}

export function levelOfScore(score: number): RiskLevel {
  if (!Number.isInteger(score) || score < 1 || score > MAX_SCORE) throw new RangeError(`score ${score} off 1..${MAX_SCORE}`);
  let level: RiskLevel = "low";
  for (const l of RISK_LEVELS) if (score >= LEVEL_FLOORS[l]) level = l;
  return level;
}

export function riskLevel(r: Rating): RiskLevel {
  return levelOfScore(riskScore(r));
}

/** Every score (1..25) the 5 × 5 grid can produce, for a threshold picker. */
export const POSSIBLE_SCORES: readonly number[] = [...new Set(RISK_SCALE.flatMap((l) => RISK_SCALE.map((i) => l * i)))].sort((a, b) => a - b);

/** A threshold the setting accepts: a score the grid can produce. */
export function isValidThreshold(n: unknown): n is number {
  return typeof n === "number" && POSSIBLE_SCORES.includes(n);
}

/** The residual rating is at or above the "high" threshold. */
export function isHighRisk(residual: Rating, threshold: number): boolean {
  return riskScore(residual) >= threshold;
}

// Residual rating against the inherent one

export type RiskRuleProblem = { field: string; messageKey: string };

/**
 * Countermeasures lower the likelihood or the impact; they never raise either. So the residual
 * likelihood may not exceed the inherent likelihood, nor the residual impact the inherent impact —
 * each axis on its own, not only the score (a residual 1 × 5 from an inherent 5 × 2 would be a
 * "better" score with a worse impact). A risk found to be worse than first rated is re-rated: the
 * inherent rating goes up, with its history kept. No override: an explanation cannot make the
 * heat map's "after" picture worse than its "before" picture.
 */
export function residualProblems(r: { likelihood: number; impact: number; residualLikelihood: number; residualImpact: number }): RiskRuleProblem[] {
  const out: RiskRuleProblem[] = [];
  if (r.residualLikelihood > r.likelihood) out.push({ field: "residualLikelihood", messageKey: "registerRisks.errors.residualAboveInherent" });
  if (r.residualImpact > r.impact) out.push({ field: "residualImpact", messageKey: "registerRisks.errors.residualAboveInherent" });
  return out;
}

// Acceptance of a residual risk

export type AcceptanceState = {
  acceptedOn: string | null;
  acceptedBy: number | null;
  acceptedByName: string | null;
  acceptanceNote: string | null;
};

export const NO_ACCEPTANCE: AcceptanceState = { acceptedOn: null, acceptedBy: null, acceptedByName: null, acceptanceNote: null };

/** Who may accept: the privacy manager 個人情報保護管理者 alone (the owner of the risk treatment). */
export const RISK_ACCEPTOR_ROLE = "privacy_manager" as const;

export class RiskRuleError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field?: string,
    readonly kind: "invalid" | "conflict" | "forbidden" = "invalid",
  ) {
    super(messageKey);
  }
}

/**
 * The manager accepts the residual risk as it is rated now, on `today` (Tokyo date), with a note (why
 * the rest is tolerable). Refused: a role other than the privacy manager; a retired risk; a risk already
 * accepted at this rating (a second click); a date that is not a date.
 */
export function acceptResidual(
  risk: { retiredAt: unknown; acceptedOn: string | null },
  who: { id: number; name: string; role: string },
  note: string,
  today: string,
): AcceptanceState {
  if (who.role !== RISK_ACCEPTOR_ROLE) throw new RiskRuleError("registerRisks.errors.onlyManagerAccepts", undefined, "forbidden");
  if (risk.retiredAt) throw new RiskRuleError("registerRisks.errors.retired", undefined, "conflict");
  if (risk.acceptedOn) throw new RiskRuleError("registerRisks.errors.alreadyAccepted", undefined, "conflict");
  if (!isDateString(today)) throw new RangeError("today is not a date");
  const trimmed = note.trim();
  if (!trimmed) throw new RiskRuleError("registerRisks.errors.noteRequired", "note");
  return { acceptedOn: today, acceptedBy: who.id, acceptedByName: who.name, acceptanceNote: trimmed };
}

/**
 * After an edit: the acceptance stands only while the residual rating the manager accepted stands.
 * A change of the residual likelihood or impact (up or down) clears it, so the new rating has to be
 * accepted again; a change of the description, countermeasures or the inherent rating alone does not.
 */
export function acceptanceAfterEdit(
  before: { residualLikelihood: number; residualImpact: number } & AcceptanceState,
  after: { residualLikelihood: number; residualImpact: number },
): AcceptanceState {
  const same = before.residualLikelihood === after.residualLikelihood && before.residualImpact === after.residualImpact;
  if (same) return { acceptedOn: before.acceptedOn, acceptedBy: before.acceptedBy, acceptedByName: before.acceptedByName, acceptanceNote: before.acceptanceNote };
  return NO_ACCEPTANCE;
}

// Review of an item's analysis

export const ANALYSIS_DUE_STATES = ["overdue", "due_soon", "on_time"] as const;
export type AnalysisDueState = (typeof ANALYSIS_DUE_STATES)[number];

/** Days before the due date from which the analysis shows as due soon (as the regulations' reviews). */
export const ANALYSIS_DUE_SOON_DAYS = 30;

/**
 * When an item's risk analysis is next due for review. The analysis is reviewed with the register
 * (JIS Q 15001:2023 A.3.3.1: at least yearly), so it is due no later than the item's own next review;
 * and it is due `intervalMonths` after it was last analysed (the latest change of one of its risks, or a
 * register review that recorded the risks as reviewed), if that comes first. An item with no analysis
 * yet is due on the day it was registered: the gap shows at once.
 */
export function analysisReviewDue(a: { lastAnalysedOn: string | null; itemNextReviewDueOn: string; registeredOn: string; intervalMonths: number }): string {
  if (!a.lastAnalysedOn) return a.registeredOn;
  return minDate(addMonths(a.lastAnalysedOn, a.intervalMonths), a.itemNextReviewDueOn)!;
}

/** Overdue once the due date has passed (the due date itself is still on time); due soon within 30 days. */
export function analysisDueState(dueOn: string, today: string): AnalysisDueState {
  const days = daysBetween(today, dueOn);
  if (days < 0) return "overdue";
  return days <= ANALYSIS_DUE_SOON_DAYS ? "due_soon" : "on_time";
}
