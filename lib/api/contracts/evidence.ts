import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { EVIDENCE_DISPOSERS, EVIDENCE_KIND_RULES, EVIDENCE_RECORD_KINDS, type EvidenceRecordKind } from "@/lib/evidence/kinds";
import {
  disposeEvidenceSchema,
  evidenceContentQuery,
  evidenceDto,
  evidenceListResponse,
  evidenceRecordParams,
  evidenceSettingsResponse,
  evidenceUploadQuery,
  evidenceUploadResponse,
  evidenceVersionParams,
  updateEvidenceSettingsSchema,
} from "@/lib/evidence/schema";
import { defineOperation } from "../operation";

/**
 * Evidence files (docs/domain.md, "Evidence files"): one list and one upload per record kind, each
 * with that kind's readers and writers (lib/evidence/kinds.ts), so the authorization suite generated
 * from the document checks every kind's roles; the file itself (preview, download, disposal) by the
 * version's id, where the server checks the record kind's readers for the version it finds.
 */

const pascal = (segment: string) => segment.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

function recordOperations(kind: EvidenceRecordKind) {
  const rule = EVIDENCE_KIND_RULES[kind];
  const path = `/api/v1/evidence/${rule.segment}/{recordId}`;
  return {
    list: defineOperation({
      id: `list${pascal(rule.segment)}Evidence`,
      method: "get",
      path,
      roles: rule.read,
      tag: "evidence",
      summary: `Evidence files of a record (${kind}), every version newest first`,
      params: evidenceRecordParams,
      response: evidenceListResponse,
    }),
    upload: defineOperation({
      id: `upload${pascal(rule.segment)}Evidence`,
      method: "post",
      path,
      roles: rule.write,
      tag: "evidence",
      summary: `Attach a file to a record (${kind}), or add a version to one of its evidence`,
      description:
        "The body is the file itself (application/octet-stream), streamed into the database. The type is told from the content, " +
        "never the name; the size limit and the accepted types are the evidence settings. Query: fileName, title (a new evidence), " +
        "effectiveOn, expiresOn; evidenceId and version for a new version of an existing evidence. The answer lists other evidence " +
        "holding the same file (same SHA-256).",
      params: evidenceRecordParams,
      query: evidenceUploadQuery,
      binary: { description: "The file's bytes" },
      response: evidenceUploadResponse,
      successStatus: 201,
    }),
  };
}

export const recordEvidenceOperations = Object.fromEntries(EVIDENCE_RECORD_KINDS.map((k) => [k, recordOperations(k)])) as Record<
  EvidenceRecordKind,
  ReturnType<typeof recordOperations>
>;

export const getEvidenceContent = defineOperation({
  id: "getEvidenceContent",
  method: "get",
  path: "/api/v1/evidence/files/{versionId}/content",
  // Every role reads some record kind; the version's own kind is checked on the server (403).
  roles: ANY_ROLE,
  tag: "evidence",
  summary: "One version's file: disposition=inline previews a PDF or an image, attachment downloads it; each is written to the audit trail",
  params: evidenceVersionParams,
  query: evidenceContentQuery,
  produces: "application/octet-stream",
});

export const disposeEvidenceVersion = defineOperation({
  id: "disposeEvidenceVersion",
  method: "post",
  path: "/api/v1/evidence/files/{versionId}/dispose",
  roles: EVIDENCE_DISPOSERS,
  tag: "evidence",
  summary: "Dispose of a version's content with a reason; the record of it (who, when, name, hash) stays",
  params: evidenceVersionParams,
  body: disposeEvidenceSchema,
  // The demo data's attendance sheet (evidence 1, version 1).
  example: { reason: "保存期間（3年）満了のため廃棄", version: 1 },
  response: evidenceDto,
});

export const getEvidenceSettings = defineOperation({
  id: "getEvidenceSettings",
  method: "get",
  path: "/api/v1/settings/evidence",
  roles: ANY_ROLE,
  tag: "settings",
  summary: "Evidence files: the largest file accepted and the accepted types",
  response: evidenceSettingsResponse,
});

export const updateEvidenceSettings = defineOperation({
  id: "updateEvidenceSettings",
  method: "put",
  path: "/api/v1/settings/evidence",
  roles: ADMINS,
  tag: "settings",
  summary: "Change the evidence files' size limit and accepted types (send the version you read; 0 while nothing has been saved yet)",
  body: updateEvidenceSettingsSchema,
  example: { maxBytes: 10485760, allowedTypes: ["application/pdf", "image/png", "image/jpeg"], version: 0 },
  response: evidenceSettingsResponse,
});
