import "server-only";
import { createHash } from "node:crypto";
import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { evidence, evidenceBlobs, evidenceChunks, evidenceVersions, users } from "@/db/schema";
import { AppError, BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { EVIDENCE_CHUNK_BYTES, SNIFF_BYTES, detectMediaType, evidenceResponseHeaders, isPreviewable } from "@/lib/evidence/content";
import {
  EVIDENCE_DISPOSERS,
  EVIDENCE_RECORD_KINDS,
  mayReadEvidence,
  mayWriteEvidence,
  readableKinds,
  type EvidenceRecordKind,
} from "@/lib/evidence/kinds";
import type { DisposeEvidenceInput, EvidenceDto, EvidenceListDto, EvidenceUploadDto, EvidenceUploadInput, EvidenceVersionDto } from "@/lib/evidence/schema";
import { PayloadTooLargeError, declaredLength, limitStream, uploadLimit } from "@/lib/security/body";
import { recordAudit } from "./audit";
import { recordPage, recordPages } from "./evidence-records";
import { lockVersioned } from "./versioned";
import { getEvidenceSettings } from "./settings";

/**
 * Evidence files (docs/domain.md, "Evidence files"; docs/security.md, "Evidence files"). The bytes
 * stream from the request into 256 KiB rows of evidence_chunks inside one transaction — hashed and
 * counted as they pass, the type told from the first bytes — so an upload never holds more than a
 * chunk (plus the read in flight) in memory, and an upload refused half-way (too large, wrong type,
 * a stale version) leaves nothing behind. A download streams the rows back one at a time.
 */

/** 415 with the type found: the content is not one the settings accept. */
export class EvidenceTypeRefusedError extends AppError {
  constructor(found: string | null) {
    super(415, "evidence-type-refused", found ? "evidence.problems.typeRefused" : "evidence.problems.typeUnknown", { type: found ?? "" });
  }
}

/** The record kind's readers (or 403), and the record itself (or 404). */
async function checkRecord(db: DbOrTx, user: SessionUser, kind: EvidenceRecordKind, recordId: number, need: "read" | "write"): Promise<string> {
  if (!(need === "read" ? mayReadEvidence(user.role, kind) : mayWriteEvidence(user.role, kind))) throw new ForbiddenError();
  const page = await recordPage(db, kind, recordId);
  if (!page) throw new NotFoundError();
  return page;
}

const uploader = aliasedTable(users, "uploader");
const disposer = aliasedTable(users, "disposer");

async function loadEvidence(db: DbOrTx, where: ReturnType<typeof eq>): Promise<EvidenceDto[]> {
  const heads = await db.select().from(evidence).where(and(where, isNull(evidence.retiredAt))).orderBy(asc(evidence.id));
  if (heads.length === 0) return [];
  const rows = await db
    .select({
      v: evidenceVersions,
      uploaderName: uploader.name,
      disposerName: disposer.name,
    })
    .from(evidenceVersions)
    .leftJoin(uploader, eq(uploader.id, evidenceVersions.uploadedBy))
    .leftJoin(disposer, eq(disposer.id, evidenceVersions.disposedBy))
    .where(
      inArray(
        evidenceVersions.evidenceId,
        heads.map((h) => h.id),
      ),
    )
    .orderBy(desc(evidenceVersions.number));
  return heads.map((h) => ({
    id: h.id,
    recordKind: h.recordKind as EvidenceRecordKind,
    recordId: h.recordId,
    title: h.title,
    version: h.version,
    versions: rows.filter((r) => r.v.evidenceId === h.id).map((r) => versionDto(r.v, r.uploaderName, r.disposerName)),
  }));
}

function versionDto(v: typeof evidenceVersions.$inferSelect, uploaderName: string | null, disposerName: string | null): EvidenceVersionDto {
  return {
    id: v.id,
    number: v.number,
    fileName: v.fileName,
    mediaType: v.mediaType,
    byteSize: v.byteSize,
    sha256: v.sha256,
    effectiveOn: v.effectiveOn,
    expiresOn: v.expiresOn,
    uploadedAt: v.uploadedAt.toISOString(),
    uploadedBy: v.uploadedBy ? { id: v.uploadedBy, name: uploaderName ?? "" } : null,
    disposedAt: v.disposedAt?.toISOString() ?? null,
    disposedBy: v.disposedBy ? { id: v.disposedBy, name: disposerName ?? "" } : null,
    disposalReason: v.disposalReason,
    previewable: v.blobId !== null && isPreviewable(v.mediaType),
  };
}

/** The effective upload limit: the setting, never above the server's PMS_MAX_UPLOAD_BYTES. */
export async function evidenceLimits(): Promise<{ maxBytes: number; allowedTypes: string[] }> {
  const s = await getEvidenceSettings();
  return { maxBytes: uploadLimit(s.maxBytes), allowedTypes: s.allowedTypes };
}

export async function listEvidence(user: SessionUser, kind: EvidenceRecordKind, recordId: number): Promise<EvidenceListDto> {
  const db = await getDb();
  await checkRecord(db, user, kind, recordId, "read");
  const items = await loadEvidence(db, and(eq(evidence.recordKind, kind), eq(evidence.recordId, recordId))!);
  return {
    items,
    canWrite: mayWriteEvidence(user.role, kind),
    canDispose: EVIDENCE_DISPOSERS.includes(user.role),
    settings: await evidenceLimits(),
  };
}

type Stored = { blobId: number; sha256: string; byteSize: number; mediaType: string };

/**
 * The body into a new blob's chunks: counted (413 past `maxBytes`), hashed, its type told from the
 * first bytes and checked against `allowedTypes` (415) before anything is written. When a blob with
 * the same SHA-256 already holds the content, the new chunks are dropped and that blob is used.
 */
async function storeContent(tx: DbOrTx, body: ReadableStream<Uint8Array>, maxBytes: number, allowedTypes: readonly string[]): Promise<Stored> {
  const counted = limitStream(body, maxBytes, () => new PayloadTooLargeError(maxBytes, "upload"));
  const reader = counted.getReader();
  const hash = createHash("sha256");
  const [blob] = await tx.insert(evidenceBlobs).values({ mediaType: "application/octet-stream" }).returning({ id: evidenceBlobs.id });
  let mediaType: string | null = null;
  let buffer = new Uint8Array(EVIDENCE_CHUNK_BYTES);
  let filled = 0;
  let seq = 0;
  let total = 0;

  const flush = async () => {
    if (filled === 0) return;
    if (mediaType === null) {
      mediaType = await detectMediaType(buffer.subarray(0, filled));
      if (!mediaType || !allowedTypes.includes(mediaType)) throw new EvidenceTypeRefusedError(mediaType);
    }
    const data = filled === buffer.byteLength ? buffer : buffer.slice(0, filled);
    await tx.insert(evidenceChunks).values({ blobId: blob.id, seq, data });
    seq++;
    buffer = new Uint8Array(EVIDENCE_CHUNK_BYTES);
    filled = 0;
  };

  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    hash.update(value);
    let at = 0;
    while (at < value.byteLength) {
      const n = Math.min(value.byteLength - at, buffer.byteLength - filled);
      buffer.set(value.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === buffer.byteLength) await flush();
    }
    // Refuse a wrong type as soon as its first bytes have come, not after the whole file.
    if (mediaType === null && filled >= SNIFF_BYTES && seq === 0) {
      const early = await detectMediaType(buffer.subarray(0, filled));
      if (early && !allowedTypes.includes(early)) throw new EvidenceTypeRefusedError(early);
    }
  }
  await flush();
  if (total === 0) throw new BadRequestError("evidence.problems.empty");

  const sha256 = hash.digest("hex");
  const [existing] = await tx
    .select({ id: evidenceBlobs.id, mediaType: evidenceBlobs.mediaType })
    .from(evidenceBlobs)
    .where(and(eq(evidenceBlobs.sha256, sha256), isNull(evidenceBlobs.purgedAt)));
  if (existing) {
    // Stored once: the chunks just written go again, inside the same transaction.
    await tx.delete(evidenceChunks).where(eq(evidenceChunks.blobId, blob.id));
    await tx.delete(evidenceBlobs).where(eq(evidenceBlobs.id, blob.id));
    return { blobId: existing.id, sha256, byteSize: total, mediaType: existing.mediaType };
  }
  await tx.update(evidenceBlobs).set({ sha256, byteSize: total, chunkCount: seq, mediaType: mediaType! }).where(eq(evidenceBlobs.id, blob.id));
  return { blobId: blob.id, sha256, byteSize: total, mediaType: mediaType! };
}

/**
 * Attach a file to a record: a new evidence, or (with `evidenceId` and the version the client saw)
 * the next version of one. The whole upload is one transaction: refused half-way, nothing is stored.
 */
export async function uploadEvidence(
  user: SessionUser,
  kind: EvidenceRecordKind,
  recordId: number,
  input: EvidenceUploadInput,
  req: Request,
  body: ReadableStream<Uint8Array>,
): Promise<EvidenceUploadDto> {
  const db = await getDb();
  if (!mayWriteEvidence(user.role, kind)) throw new ForbiddenError();
  const { maxBytes, allowedTypes } = await evidenceLimits();
  if ((declaredLength(req.headers) ?? 0) > maxBytes) throw new PayloadTooLargeError(maxBytes, "upload");

  const result = await db.transaction(async (tx) => {
    await checkRecord(tx, user, kind, recordId, "write");
    const inRecord = and(eq(evidence.recordKind, kind), eq(evidence.recordId, recordId), isNull(evidence.retiredAt));
    const head =
      input.evidenceId !== undefined ? await lockVersioned(tx, evidence, input.evidenceId, input.version, inRecord) : null;
    const stored = await storeContent(tx, body, maxBytes, allowedTypes);

    let evidenceId: number;
    let number: number;
    if (head) {
      const [latest] = await tx
        .select({ number: evidenceVersions.number, sha256: evidenceVersions.sha256, disposedAt: evidenceVersions.disposedAt })
        .from(evidenceVersions)
        .where(eq(evidenceVersions.evidenceId, head.id))
        .orderBy(desc(evidenceVersions.number))
        .limit(1);
      if (latest && latest.sha256 === stored.sha256 && !latest.disposedAt) throw new ConflictError("evidence.problems.sameAsCurrent");
      number = (latest?.number ?? 0) + 1;
      evidenceId = head.id;
      await tx
        .update(evidence)
        .set({ version: sql`${evidence.version} + 1`, updatedAt: new Date(), ...(input.title ? { title: input.title } : {}) })
        .where(eq(evidence.id, head.id));
    } else {
      const [created] = await tx
        .insert(evidence)
        .values({ recordKind: kind, recordId, title: input.title!, createdBy: user.id })
        .returning({ id: evidence.id });
      evidenceId = created.id;
      number = 1;
    }
    const [version] = await tx
      .insert(evidenceVersions)
      .values({
        evidenceId,
        number,
        fileName: input.fileName,
        mediaType: stored.mediaType,
        byteSize: stored.byteSize,
        sha256: stored.sha256,
        blobId: stored.blobId,
        effectiveOn: input.effectiveOn,
        expiresOn: input.expiresOn,
        uploadedBy: user.id,
      })
      .returning({ id: evidenceVersions.id });

    const duplicates = await tx
      .select({
        evidenceId: evidence.id,
        title: evidence.title,
        recordKind: evidence.recordKind,
        recordId: evidence.recordId,
        versionNumber: evidenceVersions.number,
      })
      .from(evidenceVersions)
      .innerJoin(evidence, eq(evidence.id, evidenceVersions.evidenceId))
      .where(
        and(
          eq(evidenceVersions.sha256, stored.sha256),
          ne(evidenceVersions.id, version.id),
          isNull(evidenceVersions.disposedAt),
          isNull(evidence.retiredAt),
          inArray(evidence.recordKind, readableKinds(user.role)),
        ),
      )
      .orderBy(asc(evidenceVersions.id))
      .limit(20);

    await recordAudit(tx, user, {
      action: "upload",
      entity: "evidence",
      entityId: evidenceId,
      after: {
        recordKind: kind,
        recordId,
        versionId: version.id,
        number,
        fileName: input.fileName,
        mediaType: stored.mediaType,
        byteSize: stored.byteSize,
        sha256: stored.sha256,
        effectiveOn: input.effectiveOn,
        expiresOn: input.expiresOn,
      },
    });
    const [dto] = await loadEvidence(tx, eq(evidence.id, evidenceId));
    return { evidence: dto, versionId: version.id, duplicates: duplicates.map((d) => ({ ...d, recordKind: d.recordKind as EvidenceRecordKind })) };
  });
  return result;
}

/** A version with its evidence, and the reader's right to it (403 when the record kind is not theirs to read). */
async function versionFor(db: DbOrTx, user: SessionUser, versionId: number) {
  const [row] = await db
    .select({ v: evidenceVersions, e: evidence })
    .from(evidenceVersions)
    .innerJoin(evidence, eq(evidence.id, evidenceVersions.evidenceId))
    .where(eq(evidenceVersions.id, versionId));
  if (!row || row.e.retiredAt) throw new NotFoundError();
  const kind = row.e.recordKind as EvidenceRecordKind;
  if (!(EVIDENCE_RECORD_KINDS as readonly string[]).includes(kind) || !mayReadEvidence(user.role, kind)) throw new ForbiddenError();
  return { ...row, kind };
}

/**
 * The file's answer: its bytes streamed from the chunks, one row per pull (nothing read ahead), with
 * the headers of lib/evidence/content.ts. Every view and download is written to the audit trail
 * first (who looked at which evidence is itself personal-data handling).
 */
export async function openEvidenceContent(user: SessionUser, versionId: number, disposition: "attachment" | "inline"): Promise<Response> {
  const db = await getDb();
  const { v, kind } = await versionFor(db, user, versionId);
  if (v.blobId === null) throw new ConflictError("evidence.problems.disposed");
  const inline = disposition === "inline" && isPreviewable(v.mediaType);
  await recordAudit(db, user, {
    action: inline ? "view" : "download",
    entity: "evidence_version",
    entityId: v.id,
    after: { evidenceId: v.evidenceId, recordKind: kind, fileName: v.fileName, sha256: v.sha256 },
  });
  const blobId = v.blobId;
  let seq = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const [chunk] = await db
          .select({ data: evidenceChunks.data })
          .from(evidenceChunks)
          .where(and(eq(evidenceChunks.blobId, blobId), eq(evidenceChunks.seq, seq)));
        if (!chunk) {
          controller.close();
          return;
        }
        seq++;
        controller.enqueue(new Uint8Array(chunk.data));
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, { status: 200, headers: evidenceResponseHeaders(v, inline ? "inline" : "attachment") });
}

/**
 * Dispose of a version's content (廃棄, docs/domain.md): the reason, who and when are written on the
 * version, which stays with its name and hash; the bytes go once no other live version holds them.
 */
export async function disposeEvidenceVersion(user: SessionUser, versionId: number, input: DisposeEvidenceInput): Promise<EvidenceDto> {
  if (!EVIDENCE_DISPOSERS.includes(user.role)) throw new ForbiddenError();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { v, e } = await versionFor(tx, user, versionId);
    await lockVersioned(tx, evidence, e.id, input.version);
    if (v.disposedAt) throw new ConflictError("evidence.problems.disposed");
    await tx
      .update(evidenceVersions)
      .set({ disposedAt: new Date(), disposedBy: user.id, disposalReason: input.reason, blobId: null })
      .where(eq(evidenceVersions.id, v.id));
    await tx.update(evidence).set({ version: sql`${evidence.version} + 1`, updatedAt: new Date() }).where(eq(evidence.id, e.id));
    if (v.blobId !== null) {
      const [still] = await tx.select({ id: evidenceVersions.id }).from(evidenceVersions).where(eq(evidenceVersions.blobId, v.blobId)).limit(1);
      if (!still) {
        await tx.delete(evidenceChunks).where(eq(evidenceChunks.blobId, v.blobId));
        await tx.update(evidenceBlobs).set({ purgedAt: new Date(), chunkCount: 0 }).where(eq(evidenceBlobs.id, v.blobId));
      }
    }
    await recordAudit(tx, user, {
      action: "dispose",
      entity: "evidence_version",
      entityId: v.id,
      before: { evidenceId: e.id, recordKind: e.recordKind, recordId: e.recordId, fileName: v.fileName, sha256: v.sha256, byteSize: v.byteSize },
      after: { reason: input.reason },
    });
    const [dto] = await loadEvidence(tx, eq(evidence.id, e.id));
    return dto;
  });
}

// ---------------------------------------------------------------------------------------------
// Expiry: the calendar, the dashboard and the reminders (issue 16) read the same rows.

export type EvidenceExpiry = {
  versionId: number;
  evidenceId: number;
  title: string;
  fileName: string;
  recordKind: EvidenceRecordKind;
  recordId: number;
  expiresOn: string;
  /** The record's page, where the evidence is listed. */
  href: string;
};

/**
 * The expiry dates of the current version of every live evidence (the latest version, not disposed)
 * within [from, to], of the record kinds given. An older version's expiry is no longer a deadline:
 * its successor replaced it. This is the hook for expiry reminders (docs/domain.md).
 */
export async function listEvidenceExpiries(range: { from: string; to: string }, kinds: readonly EvidenceRecordKind[] = EVIDENCE_RECORD_KINDS): Promise<EvidenceExpiry[]> {
  if (kinds.length === 0) return [];
  const db = await getDb();
  const latest = db
    .selectDistinctOn([evidenceVersions.evidenceId], {
      id: evidenceVersions.id,
      evidenceId: evidenceVersions.evidenceId,
      fileName: evidenceVersions.fileName,
      expiresOn: evidenceVersions.expiresOn,
      disposedAt: evidenceVersions.disposedAt,
    })
    .from(evidenceVersions)
    .orderBy(evidenceVersions.evidenceId, desc(evidenceVersions.number))
    .as("latest");
  const rows = await db
    .select({
      versionId: latest.id,
      evidenceId: evidence.id,
      title: evidence.title,
      fileName: latest.fileName,
      recordKind: evidence.recordKind,
      recordId: evidence.recordId,
      expiresOn: latest.expiresOn,
    })
    .from(latest)
    .innerJoin(evidence, eq(evidence.id, latest.evidenceId))
    .where(
      and(
        isNull(evidence.retiredAt),
        isNull(latest.disposedAt),
        isNotNull(latest.expiresOn),
        sql`${latest.expiresOn} between ${range.from} and ${range.to}`,
        inArray(evidence.recordKind, [...kinds]),
      ),
    )
    .orderBy(asc(latest.expiresOn), asc(evidence.id));
  // One statement per record kind for the pages the events link to, not one per evidence.
  const pages = new Map<EvidenceRecordKind, Map<number, string>>();
  for (const kind of new Set(rows.map((r) => r.recordKind as EvidenceRecordKind))) {
    pages.set(kind, await recordPages(db, kind, rows.filter((r) => r.recordKind === kind).map((r) => r.recordId)));
  }
  return rows.map((r) => {
    const kind = r.recordKind as EvidenceRecordKind;
    return { ...r, recordKind: kind, expiresOn: r.expiresOn!, href: pages.get(kind)?.get(r.recordId) ?? "/" };
  });
}
