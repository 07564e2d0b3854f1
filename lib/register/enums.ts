/**
 * The personal information register 個人情報管理台帳 and its risk analysis (docs/domain.md §6).
 * Every enum is declared once here and used by the database (pgEnum), the zod schemas and the UI.
 */

/** Kind of information (JIS Q 15001:2023 added the last three). */
export const REGISTER_KINDS = ["personal", "sensitive", "person_related", "pseudonymized", "anonymized"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** Form in which the information is held. */
export const DATA_FORMS = ["electronic", "paper", "both"] as const;
export type DataForm = (typeof DATA_FORMS)[number];

/** How it is acquired: directly from the person in writing (notice of purpose required beforehand), from the person otherwise, or from a third party. */
export const ACQUISITION_METHODS = ["direct_written", "direct_other", "third_party"] as const;
export type AcquisitionMethod = (typeof ACQUISITION_METHODS)[number];

/** Whether it is provided to third parties or used jointly (the basis is recorded beside it). */
export const PROVISION_KINDS = ["none", "third_party", "joint_use", "both"] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

/** Lifecycle stages of the risk analysis: 取得・入力, 移送・送信, 利用・加工, 保管・バックアップ, 消去・廃棄. */
export const LIFECYCLE_STAGES = ["acquisition", "transfer", "use", "storage", "disposal"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Risks: 漏えい, 滅失, き損, 改ざん, 目的外利用, 不正取得, other. */
export const RISK_THREATS = ["leak", "loss", "damage", "tampering", "misuse", "improper_acquisition", "other"] as const;
export type RiskThreat = (typeof RISK_THREATS)[number];

/** Class of a countermeasure: 組織的, 人的, 物理的, 技術的安全管理措置. */
export const SAFEGUARD_KINDS = ["organizational", "human", "physical", "technical"] as const;
export type SafeguardKind = (typeof SAFEGUARD_KINDS)[number];

/** Result of a review of an item (or of the whole register). */
export const REGISTER_REVIEW_RESULTS = ["no_change", "changed", "retired"] as const;
export type RegisterReviewResult = (typeof REGISTER_REVIEW_RESULTS)[number];

/** Likelihood and impact are each rated on a documented 1..RISK_SCALE_MAX scale. */
export const RISK_SCALE_MAX = 5;
