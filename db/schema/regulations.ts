import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { REGULATION_STATUSES, REVIEW_OUTCOMES, REVIEW_STATES, REVIEW_TRIGGERS } from "@/lib/regulations/due";
import { retirable, versioned } from "./columns";
import { users } from "./auth";
import { departments, employees } from "./training";

/**
 * Periodic review of rules and structure 規程・体制の定期見直し (docs/domain.md §2): the regulation register,
 * its revision history 改訂履歴, review records 見直し記録, and the PMS posts 体制 with their holders.
 */

export const regulationStatusEnum = pgEnum("regulation_status", REGULATION_STATUSES);
export const reviewTriggerEnum = pgEnum("regulation_review_trigger", REVIEW_TRIGGERS);
export const reviewOutcomeEnum = pgEnum("regulation_review_outcome", REVIEW_OUTCOMES);
export const reviewStateEnum = pgEnum("regulation_review_state", REVIEW_STATES);

export const regulations = pgTable(
  "regulations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** The owner: a sign-in user, or (when none fits) a name or role written out. */
    ownerUserId: integer("owner_user_id").references(() => users.id),
    ownerName: text("owner_name"),
    /** The version in force 第N版; null while a draft has never been in force. */
    currentVersion: integer("current_version"),
    /** When the current version took effect (for a draft: the planned date). */
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
    /** The date of the last approved review. */
    lastReviewedOn: date("last_reviewed_on", { mode: "string" }),
    /** Derived by lib/regulations/due.ts on every write (null unless in force); stored for filters and sorting. */
    nextReviewDue: date("next_review_due", { mode: "string" }),
    status: regulationStatusEnum("status").notNull().default("draft"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("regulations_code_idx").on(sql`lower(${t.code})`),
    index("regulations_status_due_idx").on(t.status, t.nextReviewDue),
    index("regulations_owner_idx").on(t.ownerUserId),
    check("regulations_interval_range", sql`${t.reviewIntervalMonths} between 1 and 120`),
    check("regulations_version_positive", sql`${t.currentVersion} is null or ${t.currentVersion} >= 1`),
    check("regulations_in_force_has_version", sql`${t.status} = 'draft' or ${t.currentVersion} is not null`),
  ],
);

export const regulationReviews = pgTable(
  "regulation_reviews",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    reviewers: text("reviewers").notNull(),
    trigger: reviewTriggerEnum("trigger").notNull(),
    outcome: reviewOutcomeEnum("outcome").notNull(),
    summary: text("summary"),
    /** For a revision: the version it proposes (set from the register, current + 1). */
    proposedVersion: integer("proposed_version"),
    /** For a revision: when the new version takes effect (default: the approval date). */
    proposedEffectiveDate: date("proposed_effective_date", { mode: "string" }),
    minutes: text("minutes"),
    state: reviewStateEnum("state").notNull().default("draft"),
    recordedBy: integer("recorded_by").references(() => users.id),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedOn: date("approved_on", { mode: "string" }),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
    /** A draft discarded (never an approved review). */
    ...retirable,
    ...versioned,
  },
  (t) => [
    index("regulation_reviews_regulation_idx").on(t.regulationId, t.reviewedOn),
    // One open draft per regulation at a time.
    uniqueIndex("regulation_reviews_one_draft_idx")
      .on(t.regulationId)
      .where(sql`${t.state} = 'draft' and ${t.retiredAt} is null`),
    check("regulation_reviews_approved_has_approver", sql`${t.state} = 'draft' or (${t.approvedBy} is not null and ${t.approvedOn} is not null)`),
    check("regulation_reviews_revised_has_version", sql`${t.outcome} <> 'revised' or ${t.proposedVersion} is not null`),
  ],
);

export const regulationVersions = pgTable(
  "regulation_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    versionNumber: integer("version_number").notNull(),
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    summary: text("summary").notNull(),
    /** The approved review that made this version (null for versions registered with the regulation). */
    reviewId: integer("review_id").references(() => regulationReviews.id),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedByName: text("approved_by_name"),
    approvedOn: date("approved_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("regulation_versions_number_idx").on(t.regulationId, t.versionNumber),
    check("regulation_versions_positive", sql`${t.versionNumber} >= 1`),
  ],
);

export const pmsPosts = pgTable(
  "pms_posts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    /** For 部門責任者: the department the post is for. */
    departmentId: integer("department_id").references(() => departments.id),
    description: text("description"),
    sortOrder: integer("sort_order").notNull().default(100),
    /**
     * The posts this one may not be held together with (兼任不可). Symmetric: the writes keep both
     * posts' lists in step, and the rule (lib/regulations/exclusions.ts) reads either side.
     */
    exclusiveWith: integer("exclusive_with").array().notNull().default(sql`'{}'::integer[]`),
    ...retirable,
    ...versioned,
  },
  (t) => [uniqueIndex("pms_posts_code_idx").on(sql`lower(${t.code})`), index("pms_posts_department_idx").on(t.departmentId)],
);

export const pmsAppointments = pgTable(
  "pms_appointments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    postId: integer("post_id")
      .notNull()
      .references(() => pmsPosts.id),
    /** The holder: a sign-in user or an employee (exactly one). */
    userId: integer("user_id").references(() => users.id),
    employeeId: integer("employee_id").references(() => employees.id),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    /** Last day of the term; null = open-ended. An appointment is ended, never deleted. */
    toDate: date("to_date", { mode: "string" }),
    note: text("note"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    index("pms_appointments_post_idx").on(t.postId, t.fromDate),
    check("pms_appointments_one_person", sql`(${t.userId} is null) <> (${t.employeeId} is null)`),
    check("pms_appointments_term", sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

export type Regulation = typeof regulations.$inferSelect;
export type RegulationReview = typeof regulationReviews.$inferSelect;
export type RegulationVersion = typeof regulationVersions.$inferSelect;
export type PmsPost = typeof pmsPosts.$inferSelect;
export type PmsAppointment = typeof pmsAppointments.$inferSelect;
