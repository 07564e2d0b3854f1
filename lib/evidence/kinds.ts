import { ADMINS, ANY_ROLE, TRAINING_WRITERS, type Role } from "@/lib/auth/roles";
import { AUDIT_WRITERS, PMARK_OWNERS } from "@/lib/audits/roles";
import { CONTRACTOR_WRITERS } from "@/lib/contractors/schema";
import { REGISTER_WRITERS } from "@/lib/register/schema";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";

/**
 * The records evidence can be attached to (docs/domain.md, "Evidence files"), and who may read and
 * write the evidence of each: whoever may read the record reads its evidence, whoever may write the
 * record attaches and versions it — the same role lists the record's own contracts use
 * (lib/api/contracts/*). One row per kind: adding a kind is a row here, a row in
 * db/queries/evidence-records.ts (its table and page) and a route file (docs/domain.md).
 *
 * `segment` is the kind's part of the API path: /api/v1/evidence/<segment>/{recordId}.
 */
export const EVIDENCE_RECORD_KINDS = [
  "training_record",
  "training_session",
  "course",
  "regulation",
  "regulation_version",
  "regulation_review",
  "incident",
  "corrective_action",
  "contractor",
  "assessment",
  "audit",
  "finding",
  "management_review",
  "register_item",
] as const;
export type EvidenceRecordKind = (typeof EVIDENCE_RECORD_KINDS)[number];

export type EvidenceKindRule = { segment: string; read: readonly Role[]; write: readonly Role[] };

export const EVIDENCE_KIND_RULES: Record<EvidenceRecordKind, EvidenceKindRule> = {
  training_record: { segment: "training-records", read: ANY_ROLE, write: TRAINING_WRITERS },
  training_session: { segment: "training-sessions", read: ANY_ROLE, write: TRAINING_WRITERS },
  course: { segment: "courses", read: ANY_ROLE, write: TRAINING_WRITERS },
  regulation: { segment: "regulations", read: ANY_ROLE, write: REGULATION_WRITERS },
  regulation_version: { segment: "regulation-versions", read: ANY_ROLE, write: REGULATION_WRITERS },
  regulation_review: { segment: "regulation-reviews", read: ANY_ROLE, write: REGULATION_WRITERS },
  incident: { segment: "incidents", read: ANY_ROLE, write: ADMINS },
  corrective_action: { segment: "corrective-actions", read: ANY_ROLE, write: ADMINS },
  contractor: { segment: "contractors", read: ANY_ROLE, write: CONTRACTOR_WRITERS },
  assessment: { segment: "assessments", read: ANY_ROLE, write: CONTRACTOR_WRITERS },
  audit: { segment: "audits", read: ANY_ROLE, write: AUDIT_WRITERS },
  finding: { segment: "findings", read: ANY_ROLE, write: AUDIT_WRITERS },
  management_review: { segment: "management-reviews", read: ANY_ROLE, write: PMARK_OWNERS },
  register_item: { segment: "register-items", read: ANY_ROLE, write: REGISTER_WRITERS },
};

/** Disposing of a file's content ends what the retention rules keep: the privacy manager decides it. */
export const EVIDENCE_DISPOSERS: readonly Role[] = ADMINS;

export function isEvidenceRecordKind(value: string): value is EvidenceRecordKind {
  return (EVIDENCE_RECORD_KINDS as readonly string[]).includes(value);
}

export function mayReadEvidence(role: Role, kind: EvidenceRecordKind): boolean {
  return EVIDENCE_KIND_RULES[kind].read.includes(role);
}

export function mayWriteEvidence(role: Role, kind: EvidenceRecordKind): boolean {
  return EVIDENCE_KIND_RULES[kind].write.includes(role);
}

/** The kinds whose evidence a role may read (for the calendar and the dashboard). */
export function readableKinds(role: Role): EvidenceRecordKind[] {
  return EVIDENCE_RECORD_KINDS.filter((k) => mayReadEvidence(role, k));
}
