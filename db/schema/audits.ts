import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ACTION_STATUSES, AUDIT_STATUSES, AUDIT_TYPES, FINDING_GRADES, FINDING_STATUSES } from "@/lib/audits/rules";
import { retirable, versioned } from "./columns";
import { users } from "./auth";
import { departments } from "./training";

/**
 * Audit schedule 監査 (docs/domain.md §5): the fiscal-year audit plan, findings with their corrective
 * actions, management reviews マネジメントレビュー with their actions, and the P-mark certificate.
 * The renewal window and the independence / closing rules live in lib/audits/ (pure).
 */

export const auditTypeEnum = pgEnum("audit_type", AUDIT_TYPES);
export const auditStatusEnum = pgEnum("audit_status", AUDIT_STATUSES);
export const findingGradeEnum = pgEnum("audit_finding_grade", FINDING_GRADES);
export const findingStatusEnum = pgEnum("audit_finding_status", FINDING_STATUSES);
export const reviewActionStatusEnum = pgEnum("management_review_action_status", ACTION_STATUSES);

export const audits = pgTable(
  "audits",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    fiscalYear: integer("fiscal_year").notNull(),
    type: auditTypeEnum("type").notNull(),
    title: text("title").notNull(),
    /** Audited departments (departments.id). */
    scopeDepartmentIds: integer("scope_department_ids").array().notNull().default(sql`'{}'::integer[]`),
    /** JIS Q 15001 clauses in scope, e.g. "A.3.3.1". */
    scopeClauses: text("scope_clauses").array().notNull().default(sql`'{}'::text[]`),
    /** For a contractor on-site audit / external assessment: who is audited or who assesses. */
    auditee: text("auditee"),
    plannedStart: date("planned_start", { mode: "string" }).notNull(),
    plannedEnd: date("planned_end", { mode: "string" }).notNull(),
    actualStart: date("actual_start", { mode: "string" }),
    actualEnd: date("actual_end", { mode: "string" }),
    leadAuditorId: integer("lead_auditor_id").references(() => users.id),
    status: auditStatusEnum("status").notNull().default("planned"),
    /** Summary / audit report 監査報告. */
    summary: text("summary"),
    reportedOn: date("reported_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    createdBy: integer("created_by").references(() => users.id),
    ...retirable,
    ...versioned,
  },
  (t) => [
    index("audits_fy_status_idx").on(t.fiscalYear, t.status),
    index("audits_planned_start_idx").on(t.plannedStart),
    index("audits_type_idx").on(t.type),
    index("audits_lead_idx").on(t.leadAuditorId),
    check("audits_fy_range", sql`${t.fiscalYear} between 2000 and 2100`),
    check("audits_planned_range", sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check("audits_actual_range", sql`${t.actualEnd} is null or ${t.actualStart} is null or ${t.actualEnd} >= ${t.actualStart}`),
    check("audits_closed_has_date", sql`${t.status} <> 'closed' or ${t.closedOn} is not null`),
  ],
);

/** Audit team 監査員 (the lead is audits.lead_auditor_id). Removal retires the row. */
export const auditTeamMembers = pgTable(
  "audit_team_members",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    ...retirable,
  },
  (t) => [
    uniqueIndex("audit_team_members_active_idx")
      .on(t.auditId, t.userId)
      .where(sql`${t.retiredAt} is null`),
    index("audit_team_members_user_idx").on(t.userId),
  ],
);

export const auditFindings = pgTable(
  "audit_findings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id),
    clauseRef: text("clause_ref"),
    grade: findingGradeEnum("grade").notNull(),
    departmentId: integer("department_id").references(() => departments.id),
    description: text("description").notNull(),
    /** Corrective action 是正処置 (planned, then done). */
    correctiveAction: text("corrective_action"),
    ownerUserId: integer("owner_user_id").references(() => users.id),
    ownerName: text("owner_name"),
    dueDate: date("due_date", { mode: "string" }),
    status: findingStatusEnum("status").notNull().default("open"),
    doneOn: date("done_on", { mode: "string" }),
    verifiedOn: date("verified_on", { mode: "string" }),
    verifiedBy: integer("verified_by").references(() => users.id),
    verificationNote: text("verification_note"),
    ...retirable,
    /** Who retired the finding (recorded by mistake, duplicate …) and why; null while it is live. */
    retiredBy: integer("retired_by").references(() => users.id),
    retireReason: text("retire_reason"),
    ...versioned,
  },
  (t) => [
    index("audit_findings_audit_idx").on(t.auditId),
    index("audit_findings_grade_status_idx").on(t.grade, t.status),
    index("audit_findings_department_idx").on(t.departmentId),
    index("audit_findings_due_idx").on(t.status, t.dueDate),
    check("audit_findings_verified_has_verifier", sql`${t.status} <> 'verified' or (${t.verifiedOn} is not null and ${t.verifiedBy} is not null)`),
  ],
);

export const managementReviews = pgTable(
  "management_reviews",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    fiscalYear: integer("fiscal_year").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    title: text("title").notNull(),
    /** Top management 代表者 and other participants, written out. */
    participants: text("participants").notNull(),
    inputAuditResults: text("input_audit_results"),
    inputIncidents: text("input_incidents"),
    inputTraining: text("input_training"),
    inputContractors: text("input_contractors"),
    inputLawChanges: text("input_law_changes"),
    inputOther: text("input_other"),
    decisions: text("decisions"),
    createdBy: integer("created_by").references(() => users.id),
    ...retirable,
    ...versioned,
  },
  (t) => [index("management_reviews_fy_idx").on(t.fiscalYear, t.heldOn), check("management_reviews_fy_range", sql`${t.fiscalYear} between 2000 and 2100`)],
);

export const managementReviewActions = pgTable(
  "management_review_actions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => managementReviews.id),
    description: text("description").notNull(),
    ownerUserId: integer("owner_user_id").references(() => users.id),
    ownerName: text("owner_name"),
    dueDate: date("due_date", { mode: "string" }),
    status: reviewActionStatusEnum("status").notNull().default("open"),
    doneOn: date("done_on", { mode: "string" }),
    note: text("note"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    index("management_review_actions_review_idx").on(t.reviewId),
    index("management_review_actions_due_idx").on(t.status, t.dueDate),
    check("management_review_actions_done_has_date", sql`${t.status} <> 'done' or ${t.doneOn} is not null`),
  ],
);

/** P-mark certificate プライバシーマーク付与認定 (2-year validity). The current one = latest valid_to, not retired. */
export const pmarkCertificates = pgTable(
  "pmark_certificates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    certificateNumber: text("certificate_number").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }).notNull(),
    note: text("note"),
    ...retirable,
    ...versioned,
  },
  (t) => [index("pmark_certificates_valid_to_idx").on(t.validTo), check("pmark_certificates_range", sql`${t.validTo} > ${t.validFrom}`)],
);

export type Audit = typeof audits.$inferSelect;
export type AuditTeamMember = typeof auditTeamMembers.$inferSelect;
export type AuditFinding = typeof auditFindings.$inferSelect;
export type ManagementReview = typeof managementReviews.$inferSelect;
export type ManagementReviewAction = typeof managementReviewActions.$inferSelect;
export type PmarkCertificate = typeof pmarkCertificates.$inferSelect;
export type AuditType = (typeof auditTypeEnum.enumValues)[number];
export type AuditStatus = (typeof auditStatusEnum.enumValues)[number];
export type FindingGrade = (typeof findingGradeEnum.enumValues)[number];
export type FindingStatus = (typeof findingStatusEnum.enumValues)[number];
