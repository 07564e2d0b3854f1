/**
 * Assessment scoring: each criterion is scored 0..maxScore and weighted; the total is the weighted
 * score as a percentage of the weighted maximum, rounded to one decimal. The result comes from that
 * rounded total (the number the assessor sees): total ≥ approvedMin → approved, ≥ conditionalMin →
 * conditional, otherwise rejected. A threshold met exactly counts as met.
 */

export const ASSESSMENT_RESULTS = ["approved", "conditional", "rejected"] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export type Criterion = { key: string; weight: number };
export type Thresholds = { approvedMin: number; conditionalMin: number };
export type CriterionScore = { key: string; score: number | null | undefined };

/** Weighted total in %, one decimal; null while a criterion is still unscored (live form). */
export function weightedTotal(criteria: readonly Criterion[], scores: readonly CriterionScore[], maxScore: number): number | null {
  const byKey = new Map(scores.map((s) => [s.key, s.score]));
  let num = 0;
  let den = 0;
  for (const c of criteria) {
    const s = byKey.get(c.key);
    if (s === null || s === undefined || Number.isNaN(s)) return null;
    num += s * c.weight;
    den += maxScore * c.weight;
  }
  if (den === 0) return null;
  // Integers until the last step, so 0.1-steps don't drift (e.g. exactly 80.0 stays 80).
  return Math.round((num * 1000) / den) / 10;
}

export function resultFor(total: number, t: Thresholds): AssessmentResult {
  if (total >= t.approvedMin) return "approved";
  if (total >= t.conditionalMin) return "conditional";
  return "rejected";
}

export type ScoreIssue = { field: string; code: "missing" | "unknown" | "duplicate" | "range"; key: string };

/** Every criterion scored exactly once, each score a whole number in 0..maxScore. */
export function checkScores(criteria: readonly Criterion[], scores: readonly CriterionScore[], maxScore: number): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const known = new Set(criteria.map((c) => c.key));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!known.has(s.key)) issues.push({ field: `scores.${i}.key`, code: "unknown", key: s.key });
    else if (seen.has(s.key)) issues.push({ field: `scores.${i}.key`, code: "duplicate", key: s.key });
    seen.add(s.key);
    if (s.score === null || s.score === undefined || !Number.isInteger(s.score) || s.score < 0 || s.score > maxScore)
      issues.push({ field: `scores.${i}.score`, code: "range", key: s.key });
  });
  criteria.forEach((c) => {
    if (!seen.has(c.key)) issues.push({ field: `scores.${c.key}`, code: "missing", key: c.key });
  });
  return issues;
}
