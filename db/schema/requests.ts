import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { DISCLOSURE_METHODS, IDENTITY_METHODS, REFUSAL_GROUNDS, REQUEST_CHANNELS, REQUEST_DECISIONS, REQUEST_KINDS } from "@/lib/requests/enums";
import { PROVISION_DIRECTIONS, PROVISION_GROUNDS, RECORD_FORMS } from "@/lib/provisions/enums";
import { retirable, versioned } from "./columns";
import { contractors } from "./contractors";
import { registerItems } from "./register";

/**
 * Requests from individuals 開示等請求 (docs/domain.md §7) and records of provision to third parties
 * 第三者提供記録 (docs/domain.md §7). The clock, the stage and the fee rule are computed on every read
 * by lib/requests; a provision record's retention dates are computed by lib/provisions/rules.ts and
 * stored by the service on every write, so lists and the dashboard can filter on them in SQL.
 */

export const requestKindEnum = pgEnum("request_kind", REQUEST_KINDS);
export const requestChannelEnum = pgEnum("request_channel", REQUEST_CHANNELS);
export const disclosureMethodEnum = pgEnum("disclosure_method", DISCLOSURE_METHODS);
export const identityMethodEnum = pgEnum("identity_method", IDENTITY_METHODS);
export const requestDecisionEnum = pgEnum("request_decision", REQUEST_DECISIONS);
export const refusalGroundEnum = pgEnum("refusal_ground", REFUSAL_GROUNDS);
export const provisionDirectionEnum = pgEnum("provision_direction", PROVISION_DIRECTIONS);
export const provisionGroundEnum = pgEnum("provision_ground", PROVISION_GROUNDS);
export const recordFormEnum = pgEnum("provision_record_form", RECORD_FORMS);

/** One row per fiscal year: the last request reference number given (REQ-<FY>-<seq>). */
export const disclosureRequestCounters = pgTable("disclosure_request_counters", {
  fiscalYear: integer("fiscal_year").primaryKey(),
  lastSeq: integer("last_seq").notNull(),
});

export const disclosureRequests = pgTable(
  "disclosure_requests",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reference: text("reference").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    seq: integer("seq").notNull(),
    kind: requestKindEnum("kind").notNull(),
    channel: requestChannelEnum("channel").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    // The requester's details: null once disposed of after the retention period.
    requesterName: text("requester_name"),
    requesterContact: text("requester_contact"),
    requesterAddress: text("requester_address"),
    viaAgent: boolean("via_agent").notNull().default(false),
    agentName: text("agent_name"),
    agentRelationship: text("agent_relationship"),
    /** What is asked, in the requester's words. */
    details: text("details"),
    /** How the person wants the disclosure (they may ask for an electronic record). */
    disclosureMethod: disclosureMethodEnum("disclosure_method"),
    // Identity check: documents asked for (the clock pauses), then confirmed — how, when, by whom.
    identityRequestedOn: date("identity_requested_on", { mode: "string" }),
    identityCheckedOn: date("identity_checked_on", { mode: "string" }),
    identityMethod: identityMethodEnum("identity_method"),
    identityCheckedBy: text("identity_checked_by"),
    // Fee (notice of purpose and disclosure only): amount excluding tax and the tax rate it was asked at.
    feeExclTax: integer("fee_excl_tax"),
    feeTaxRatePercent: integer("fee_tax_rate_percent"),
    feeEstimatedOn: date("fee_estimated_on", { mode: "string" }),
    feeRequestedOn: date("fee_requested_on", { mode: "string" }),
    feePaidOn: date("fee_paid_on", { mode: "string" }),
    feeWaived: boolean("fee_waived").notNull().default(false),
    // The answer.
    decision: requestDecisionEnum("decision"),
    refusalGround: refusalGroundEnum("refusal_ground"),
    decisionReason: text("decision_reason"),
    answeredOn: date("answered_on", { mode: "string" }),
    answerMethod: disclosureMethodEnum("answer_method"),
    answerNote: text("answer_note"),
    withdrawnOn: date("withdrawn_on", { mode: "string" }),
    /** The day the requester's details were disposed of (a minimal log stays). */
    disposedOn: date("disposed_on", { mode: "string" }),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("disclosure_requests_reference_idx").on(t.reference),
    uniqueIndex("disclosure_requests_fy_seq_idx").on(t.fiscalYear, t.seq),
    index("disclosure_requests_received_idx").on(t.receivedOn),
    check("disclosure_requests_seq_positive", sql`${t.seq} > 0`),
    check("disclosure_requests_fee_nonneg", sql`${t.feeExclTax} is null or ${t.feeExclTax} >= 0`),
    check("disclosure_requests_answer_after_receipt", sql`${t.answeredOn} is null or ${t.answeredOn} >= ${t.receivedOn}`),
    check("disclosure_requests_answer_has_decision", sql`(${t.answeredOn} is null) = (${t.decision} is null)`),
    check("disclosure_requests_ground_on_refusal", sql`(${t.refusalGround} is not null) = (${t.decision} is not null and ${t.decision} = 'refuse')`),
    check("disclosure_requests_disposed_closed", sql`${t.disposedOn} is null or ${t.answeredOn} is not null or ${t.withdrawnOn} is not null`),
  ],
);

/** The register items a request concerns (read-only use of the register). */
export const disclosureRequestItems = pgTable(
  "disclosure_request_items",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => disclosureRequests.id),
    registerItemId: integer("register_item_id")
      .notNull()
      .references(() => registerItems.id),
  },
  (t) => [primaryKey({ name: "disclosure_request_items_pk", columns: [t.requestId, t.registerItemId] })],
);

/** Joint uses 共同利用 (policy §4(3)): published beforehand on the company's website. */
export const jointUses = pgTable("joint_uses", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  title: text("title").notNull(),
  purpose: text("purpose").notNull(),
  partners: text("partners").notNull(),
  dataItems: text("data_items").notNull(),
  responsibleName: text("responsible_name").notNull(),
  responsibleAddress: text("responsible_address").notNull(),
  responsibleRepresentative: text("responsible_representative").notNull(),
  publishedOn: date("published_on", { mode: "string" }),
  ...retirable,
  ...versioned,
});

export const provisionRecords = pgTable(
  "provision_records",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    direction: provisionDirectionEnum("direction").notNull(),
    ground: provisionGroundEnum("ground").notNull(),
    /** How the consent was obtained (ground consent). */
    consentMethod: text("consent_method"),
    /** The recipient (provided) or the provider (received): name, address, representative of a company. */
    counterpartyName: text("counterparty_name").notNull(),
    counterpartyAddress: text("counterparty_address"),
    counterpartyRepresentative: text("counterparty_representative"),
    /** Received: how the provider obtained the data (取得の経緯). */
    sourceHowObtained: text("source_how_obtained"),
    /** The persons concerned (names or a description that identifies them). */
    persons: text("persons").notNull(),
    dataItems: text("data_items").notNull(),
    providedFrom: date("provided_from", { mode: "string" }).notNull(),
    providedTo: date("provided_to", { mode: "string" }),
    recordForm: recordFormEnum("record_form").notNull().default("individual"),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    contractorId: integer("contractor_id").references(() => contractors.id),
    jointUseId: integer("joint_use_id").references(() => jointUses.id),
    // A recipient (or provider) abroad: ISO 3166-1 alpha-2 country, its system, the recipient's measures.
    abroadCountry: text("abroad_country"),
    equivalentSystem: boolean("equivalent_system").notNull().default(false),
    countrySystem: text("country_system"),
    recipientMeasures: text("recipient_measures"),
    informedBeforeConsent: boolean("informed_before_consent").notNull().default(false),
    // Maintained by the service from lib/provisions/rules.ts on every write.
    recordRequired: boolean("record_required").notNull(),
    retainUntil: date("retain_until", { mode: "string" }),
    disposableFrom: date("disposable_from", { mode: "string" }),
    disposedOn: date("disposed_on", { mode: "string" }),
    disposedByName: text("disposed_by_name"),
    disposalNote: text("disposal_note"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    index("provision_records_provided_idx").on(t.providedFrom),
    index("provision_records_disposable_idx").on(t.disposableFrom).where(sql`${t.retiredAt} is null and ${t.disposedOn} is null`),
    check("provision_records_period", sql`${t.providedTo} is null or ${t.providedTo} >= ${t.providedFrom}`),
    check("provision_records_retention", sql`(${t.disposableFrom} is null) = (not ${t.recordRequired})`),
  ],
);

/** The register items a provision record concerns (read-only use of the register). */
export const provisionRecordItems = pgTable(
  "provision_record_items",
  {
    provisionId: integer("provision_id")
      .notNull()
      .references(() => provisionRecords.id),
    registerItemId: integer("register_item_id")
      .notNull()
      .references(() => registerItems.id),
  },
  (t) => [primaryKey({ name: "provision_record_items_pk", columns: [t.provisionId, t.registerItemId] })],
);

export type DisclosureRequest = typeof disclosureRequests.$inferSelect;
export type ProvisionRecord = typeof provisionRecords.$inferSelect;
export type JointUse = typeof jointUses.$inferSelect;
export type NewDisclosureRequest = typeof disclosureRequests.$inferInsert;
export type NewProvisionRecord = typeof provisionRecords.$inferInsert;
