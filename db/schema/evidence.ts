import { sql } from "drizzle-orm";
import { bigint, check, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { retirable, versioned } from "./columns";

/**
 * Evidence files (docs/domain.md, "Evidence files"): an evidence is one named piece of proof attached
 * to a record (`record_kind` + `record_id`, the kinds of lib/evidence/kinds.ts — text, so a new kind
 * needs no migration); each upload is a version with its own effective date and optional expiry; the
 * bytes live in the database, content-addressed by SHA-256 (the same file attached twice is stored
 * once) and cut into chunks, so neither an upload nor a download holds a whole file in memory.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const evidence = pgTable(
  "evidence",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    recordKind: text("record_kind").notNull(),
    recordId: integer("record_id").notNull(),
    title: text("title").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    ...retirable,
    ...versioned,
  },
  (t) => [index("evidence_record_idx").on(t.recordKind, t.recordId)],
);

export const evidenceBlobs = pgTable(
  "evidence_blobs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Null only while the upload that writes it is under way (inside its transaction). */
    sha256: text("sha256"),
    byteSize: bigint("byte_size", { mode: "number" }).notNull().default(0),
    mediaType: text("media_type").notNull(),
    chunkCount: integer("chunk_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** When its content was removed: the last version holding it was disposed of. */
    purgedAt: timestamp("purged_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("evidence_blobs_sha256_idx").on(t.sha256).where(sql`${t.purgedAt} is null`)],
);

export const evidenceChunks = pgTable(
  "evidence_chunks",
  {
    blobId: integer("blob_id")
      .notNull()
      .references(() => evidenceBlobs.id),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

export const evidenceVersions = pgTable(
  "evidence_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    evidenceId: integer("evidence_id")
      .notNull()
      .references(() => evidence.id),
    number: integer("number").notNull(),
    fileName: text("file_name").notNull(),
    /** Told from the content, never the name (lib/evidence/content.ts). */
    mediaType: text("media_type").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    /** Null once the content is disposed of; the row itself stays as the record of the disposal. */
    blobId: integer("blob_id").references(() => evidenceBlobs.id),
    /** The day the evidence speaks for, independent of the upload. */
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    disposedAt: timestamp("disposed_at", { withTimezone: true, mode: "date" }),
    disposedBy: integer("disposed_by").references(() => users.id),
    disposalReason: text("disposal_reason"),
  },
  (t) => [
    uniqueIndex("evidence_versions_number_idx").on(t.evidenceId, t.number),
    index("evidence_versions_sha256_idx").on(t.sha256),
    index("evidence_versions_expires_idx").on(t.expiresOn).where(sql`${t.expiresOn} is not null and ${t.disposedAt} is null`),
    check("evidence_versions_expiry_after_effective", sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.effectiveOn}`),
    check("evidence_versions_disposal", sql`(${t.disposedAt} is null) = (${t.disposalReason} is null) and (${t.disposedAt} is null or ${t.blobId} is null)`),
  ],
);
