/**
 * Requests from individuals 開示等請求 (docs/domain.md §7). Every enum is declared once here and used
 * by the database (pgEnum), the zod schemas and the UI.
 */

/**
 * What the person asks for: notice of the purpose of use 利用目的の通知, disclosure 開示, disclosure of
 * the records of provision to third parties 第三者提供記録の開示, correction / addition / deletion
 * 訂正・追加・削除, stop of use / erasure 利用停止・消去, stop of provision to third parties 第三者提供の停止.
 */
export const REQUEST_KINDS = ["purpose_notice", "disclosure", "provision_record_disclosure", "correction", "stop_use", "stop_provision"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** How the request arrived: the policy's address privacy@ruft.jp, post, in person, a web form. */
export const REQUEST_CHANNELS = ["email", "post", "in_person", "web_form"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** How the person wants the disclosure: an electronic record, a paper copy, or another way the company offers. */
export const DISCLOSURE_METHODS = ["electronic", "paper", "other"] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];

/** How the requester's identity (and an agent's authority) was confirmed. */
export const IDENTITY_METHODS = ["id_document_copy", "in_person_id", "registered_details_match", "agent_authority", "other"] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/** The answer: comply in whole or in part, refuse on a ground, or no such data is retained. */
export const REQUEST_DECISIONS = ["comply", "comply_partly", "refuse", "no_data"] as const;
export type RequestDecision = (typeof REQUEST_DECISIONS)[number];

/**
 * The policy's four grounds to refuse (§6 (1)–(4)), and one more for correction and stop requests:
 * the law obliges those only when the facts warrant them (the data is in fact wrong, used beyond its
 * purpose …), so "no grounds" is a refusal of its own.
 */
export const REFUSAL_GROUNDS = ["harm_to_person_or_others", "business_hindrance", "breach_of_law", "identity_unconfirmed", "no_grounds"] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** Where a request stands, derived from its dates (lib/requests/clock.ts requestStage). */
export const REQUEST_STAGES = ["awaiting_identity", "awaiting_fee", "in_progress", "answered", "withdrawn"] as const;
export type RequestStage = (typeof REQUEST_STAGES)[number];

/** The clock's state on a day (lib/requests/clock.ts requestClock). */
export const CLOCK_STATES = ["pending", "due_soon", "late", "paused", "answered_on_time", "answered_late", "withdrawn"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
