import { EVIDENCE_KIND_RULES, type EvidenceRecordKind } from "@/lib/evidence/kinds";

/** TanStack Query keys and URLs of the evidence panel (plain module: server pages prefetch with them too). */
export const evidenceKeys = {
  all: ["evidence"] as const,
  list: (kind: EvidenceRecordKind, recordId: number) => ["evidence", kind, recordId] as const,
};

export const evidenceUrls = {
  list: (kind: EvidenceRecordKind, recordId: number) => `/api/v1/evidence/${EVIDENCE_KIND_RULES[kind].segment}/${recordId}`,
  content: (versionId: number, disposition: "inline" | "attachment") => `/api/v1/evidence/files/${versionId}/content?disposition=${disposition}`,
  dispose: (versionId: number) => `/api/v1/evidence/files/${versionId}/dispose`,
};
