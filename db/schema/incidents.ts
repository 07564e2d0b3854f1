import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { INCIDENT_STATUSES } from "@/lib/incidents/workflow";
import { retirable, versioned } from "./columns";
import { users } from "./auth";
import { departments } from "./training";

/**
 * Incident log 事故・インシデント記録 (docs/domain.md §3). lib/incidents/reporting.ts computes the reporting
 * clocks (reportable, PPC and P-mark deadlines) on every read from the discovery time, the four flags
 * and the number of persons. The dashboard needs a few of them without reading every incident, so the
 * same rule is also stated once in SQL (migration 0013: the two clocks, incident_obligations() and
 * incident_next_report_due/_warn()) and kept in generated columns and tallies: `reportable`, `next_report_due`, `next_report_warn`
 * below, and the incident_*_tally tables kept by triggers in the same transaction as every write.
 * tests/integration/dashboard-incidents.test.ts checks the SQL form against the pure rule.
 */

/** The SQL form's arguments: the reporting facts and the five report dates, in incident_obligations()'s order. */
const REPORTING_ARGS = `"discovered_at", "sensitive_data", "financial_loss", "wrongful_purpose", "encrypted", "persons_affected",
  "ppc_preliminary_reported_on", "ppc_final_reported_on", "persons_notified_on", "pmark_preliminary_reported_on", "pmark_final_reported_on"`;

export const incidentCategoryEnum = pgEnum("incident_category", INCIDENT_CATEGORIES);
export const incidentSeverityEnum = pgEnum("incident_severity", INCIDENT_SEVERITIES);
export const incidentStatusEnum = pgEnum("incident_status", INCIDENT_STATUSES);

/** One row per fiscal year: the last reference number given. Bumped with a row lock in the creating transaction. */
export const incidentCounters = pgTable("incident_counters", {
  fiscalYear: integer("fiscal_year").primaryKey(),
  lastSeq: integer("last_seq").notNull(),
});

export const incidents = pgTable(
  "incidents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** INC-<FY>-<seq>, e.g. INC-2026-001. */
    reference: text("reference").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    seq: integer("seq").notNull(),
    title: text("title").notNull(),
    category: incidentCategoryEnum("category").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }),
    discoveredAt: timestamp("discovered_at", { withTimezone: true, mode: "date" }).notNull(),
    reporterId: integer("reporter_id").references(() => users.id),
    reporterName: text("reporter_name").notNull(),
    departmentId: integer("department_id").references(() => departments.id),
    description: text("description").notNull(),
    dataInvolved: text("data_involved"),
    /** Estimate of the number of persons affected. */
    personsAffected: integer("persons_affected").notNull().default(0),
    sensitiveData: boolean("sensitive_data").notNull().default(false),
    financialLoss: boolean("financial_loss").notNull().default(false),
    wrongfulPurpose: boolean("wrongful_purpose").notNull().default(false),
    encrypted: boolean("encrypted").notNull().default(false),
    severity: incidentSeverityEnum("severity").notNull().default("medium"),
    status: incidentStatusEnum("status").notNull().default("reported"),
    /** Containment measures taken 封じ込め措置. */
    containment: text("containment"),
    // The nine items of the final report to the PPC.
    reportOverview: text("report_overview"),
    reportDataItems: text("report_data_items"),
    reportPersons: text("report_persons"),
    reportCause: text("report_cause"),
    reportSecondaryRisk: text("report_secondary_risk"),
    reportResponseToPersons: text("report_response_to_persons"),
    reportPublication: text("report_publication"),
    reportRecurrenceMeasures: text("report_recurrence_measures"),
    reportOther: text("report_other"),
    // When each report and the notice to the persons were actually made.
    ppcPreliminaryReportedOn: date("ppc_preliminary_reported_on", { mode: "string" }),
    ppcFinalReportedOn: date("ppc_final_reported_on", { mode: "string" }),
    pmarkPreliminaryReportedOn: date("pmark_preliminary_reported_on", { mode: "string" }),
    pmarkFinalReportedOn: date("pmark_final_reported_on", { mode: "string" }),
    personsNotifiedOn: date("persons_notified_on", { mode: "string" }),
    /** When the public statement 公表 was made (no deadline of its own: it fills 公表の実施状況 of the report). */
    publiclyAnnouncedOn: date("publicly_announced_on", { mode: "string" }),
    closedApprovedBy: integer("closed_approved_by").references(() => users.id),
    closedApprovedAt: timestamp("closed_approved_at", { withTimezone: true, mode: "date" }),
    // Derived by Postgres from the columns above on every write (never written by the app):
    /** Reportable to the PPC and the persons (computeReportingClocks().reportable). */
    reportable: boolean("reportable")
      .notNull()
      .generatedAlwaysAs(sql.raw(`incident_reportable("sensitive_data", "financial_loss", "wrongful_purpose", "encrypted", "persons_affected")`)),
    /** The earliest deadline of a report or notice not made yet (lateFlags().nextDue); null when all are made. */
    nextReportDue: date("next_report_due", { mode: "string" }).generatedAlwaysAs(sql.raw(`incident_next_report_due(${REPORTING_ARGS})`)),
    /** The earliest day a report or notice not made yet enters its warning window; null when all are made. */
    nextReportWarn: date("next_report_warn", { mode: "string" }).generatedAlwaysAs(sql.raw(`incident_next_report_warn(${REPORTING_ARGS})`)),
    ...retirable,
    ...versioned,
  },
  (t) => [
    uniqueIndex("incidents_reference_idx").on(t.reference),
    uniqueIndex("incidents_fy_seq_idx").on(t.fiscalYear, t.seq),
    index("incidents_status_idx").on(t.status),
    index("incidents_category_idx").on(t.category),
    index("incidents_severity_idx").on(t.severity),
    index("incidents_discovered_idx").on(t.discoveredAt),
    // The dashboard's next deadline: the first entry, in the order it is shown (deadline, then the
    // reference as JS compares strings), of the live incidents that still owe a report.
    index("incidents_next_report_idx")
      .on(t.nextReportDue, sql`${t.reference} collate "C"`)
      .where(sql`${t.retiredAt} is null and ${t.nextReportDue} is not null`),
    check("incidents_persons_nonneg", sql`${t.personsAffected} >= 0`),
    check("incidents_seq_positive", sql`${t.seq} > 0`),
    check("incidents_occurred_before_discovered", sql`${t.occurredAt} is null or ${t.occurredAt} <= ${t.discoveredAt}`),
    check("incidents_closed_approved", sql`${t.status} <> 'closed' or (${t.closedApprovedBy} is not null and ${t.closedApprovedAt} is not null)`),
  ],
);

/**
 * Live incidents counted by what the dashboard's cards group them by, kept by the triggers of migration
 * 0013 in the same transaction as every write to incidents (insert, update, retire, delete, COPY).
 * incident_tallies_rebuild() recomputes all three from the incidents (after a load with triggers off).
 */
export const incidentTally = pgTable(
  "incident_tally",
  {
    /** First day of the Tokyo month of discovery. */
    discoveryMonth: date("discovery_month", { mode: "string" }).notNull(),
    severity: incidentSeverityEnum("severity").notNull(),
    status: incidentStatusEnum("status").notNull(),
    reportable: boolean("reportable").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "incident_tally_pk", columns: [t.discoveryMonth, t.severity, t.status, t.reportable] })],
);

/** Live incidents that still owe a report, by their next deadline and warning day (late / due soon on any day). */
export const incidentDeadlineTally = pgTable(
  "incident_deadline_tally",
  {
    nextReportWarn: date("next_report_warn", { mode: "string" }).notNull(),
    nextReportDue: date("next_report_due", { mode: "string" }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "incident_deadline_tally_pk", columns: [t.nextReportWarn, t.nextReportDue] })],
);

/** The reports and notices of live incidents by deadline and whether made on time (the score's incident indicator). */
export const incidentObligationTally = pgTable(
  "incident_obligation_tally",
  {
    dueOn: date("due_on", { mode: "string" }).notNull(),
    onTime: boolean("on_time").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "incident_obligation_tally_pk", columns: [t.dueOn, t.onTime] })],
);

/** Every status change: who, when, from, to, note. Append-only. */
export const incidentTransitions = pgTable(
  "incident_transitions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    /** null: the incident was reported (created). */
    fromStatus: incidentStatusEnum("from_status"),
    toStatus: incidentStatusEnum("to_status").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    note: text("note"),
  },
  (t) => [index("incident_transitions_incident_idx").on(t.incidentId, t.at)],
);

/** Corrective actions 是正処置 of an incident. */
export const incidentCorrectiveActions = pgTable(
  "incident_corrective_actions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    doneOn: date("done_on", { mode: "string" }),
    ...retirable,
    ...versioned,
  },
  (t) => [index("incident_corrective_actions_incident_idx").on(t.incidentId)],
);

export type Incident = typeof incidents.$inferSelect;
export type NewIncident = typeof incidents.$inferInsert;
export type IncidentTransition = typeof incidentTransitions.$inferSelect;
export type IncidentCorrectiveAction = typeof incidentCorrectiveActions.$inferSelect;
