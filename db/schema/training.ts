import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { relations, sql } from "drizzle-orm";
import { EMPLOYMENT_TYPES } from "@/lib/training/employees-schema";
import { RECORD_SOURCE_VALUES, TRAINING_METHOD_VALUES } from "@/lib/training/records-schema";
import { retirable, versioned } from "./columns";
import { users } from "./auth";

export const employmentTypeEnum = pgEnum("employment_type", EMPLOYMENT_TYPES);
export const trainingMethodEnum = pgEnum("training_method", TRAINING_METHOD_VALUES);
export const recordSourceEnum = pgEnum("record_source", RECORD_SOURCE_VALUES);

export const departments = pgTable(
  "departments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    ...retirable,
    ...versioned,
  },
  (t) => [uniqueIndex("departments_code_idx").on(t.code)],
);

export const employees = pgTable(
  "employees",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    employeeNumber: text("employee_number").notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    email: text("email"),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    employmentType: employmentTypeEnum("employment_type").notNull(),
    hireDate: date("hire_date", { mode: "string" }).notNull(),
    leaveDate: date("leave_date", { mode: "string" }),
    /** Set while the employee is on leave (休職・産休 …): their training is `exempt`. */
    exemptionReason: text("exemption_reason"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("employees_number_idx").on(t.employeeNumber),
    index("employees_department_idx").on(t.departmentId),
    check("employees_leave_after_hire", sql`${t.leaveDate} is null or ${t.leaveDate} >= ${t.hireDate}`),
  ],
);

export const courses = pgTable(
  "courses",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** true: everyone; false: only the departments / employment types listed. */
    audienceAll: boolean("audience_all").notNull().default(true),
    audienceDepartmentIds: integer("audience_department_ids").array().notNull().default(sql`'{}'::integer[]`),
    audienceEmploymentTypes: text("audience_employment_types").array().notNull().default(sql`'{}'::text[]`),
    /** null: once; otherwise a passing record is valid this many months. */
    recurrenceMonths: integer("recurrence_months").default(12),
    /** New staff (and everyone when the course starts) must complete it within this many days. */
    newHireDueDays: integer("new_hire_due_days").notNull().default(30),
    /** Comprehension test pass mark (0–100); null: attendance is enough. */
    passMark: integer("pass_mark"),
    /** The requirement applies from this date. */
    requiredFrom: date("required_from", { mode: "string" }).notNull(),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("courses_code_idx").on(t.code),
    check("courses_pass_mark_range", sql`${t.passMark} is null or (${t.passMark} between 0 and 100)`),
    check("courses_recurrence_positive", sql`${t.recurrenceMonths} is null or ${t.recurrenceMonths} > 0`),
    check("courses_due_days_nonneg", sql`${t.newHireDueDays} >= 0`),
  ],
);

export const trainingImports = pgTable("training_imports", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  fileName: text("file_name").notNull(),
  encoding: text("encoding").notNull(),
  rowCount: integer("row_count").notNull(),
  insertedCount: integer("inserted_count").notNull(),
  skippedCount: integer("skipped_count").notNull(),
  importedBy: integer("imported_by").references(() => users.id),
  importedAt: timestamp("imported_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * A training session (docs/domain.md, "Training sessions"): one course held on one day for many
 * people — the bulk entry writes it with the records of its attendees (training_records.session_id).
 * Its own evidence (attendance sheet, material) hangs on it (evidence kind `training_session`).
 */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    /** Optional: the course title stands for it when empty. */
    title: text("title"),
    method: trainingMethodEnum("method").notNull(),
    place: text("place"),
    instructor: text("instructor"),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    ...versioned,
  },
  (t) => [index("training_sessions_course_idx").on(t.courseId, t.heldOn), index("training_sessions_held_idx").on(t.heldOn)],
);

export const trainingRecords = pgTable(
  "training_records",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id),
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    score: integer("score"),
    passed: boolean("passed").notNull(),
    method: trainingMethodEnum("method").notNull(),
    /** Where the evidence is (file name, LMS reference), as text; an uploaded file is attached as evidence (lib/evidence/). */
    evidence: text("evidence"),
    note: text("note"),
    source: recordSourceEnum("source").notNull().default("manual"),
    importId: integer("import_id").references(() => trainingImports.id),
    /** The session the record was entered with (bulk entry); null for single and imported records. */
    sessionId: integer("session_id").references(() => trainingSessions.id),
    recordedBy: integer("recorded_by").references(() => users.id),
    ...retirable,
    ...versioned,
  },
  (t) => [
    // One live record per employee, course and day: re-importing the same file adds nothing.
    uniqueIndex("training_records_natural_idx")
      .on(t.employeeId, t.courseId, t.completedOn)
      .where(sql`${t.retiredAt} is null`),
    index("training_records_course_idx").on(t.courseId, t.completedOn),
    index("training_records_completed_idx").on(t.completedOn),
    index("training_records_session_idx").on(t.sessionId).where(sql`${t.sessionId} is not null`),
    // The dashboard's status aggregate reads the latest passing completion per employee × course
    // (db/queries/dashboard.ts): an index-only scan of this partial index, in group order.
    index("training_records_passed_idx")
      .on(t.employeeId, t.courseId, t.completedOn)
      .where(sql`${t.passed} and ${t.retiredAt} is null`),
    check("training_records_score_range", sql`${t.score} is null or (${t.score} between 0 and 100)`),
  ],
);

/**
 * The training status facts of every live employee × live course required of them, as they stand now:
 * the latest passing completion and the due date it gives (lib/training/status.ts). Nobody writes it:
 * triggers on training_records, employees and courses (migration 0010) keep it in the same transaction
 * as every write to them, COPY and imports included. It serves "today" (the current fiscal year) so
 * the dashboard and the status list need not find the latest completion among every record on every
 * request; a past day is still judged from the records themselves (db/queries/training-status.ts).
 * Whether an employee is employed on the day and the course already required is left to the reader
 * (hire, leave and requiredFrom are copied here); retired employees and courses have no rows.
 */
export const trainingCurrentStatus = pgTable(
  "training_current_status",
  {
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    departmentId: integer("department_id").notNull(),
    hireDate: date("hire_date", { mode: "string" }).notNull(),
    leaveDate: date("leave_date", { mode: "string" }),
    requiredFrom: date("required_from", { mode: "string" }).notNull(),
    /** A non-blank exemption reason (on leave). */
    exempt: boolean("exempt").notNull(),
    lastPassedOn: date("last_passed_on", { mode: "string" }),
    /** training_due_on(): null when a once-only course was passed (it never expires). */
    dueOn: date("due_on", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.employeeId, t.courseId] }),
    index("training_current_status_course_idx").on(t.courseId),
    // The status list's pages sorted by status, one status at a time in due-date order
    // (db/queries/training-status.ts pageByStatus): the first page reads a few hundred rows, not all.
    index("training_current_status_due_idx").on(t.dueOn).where(sql`not ${t.exempt}`),
  ],
);

/**
 * The score's training figures on past month ends (docs/architecture.md, "Month-end figures"): the
 * counts trainingStatusCounts computes from the records for a day, stored per month end once asked
 * for (db/queries/dashboard/training.ts monthEndTrainingCounts). A row here says the day's counts in
 * training_month_end_counts are complete and current. Triggers on training_records, employees and
 * courses (migration 0016) delete every stored day on or after the earliest day a write can change,
 * in the same transaction, so the next request recomputes just those months.
 */
export const trainingMonthEndDays = pgTable("training_month_end_days", {
  asOf: date("as_of", { mode: "string" }).primaryKey(),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Employee × required course pairs per stored month end, department and status (lib/training/status.ts). */
export const trainingMonthEndCounts = pgTable(
  "training_month_end_counts",
  {
    asOf: date("as_of", { mode: "string" })
      .notNull()
      .references(() => trainingMonthEndDays.asOf, { onDelete: "cascade" }),
    departmentId: integer("department_id").notNull(),
    status: text("status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.departmentId, t.status] })],
);

/**
 * Renewal readiness's training facts of one day (db/queries/renewal-readiness.ts, docs/architecture.md
 * "Readiness days"): per employment type the workers, the workers some course is required of and the
 * pairs per status, as judged from the records on that day — a past fiscal year's last day, or today —
 * stored once asked for. A row here says the day's rows in training_readiness_counts are complete and
 * current: the month-end triggers of migration 0016 delete it with the month ends from the earliest day
 * a write can change (training_month_ends_forget, migration 0027), under the same training lock.
 */
export const trainingReadinessDays = pgTable("training_readiness_days", {
  asOf: date("as_of", { mode: "string" }).primaryKey(),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** One stored day's training facts per employment type (lib/renewal/readiness.ts TrainingTypeTally). */
export const trainingReadinessCounts = pgTable(
  "training_readiness_counts",
  {
    asOf: date("as_of", { mode: "string" })
      .notNull()
      .references(() => trainingReadinessDays.asOf, { onDelete: "cascade" }),
    employmentType: text("employment_type").notNull(),
    workers: integer("workers").notNull(),
    covered: integer("covered").notNull(),
    compliant: integer("compliant").notNull(),
    dueSoon: integer("due_soon").notNull(),
    overdue: integer("overdue").notNull(),
    exempt: integer("exempt").notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.employmentType] })],
);

/**
 * The status summary's counts of one day (db/queries/training-status.ts statusCounts): the pairs of
 * training_current_status per course, department and status on that day, stored when first asked for.
 * A row here says the day's counts in training_status_day_counts are complete and current: a trigger
 * on training_current_status (migration 0026) deletes every stored day in the same transaction as any
 * change to it, so the next request counts again. tests/integration/training-record-tally.test.ts
 * compares the stored counts with a count of the table.
 */
export const trainingStatusDays = pgTable("training_status_days", {
  asOf: date("as_of", { mode: "string" }).primaryKey(),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Employee × required course pairs of a stored day per course, department and status (lib/training/status.ts). */
export const trainingStatusDayCounts = pgTable(
  "training_status_day_counts",
  {
    asOf: date("as_of", { mode: "string" })
      .notNull()
      .references(() => trainingStatusDays.asOf, { onDelete: "cascade" }),
    courseId: integer("course_id").notNull(),
    departmentId: integer("department_id").notNull(),
    status: text("status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.courseId, t.departmentId, t.status] })],
);

/**
 * The live training records counted per completion day, course, result, method and source, so that
 * the records list's total and the status summary's completions per month are a sum over a few
 * thousand rows instead of a count over every record (db/queries/training-records.ts). Kept by
 * statement triggers on training_records (migration 0017) in the same transaction as every write;
 * tests/integration/training-record-tally.test.ts compares it with a count of the records.
 */
export const trainingRecordTally = pgTable(
  "training_record_tally",
  {
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    courseId: integer("course_id").notNull(),
    passed: boolean("passed").notNull(),
    method: trainingMethodEnum("method").notNull(),
    source: recordSourceEnum("source").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "training_record_tally_pk", columns: [t.completedOn, t.courseId, t.passed, t.method, t.source] })],
);

export const departmentsRelations = relations(departments, ({ many }) => ({ employees: many(employees) }));
export const employeesRelations = relations(employees, ({ one, many }) => ({
  department: one(departments, { fields: [employees.departmentId], references: [departments.id] }),
  trainingRecords: many(trainingRecords),
}));
export const coursesRelations = relations(courses, ({ many }) => ({ trainingRecords: many(trainingRecords) }));
export const trainingRecordsRelations = relations(trainingRecords, ({ one }) => ({
  employee: one(employees, { fields: [trainingRecords.employeeId], references: [employees.id] }),
  course: one(courses, { fields: [trainingRecords.courseId], references: [courses.id] }),
}));

export type Department = typeof departments.$inferSelect;
export type Employee = typeof employees.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type TrainingRecord = typeof trainingRecords.$inferSelect;
export type EmploymentType = (typeof employmentTypeEnum.enumValues)[number];
export type TrainingMethod = (typeof trainingMethodEnum.enumValues)[number];
