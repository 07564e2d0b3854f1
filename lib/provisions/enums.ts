/**
 * Records of provision to third parties 第三者提供記録 (docs/domain.md §7). Every enum is declared
 * once here and used by the database (pgEnum), the zod schemas and the UI.
 */

/** The company provided the data (記録義務, APPI Art. 29), or received it (確認・記録義務, Art. 30). */
export const PROVISION_DIRECTIONS = ["provided", "received"] as const;
export type ProvisionDirection = (typeof PROVISION_DIRECTIONS)[number];

/**
 * The ground of a provision: the policy's §4(1) (ア)–(カ) and its (2)(3), mapped to the APPI in
 * lib/provisions/rules.ts (GROUNDS).
 */
export const PROVISION_GROUNDS = ["consent", "protect_rights", "vital_interest", "public_authority", "law", "succession", "outsourcing", "joint_use"] as const;
export type ProvisionGround = (typeof PROVISION_GROUNDS)[number];

/**
 * How the record was made, which sets its retention (enforcement rules Art. 14 / Art. 18): in a
 * contract for goods or services to the person, in bulk for continuous or repeated provision, or
 * one record per provision.
 */
export const RECORD_FORMS = ["contract_with_person", "bulk_continuous", "individual"] as const;
export type RecordForm = (typeof RECORD_FORMS)[number];

/** What a recipient abroad rests on (APPI Art. 28). */
export const ABROAD_BASES = ["recognised_country", "equivalent_system", "consent_with_information"] as const;
export type AbroadBasis = (typeof ABROAD_BASES)[number];

/** Retention state of a record on a day. */
export const RETENTION_STATES = ["not_required", "retained", "disposable", "disposed"] as const;
export type RetentionState = (typeof RETENTION_STATES)[number];

/** Live records, or those withdrawn as entered by mistake (kept, never deleted; restorable). */
export const PROVISION_STATUSES = ["active", "retired"] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];
