import { z } from "zod";
import { id, isoDate, optionalIsoDate, optionalText, requiredText, version } from "@/lib/validation/common";
import { EVIDENCE_RECORD_KINDS } from "./kinds";

/**
 * Evidence files (docs/domain.md, "Evidence files"): the shapes the API, the component and the
 * OpenAPI document share.
 */

/** The types an evidence file may be, told from its content (lib/evidence/content.ts). */
export const EVIDENCE_MEDIA_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/zip",
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** A short name per type: its usual file extension (the Settings page's labels are keyed by it). */
export const EVIDENCE_TYPE_EXTENSIONS: Record<EvidenceMediaType, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/zip": "zip",
};

/** Shown in the browser (inline) rather than only downloaded: PDFs and images. */
export const PREVIEWABLE_TYPES: readonly string[] = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"];

const MIB = 1024 * 1024;

/** The evidence settings (Settings page): the largest file and the types accepted. */
export const evidenceSettingsSchema = z.object({
  maxBytes: z.coerce
    .number({ error: "validation.required" })
    .int("validation.invalid")
    .min(64 * 1024, "validation.tooSmall")
    .max(1024 * MIB, "validation.tooBig"),
  allowedTypes: z.array(z.enum(EVIDENCE_MEDIA_TYPES, { error: "validation.invalid" })).min(1, "validation.required"),
});
export type EvidenceSettings = z.infer<typeof evidenceSettingsSchema>;

export const updateEvidenceSettingsSchema = evidenceSettingsSchema.extend({
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});

/** Until the privacy manager saves other values: 20 MB (never more than PMS_MAX_UPLOAD_BYTES) and PDFs, images and Office files. */
export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = {
  maxBytes: 20 * MIB,
  allowedTypes: EVIDENCE_MEDIA_TYPES.filter((t) => t !== "application/zip"),
};

export const evidenceSettingsResponse = evidenceSettingsSchema.extend({
  version: z.number().int(),
  /** The effective limit: the setting, capped by the server's PMS_MAX_UPLOAD_BYTES. */
  effectiveMaxBytes: z.number().int(),
  /** The server's ceiling, PMS_MAX_UPLOAD_BYTES. */
  serverMaxBytes: z.number().int(),
});
export type EvidenceSettingsDto = z.infer<typeof evidenceSettingsResponse>;

export const evidenceRecordParams = z.object({ recordId: id.meta({ example: 1 }) });
export const evidenceVersionParams = z.object({ versionId: id.meta({ example: 1 }) });

/**
 * The facts of an upload, sent as query parameters beside the file's bytes (the body is the file
 * itself, streamed: docs/domain.md). Without `evidenceId` the file starts a new evidence; with it,
 * the file is that evidence's next version (`version` = the evidence's version the client saw).
 */
export const evidenceUploadQuery = z
  .object({
    fileName: requiredText(255).refine((s) => !/[\\/\u0000-\u001f\u007f]/.test(s), "validation.invalid"),
    title: optionalText(200),
    effectiveOn: isoDate,
    expiresOn: optionalIsoDate,
    evidenceId: id.optional(),
    version: version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn && v.expiresOn < v.effectiveOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "evidence.validation.expiryBeforeEffective" });
    if (v.evidenceId !== undefined && v.version === undefined) ctx.addIssue({ code: "custom", path: ["version"], message: "validation.required" });
    if (v.evidenceId === undefined && !v.title) ctx.addIssue({ code: "custom", path: ["title"], message: "validation.required" });
  });
export type EvidenceUploadInput = z.output<typeof evidenceUploadQuery>;

export const evidenceContentQuery = z.object({
  /** attachment (download) or inline (preview: PDFs and images only). */
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
});

export const disposeEvidenceSchema = z.object({
  reason: requiredText(1000),
  /** The evidence's version the client saw. */
  version,
});
export type DisposeEvidenceInput = z.output<typeof disposeEvidenceSchema>;

const person = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const evidenceVersionDto = z.object({
  id: z.number().int(),
  number: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  effectiveOn: z.string(),
  expiresOn: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedBy: person,
  disposedAt: z.string().nullable(),
  disposedBy: person,
  disposalReason: z.string().nullable(),
  previewable: z.boolean(),
});
export type EvidenceVersionDto = z.infer<typeof evidenceVersionDto>;

export const evidenceDto = z.object({
  id: z.number().int(),
  recordKind: z.enum(EVIDENCE_RECORD_KINDS),
  recordId: z.number().int(),
  title: z.string(),
  version: z.number().int(),
  /** Newest first. */
  versions: z.array(evidenceVersionDto),
});
export type EvidenceDto = z.infer<typeof evidenceDto>;

export const evidenceListResponse = z.object({
  items: z.array(evidenceDto),
  /** Whether the signed-in user may attach files here (the record kind's writers). */
  canWrite: z.boolean(),
  canDispose: z.boolean(),
  settings: z.object({ maxBytes: z.number().int(), allowedTypes: z.array(z.string()) }),
});
export type EvidenceListDto = z.infer<typeof evidenceListResponse>;

/** Another place the same content (same SHA-256) is attached: "the same file attached twice is recognised". */
export const evidenceDuplicateDto = z.object({
  evidenceId: z.number().int(),
  title: z.string(),
  recordKind: z.enum(EVIDENCE_RECORD_KINDS),
  recordId: z.number().int(),
  versionNumber: z.number().int(),
});

export const evidenceUploadResponse = z.object({
  evidence: evidenceDto,
  versionId: z.number().int(),
  duplicates: z.array(evidenceDuplicateDto),
});
export type EvidenceUploadDto = z.infer<typeof evidenceUploadResponse>;
