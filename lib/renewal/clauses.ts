/**
 * The clauses of the PrivacyMark guideline for building and running a PMS (JIPDEC's
 * 構築・運用指針, 2024 edition, based on JIS Q 15001:2023), to which the company maps its regulations
 * in the correspondence table (docs/domain.md, "Renewal readiness and the correspondence table").
 * The numbers are the guideline's; the short titles are the product's own wording.
 */
export const GUIDELINE_CLAUSES = ["J.1", "J.2", "J.3", "J.4", "J.5", "J.6", "J.7", "J.8", "J.9", "J.10", "J.11"] as const;
export type GuidelineClause = (typeof GUIDELINE_CLAUSES)[number];

/** Short titles in both languages (the same words as messages renewal.clauses.*; the pack's sheet is written in Japanese and English). */
export const CLAUSE_TITLES: Record<GuidelineClause, { ja: string; en: string }> = {
  "J.1": { ja: "組織とその状況の把握", en: "The organization and its context" },
  "J.2": { ja: "経営者の責任と方針", en: "Top management and the policy" },
  "J.3": { ja: "計画（個人情報の特定・リスクへの対応）", en: "Planning: identifying personal information and addressing risks" },
  "J.4": { ja: "資源・教育・文書などの支援", en: "Support: resources, training and documents" },
  "J.5": { ja: "運用の計画と管理", en: "Planning and control of operation" },
  "J.6": { ja: "監視・内部監査・マネジメントレビュー", en: "Monitoring, internal audit and management review" },
  "J.7": { ja: "不適合への対応と改善", en: "Nonconformity, corrective action and improvement" },
  "J.8": { ja: "個人情報の取得・利用・提供", en: "Acquiring, using and providing personal information" },
  "J.9": { ja: "個人データの正確性と安全管理", en: "Accuracy and safeguarding of personal data" },
  "J.10": { ja: "本人からの開示等の請求への対応", en: "Requests from the persons (disclosure and the like)" },
  "J.11": { ja: "苦情及び相談の受付と対応", en: "Complaints and inquiries" },
};

export function isGuidelineClause(v: string): v is GuidelineClause {
  return (GUIDELINE_CLAUSES as readonly string[]).includes(v);
}

/** Clauses no live mapping covers, in guideline order. */
export function uncoveredClauses(covered: Iterable<string>): GuidelineClause[] {
  const set = new Set(covered);
  return GUIDELINE_CLAUSES.filter((c) => !set.has(c));
}
