import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import {
  assessments,
  auditFindings,
  audits,
  contractors,
  courses,
  incidentCorrectiveActions,
  incidents,
  managementReviews,
  regulationReviews,
  regulationVersions,
  registerItems,
  regulations,
  trainingRecords,
  trainingSessions,
} from "@/db/schema";
import type { EvidenceRecordKind } from "@/lib/evidence/kinds";

/**
 * Where each record kind of lib/evidence/kinds.ts lives: its table, and the page that shows it (a
 * child record — a review, an action, an assessment, a finding — is shown on its parent's page, so
 * `page` gets the parent's id). Used to check that a record exists before evidence is attached and to
 * link an expiring evidence from the calendar and the dashboard.
 */
type RecordTable = { table: PgTable; id: PgColumn; parent?: PgColumn; page: (id: number, parentId: number | null) => string };

export const EVIDENCE_RECORD_TABLES: Record<EvidenceRecordKind, RecordTable> = {
  training_record: { table: trainingRecords, id: trainingRecords.id, page: (id) => `/training/records/${id}` },
  training_session: { table: trainingSessions, id: trainingSessions.id, page: (id) => `/training/sessions/${id}` },
  course: { table: courses, id: courses.id, page: (id) => `/training/courses/${id}` },
  regulation: { table: regulations, id: regulations.id, page: (id) => `/regulations/${id}` },
  regulation_version: { table: regulationVersions, id: regulationVersions.id, parent: regulationVersions.regulationId, page: (_id, p) => `/regulations/${p}` },
  regulation_review: { table: regulationReviews, id: regulationReviews.id, parent: regulationReviews.regulationId, page: (_id, p) => `/regulations/${p}` },
  incident: { table: incidents, id: incidents.id, page: (id) => `/incidents/${id}` },
  corrective_action: { table: incidentCorrectiveActions, id: incidentCorrectiveActions.id, parent: incidentCorrectiveActions.incidentId, page: (_id, p) => `/incidents/${p}` },
  contractor: { table: contractors, id: contractors.id, page: (id) => `/contractors/${id}` },
  assessment: { table: assessments, id: assessments.id, parent: assessments.contractorId, page: (_id, p) => `/contractors/${p}` },
  audit: { table: audits, id: audits.id, page: (id) => `/audits/${id}` },
  finding: { table: auditFindings, id: auditFindings.id, parent: auditFindings.auditId, page: (_id, p) => `/audits/${p}` },
  management_review: { table: managementReviews, id: managementReviews.id, page: (id) => `/audits/management-reviews/${id}` },
  register_item: { table: registerItems, id: registerItems.id, page: (id) => `/register/${id}` },
};

/** The page of the record, or null when no such record exists. */
export async function recordPage(db: DbOrTx, kind: EvidenceRecordKind, recordId: number): Promise<string | null> {
  const t = EVIDENCE_RECORD_TABLES[kind];
  const [row] = await db
    .select({ id: t.id, parent: t.parent ?? sql<null>`null` })
    .from(t.table)
    .where(eq(t.id, recordId));
  if (!row) return null;
  return t.page(recordId, (row.parent as number | null) ?? null);
}

/** The pages of many records of one kind in one statement: id → page (records that do not exist are left out). */
export async function recordPages(db: DbOrTx, kind: EvidenceRecordKind, recordIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (recordIds.length === 0) return out;
  const t = EVIDENCE_RECORD_TABLES[kind];
  const rows = await db
    .select({ id: t.id, parent: t.parent ?? sql<null>`null` })
    .from(t.table)
    .where(inArray(t.id, [...new Set(recordIds)]));
  for (const r of rows) out.set(r.id as number, t.page(r.id as number, (r.parent as number | null) ?? null));
  return out;
}
