import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { relations, sql } from "drizzle-orm";
import { ASSESSMENT_TYPES, CERTIFICATION_KINDS, CONTRACTOR_STATUSES } from "@/lib/contractors/rules";
import { ASSESSMENT_RESULTS } from "@/lib/contractors/scoring";
import { retirable, versioned } from "./columns";
import { users } from "./auth";

/** Contractor suitability assessment 委託先の適格性審査 (docs/domain.md §4). */

export const contractorStatusEnum = pgEnum("contractor_status", CONTRACTOR_STATUSES);
export const assessmentTypeEnum = pgEnum("assessment_type", ASSESSMENT_TYPES);
export const assessmentResultEnum = pgEnum("assessment_result", ASSESSMENT_RESULTS);
export const certificationKindEnum = pgEnum("certification_kind", CERTIFICATION_KINDS);

export const contractors = pgTable(
  "contractors",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    /** 法人番号: 13 digits, check digit validated in lib/contractors/corporate-number.ts. */
    corporateNumber: text("corporate_number"),
    services: text("services").notNull(),
    /** Personal data categories entrusted (氏名, 住所, マイナンバー …). */
    dataCategories: text("data_categories").array().notNull().default(sql`'{}'::text[]`),
    /** Approximate number of persons whose data is entrusted. */
    dataVolume: integer("data_volume"),
    contractStart: date("contract_start", { mode: "string" }),
    contractEnd: date("contract_end", { mode: "string" }),
    status: contractorStatusEnum("status").notNull().default("candidate"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /** Months between periodic assessments; null: the default (12). */
    reassessmentMonths: integer("reassessment_months"),
    note: text("note"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("contractors_corporate_number_idx").on(t.corporateNumber).where(sql`${t.corporateNumber} is not null`),
    index("contractors_status_idx").on(t.status),
    check("contractors_corporate_number_format", sql`${t.corporateNumber} is null or ${t.corporateNumber} ~ '^[0-9]{13}$'`),
    check("contractors_contract_end_after_start", sql`${t.contractEnd} is null or ${t.contractStart} is null or ${t.contractEnd} >= ${t.contractStart}`),
    check("contractors_reassessment_range", sql`${t.reassessmentMonths} is null or (${t.reassessmentMonths} between 1 and 60)`),
    check("contractors_data_volume_nonneg", sql`${t.dataVolume} is null or ${t.dataVolume} >= 0`),
  ],
);

export const contractorCertifications = pgTable(
  "contractor_certifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    contractorId: integer("contractor_id")
      .notNull()
      .references(() => contractors.id),
    kind: certificationKindEnum("kind").notNull(),
    /** Registration number (P-mark 登録番号 / ISMS 認証登録番号). */
    number: text("number").notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    ...retirable,
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("contractor_certifications_contractor_idx").on(t.contractorId)],
);

export type TemplateCriterion = { key: string; labelJa: string; labelEn: string; weight: number; guidanceJa?: string | null; guidanceEn?: string | null };

/**
 * Assessment templates are immutable once used: editing one writes a new row with the next
 * `version` of the same `family`, and marks the old row superseded. An assessment points at the row
 * it used, so its criteria and thresholds stay as they were.
 */
export const assessmentTemplates = pgTable(
  "assessment_templates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    family: text("family").notNull(),
    nameJa: text("name_ja").notNull(),
    nameEn: text("name_en").notNull(),
    criteria: jsonb("criteria").$type<TemplateCriterion[]>().notNull(),
    /** Scores per criterion run 0..maxScore. */
    maxScore: integer("max_score").notNull().default(5),
    /** Total (%) at or above: approved. */
    approvedMin: integer("approved_min").notNull(),
    /** Total (%) at or above (and below approvedMin): conditional; below: rejected. */
    conditionalMin: integer("conditional_min").notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true, mode: "date" }),
    createdBy: integer("created_by").references(() => users.id),
    ...versioned,
  },
  (t) => [
    uniqueIndex("assessment_templates_family_version_idx").on(t.family, t.version),
    uniqueIndex("assessment_templates_current_idx").on(t.family).where(sql`${t.supersededAt} is null`),
    check("assessment_templates_thresholds", sql`0 <= ${t.conditionalMin} and ${t.conditionalMin} <= ${t.approvedMin} and ${t.approvedMin} <= 100`),
    check("assessment_templates_max_score", sql`${t.maxScore} between 1 and 100`),
  ],
);

export type AssessmentScore = { key: string; score: number; comment: string | null };

export const assessments = pgTable(
  "assessments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    contractorId: integer("contractor_id")
      .notNull()
      .references(() => contractors.id),
    templateId: integer("template_id")
      .notNull()
      .references(() => assessmentTemplates.id),
    type: assessmentTypeEnum("type").notNull(),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    assessor: text("assessor").notNull(),
    scores: jsonb("scores").$type<AssessmentScore[]>().notNull(),
    /** Weighted total in %, one decimal, computed on the server. */
    totalPercent: doublePrecision("total_percent").notNull(),
    result: assessmentResultEnum("result").notNull(),
    conditions: text("conditions"),
    nextDueOn: date("next_due_on", { mode: "string" }).notNull(),
    /** Where the evidence is (file name, document number); attachments come later. */
    evidence: text("evidence"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
    withdrawnReason: text("withdrawn_reason"),
    recordedBy: integer("recorded_by").references(() => users.id),
    ...versioned,
  },
  (t) => [
    index("assessments_contractor_idx").on(t.contractorId, t.assessedOn),
    index("assessments_next_due_idx").on(t.nextDueOn),
    // The latest live assessment of each contractor (the dashboard's contractors card): one index probe each (read backwards).
    index("assessments_latest_idx")
      .on(t.contractorId, t.assessedOn, t.id, t.nextDueOn)
      .where(sql`${t.withdrawnAt} is null`),
    check("assessments_total_range", sql`${t.totalPercent} between 0 and 100`),
    check("assessments_next_due_after", sql`${t.nextDueOn} > ${t.assessedOn}`),
  ],
);

export const contractorsRelations = relations(contractors, ({ many }) => ({
  certifications: many(contractorCertifications),
  assessments: many(assessments),
}));
export const contractorCertificationsRelations = relations(contractorCertifications, ({ one }) => ({
  contractor: one(contractors, { fields: [contractorCertifications.contractorId], references: [contractors.id] }),
}));
export const assessmentsRelations = relations(assessments, ({ one }) => ({
  contractor: one(contractors, { fields: [assessments.contractorId], references: [contractors.id] }),
  template: one(assessmentTemplates, { fields: [assessments.templateId], references: [assessmentTemplates.id] }),
}));

export type Contractor = typeof contractors.$inferSelect;
export type ContractorCertification = typeof contractorCertifications.$inferSelect;
export type AssessmentTemplate = typeof assessmentTemplates.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
