import { check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { relations, sql } from "drizzle-orm";
import {
  ACQUISITION_METHODS,
  DATA_FORMS,
  LIFECYCLE_STAGES,
  PROVISION_KINDS,
  REGISTER_KINDS,
  REGISTER_REVIEW_RESULTS,
  RISK_THREATS,
  type SafeguardKind,
} from "@/lib/register/enums";
import { retirable, versioned } from "./columns";
import { users } from "./auth";
import { departments } from "./training";
import { contractors } from "./contractors";
import { incidents } from "./incidents";

/**
 * The personal information register 個人情報管理台帳 (JIS Q 15001:2023 A.3.3.1), its yearly review and
 * the risk analysis per item × lifecycle stage (docs/domain.md §6).
 */

export const registerKindEnum = pgEnum("register_kind", REGISTER_KINDS);
export const dataFormEnum = pgEnum("data_form", DATA_FORMS);
export const acquisitionMethodEnum = pgEnum("acquisition_method", ACQUISITION_METHODS);
export const provisionKindEnum = pgEnum("provision_kind", PROVISION_KINDS);
export const lifecycleStageEnum = pgEnum("lifecycle_stage", LIFECYCLE_STAGES);
export const riskThreatEnum = pgEnum("risk_threat", RISK_THREATS);
export const registerReviewResultEnum = pgEnum("register_review_result", REGISTER_REVIEW_RESULTS);

/** The company's list of purposes of use 利用目的 (seeded from the privacy policy §3, editable). */
export const purposesOfUse = pgTable(
  "purposes_of_use",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    text: text("text").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    ...retirable,
    ...versioned,
  },
  (t) => [uniqueIndex("purposes_of_use_code_idx").on(t.code)],
);

export const registerItems = pgTable(
  "register_items",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** The company's own item code (e.g. PI-001): re-imports match on it. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: registerKindEnum("kind").notNull().default("personal"),
    /** Data subjects (customers, users, applicants, employees …). */
    dataSubjects: text("data_subjects").array().notNull().default(sql`'{}'::text[]`),
    /** Data items (氏名, 住所, 電話番号 …). */
    dataItems: text("data_items").array().notNull().default(sql`'{}'::text[]`),
    /** Approximate number of persons. */
    personCount: integer("person_count"),
    form: dataFormEnum("form").notNull().default("electronic"),
    acquisitionMethod: acquisitionMethodEnum("acquisition_method").notNull(),
    /** The notice given or consent obtained at acquisition. */
    noticeOrConsent: text("notice_or_consent"),
    ownerDepartmentId: integer("owner_department_id").references(() => departments.id),
    storagePlace: text("storage_place"),
    storageMethod: text("storage_method"),
    /** Who may access (departments / roles), as written in the company's register. */
    accessScope: text("access_scope"),
    usePeriod: text("use_period"),
    retentionPeriod: text("retention_period"),
    disposalMethod: text("disposal_method"),
    provision: provisionKindEnum("provision").notNull().default("none"),
    /** The basis of the provision or joint use (consent, law, joint-use notice …). */
    provisionBasis: text("provision_basis"),
    /** Countries the data is transferred to (empty: none). */
    abroadCountries: text("abroad_countries").array().notNull().default(sql`'{}'::text[]`),
    lastReviewedOn: date("last_reviewed_on", { mode: "string" }),
    /** Months between reviews (at least yearly). */
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
    /** Next review due (lastReviewedOn + interval, or from registration when never reviewed); maintained by the service. */
    nextReviewDueOn: date("next_review_due_on", { mode: "string" }).notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("register_items_code_idx").on(t.code),
    index("register_items_review_due_idx").on(t.nextReviewDueOn).where(sql`${t.retiredAt} is null`),
    index("register_items_department_idx").on(t.ownerDepartmentId),
    index("register_items_kind_idx").on(t.kind),
    check("register_items_person_count_nonneg", sql`${t.personCount} is null or ${t.personCount} >= 0`),
    check("register_items_review_interval_range", sql`${t.reviewIntervalMonths} between 1 and 12`),
  ],
);

export const registerItemPurposes = pgTable(
  "register_item_purposes",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => registerItems.id),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposesOfUse.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.purposeId] }), index("register_item_purposes_purpose_idx").on(t.purposeId)],
);

/** Contractors the item is outsourced to (委託先). */
export const registerItemContractors = pgTable(
  "register_item_contractors",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => registerItems.id),
    contractorId: integer("contractor_id")
      .notNull()
      .references(() => contractors.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.contractorId] }), index("register_item_contractors_contractor_idx").on(t.contractorId)],
);

/** Incidents whose data involved includes the item. */
export const incidentRegisterItems = pgTable(
  "incident_register_items",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => registerItems.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.itemId] }), index("incident_register_items_item_idx").on(t.itemId)],
);

/** History: one snapshot of the item (with its purposes and contractors) per version, written with each change. */
export const registerItemVersions = pgTable(
  "register_item_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer("item_id")
      .notNull()
      .references(() => registerItems.id),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    /** What happened: created, updated, reviewed, retired, restored, imported. */
    action: text("action").notNull(),
    changedBy: integer("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("register_item_versions_idx").on(t.itemId, t.version)],
);

/** A review of one item, or of the whole register (itemId null). */
export const registerReviews = pgTable(
  "register_reviews",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer("item_id").references(() => registerItems.id),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    reviewer: text("reviewer").notNull(),
    reviewerId: integer("reviewer_id").references(() => users.id),
    result: registerReviewResultEnum("result").notNull(),
    changes: text("changes"),
    /** The risk analysis was looked at in the same review. */
    risksReviewed: integer("risks_reviewed").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("register_reviews_item_idx").on(t.itemId, t.reviewedOn), index("register_reviews_date_idx").on(t.reviewedOn)],
);

export type Countermeasure = { safeguard: SafeguardKind; description: string; regulationId: number | null };

/** One risk of an item at one lifecycle stage, rated before and after its countermeasures. */
export const registerRisks = pgTable(
  "register_risks",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer("item_id")
      .notNull()
      .references(() => registerItems.id),
    stage: lifecycleStageEnum("stage").notNull(),
    threat: riskThreatEnum("threat").notNull(),
    description: text("description").notNull(),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    countermeasures: jsonb("countermeasures").$type<Countermeasure[]>().notNull().default(sql`'[]'::jsonb`),
    residualLikelihood: integer("residual_likelihood").notNull(),
    residualImpact: integer("residual_impact").notNull(),
    /** The privacy manager's acceptance of the residual risk; cleared when the residual rating changes. */
    acceptedOn: date("accepted_on", { mode: "string" }),
    acceptedBy: integer("accepted_by").references(() => users.id),
    acceptedByName: text("accepted_by_name"),
    acceptanceNote: text("acceptance_note"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    index("register_risks_item_idx").on(t.itemId, t.stage),
    index("register_risks_residual_idx").on(t.residualLikelihood, t.residualImpact).where(sql`${t.retiredAt} is null`),
    // The heat map counts every live risk by its two ratings under the stage/risk/accepted filters: every
    // column it reads is in this index, so it is an index-only scan (about a tenth of the table's pages).
    index("register_risks_heatmap_idx")
      .on(t.itemId, t.likelihood, t.impact, t.residualLikelihood, t.residualImpact, t.stage, t.threat, t.acceptedOn)
      .where(sql`${t.retiredAt} is null`),
    check("register_risks_scale", sql`${t.likelihood} between 1 and 5 and ${t.impact} between 1 and 5 and ${t.residualLikelihood} between 1 and 5 and ${t.residualImpact} between 1 and 5`),
    check("register_risks_accepted_has_name", sql`(${t.acceptedOn} is null) = (${t.acceptedByName} is null)`),
  ],
);

/** History of each risk: one snapshot per version. */
export const registerRiskVersions = pgTable(
  "register_risk_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    riskId: integer("risk_id")
      .notNull()
      .references(() => registerRisks.id),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    action: text("action").notNull(),
    changedBy: integer("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("register_risk_versions_idx").on(t.riskId, t.version)],
);

export const registerItemsRelations = relations(registerItems, ({ many, one }) => ({
  purposes: many(registerItemPurposes),
  contractors: many(registerItemContractors),
  risks: many(registerRisks),
  ownerDepartment: one(departments, { fields: [registerItems.ownerDepartmentId], references: [departments.id] }),
}));
export const registerItemPurposesRelations = relations(registerItemPurposes, ({ one }) => ({
  item: one(registerItems, { fields: [registerItemPurposes.itemId], references: [registerItems.id] }),
  purpose: one(purposesOfUse, { fields: [registerItemPurposes.purposeId], references: [purposesOfUse.id] }),
}));
export const registerItemContractorsRelations = relations(registerItemContractors, ({ one }) => ({
  item: one(registerItems, { fields: [registerItemContractors.itemId], references: [registerItems.id] }),
  contractor: one(contractors, { fields: [registerItemContractors.contractorId], references: [contractors.id] }),
}));
export const registerRisksRelations = relations(registerRisks, ({ one }) => ({
  item: one(registerItems, { fields: [registerRisks.itemId], references: [registerItems.id] }),
}));

export type PurposeOfUse = typeof purposesOfUse.$inferSelect;
export type RegisterItem = typeof registerItems.$inferSelect;
export type RegisterReview = typeof registerReviews.$inferSelect;
export type RegisterRisk = typeof registerRisks.$inferSelect;
