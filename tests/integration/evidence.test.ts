import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import * as incidentEvidence from "@/app/api/v1/evidence/incidents/[recordId]/route";
import * as sessionEvidence from "@/app/api/v1/evidence/training-records/[recordId]/route";
import * as contentRoute from "@/app/api/v1/evidence/files/[versionId]/content/route";
import * as disposeRoute from "@/app/api/v1/evidence/files/[versionId]/dispose/route";
import * as evidenceSettingsRoute from "@/app/api/v1/settings/evidence/route";
import * as eventsRoute from "@/app/api/v1/calendar/events/route";
import * as summaryRoute from "@/app/api/v1/dashboard/summary/route";
import { getDb } from "@/db";
import { auditLog, evidenceBlobs, evidenceChunks, evidenceVersions, trainingRecords } from "@/db/schema";
import { onePagePdf } from "@/db/seed/evidence";
import { ROLES } from "@/lib/auth/roles";
import { addDays, todayInTokyo } from "@/lib/dates";
import { EVIDENCE_CHUNK_BYTES } from "@/lib/evidence/content";
import { EVIDENCE_KIND_RULES, EVIDENCE_RECORD_KINDS } from "@/lib/evidence/kinds";
import { call, signInAs } from "../support/api";
import { TODAY, resetToDemo, routeModule, rowsOf } from "../support/openapi-ops";

/**
 * Evidence files (docs/domain.md, "Evidence files"): uploads streamed into the database with their
 * type told from the content, the size limit while streaming, hashes and duplicates, versions with
 * effective and expiry dates (in the calendar and on the dashboard), the download headers (a Japanese
 * name survives), the record kinds' roles, disposal that leaves its record, and the audit trail.
 */

const pdf = (label: string) => onePagePdf([label]);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const PNG_HEADER = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

type Query = Record<string, string | number | undefined>;
const qs = (q: Query) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

async function upload(mod: Parameters<typeof call>[0], segment: string, recordId: number, body: BodyInit | ReadableStream<Uint8Array>, q: Query, headers: Record<string, string | null> = {}) {
  return call(mod, "POST", `/api/v1/evidence/${segment}/${recordId}?${qs(q)}`, {
    params: { recordId },
    body,
    headers: { "content-type": "application/octet-stream", ...headers },
  });
}

const blob = (b: Uint8Array) => new Blob([b as BlobPart], { type: "application/octet-stream" });

async function counts() {
  const db = await getDb();
  const r = await db.execute(
    sql`select (select count(*)::int from evidence) as e, (select count(*)::int from evidence_versions) as v,
               (select count(*)::int from evidence_blobs) as b, (select count(*)::int from evidence_chunks) as c`,
  );
  return rowsOf<{ e: number; v: number; b: number; c: number }>(r)[0];
}

async function auditsOf(action: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.action, action));
}

/** A body that yields `total` bytes (a PDF header, then filler) in 64 KiB reads, counting what was pulled. */
function lazyPdf(total: number) {
  const state = { pulled: 0 };
  const head = new TextEncoder().encode("%PDF-1.4\n");
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const n = Math.min(64 * 1024, total - state.pulled);
        const chunk = new Uint8Array(n).fill(0x20);
        if (state.pulled === 0) chunk.set(head);
        state.pulled += n;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

beforeAll(async () => {
  await resetToDemo();
});

describe("uploading evidence", () => {
  beforeEach(async () => {
    await resetToDemo();
    await signInAs("privacy_manager");
  });

  it("stores a PDF in chunks with its SHA-256, type from the content, and an audit entry", async () => {
    const file = pdf("Report to the PPC");
    const before = await counts();
    const res = await upload(incidentEvidence, "incidents", 1, blob(file), { fileName: "個人情報保護委員会への報告.pdf", title: "委員会への速報", effectiveOn: TODAY });
    expect(res.status, res.text).toBe(201);
    const v = res.body.evidence.versions[0];
    expect(v).toMatchObject({ number: 1, fileName: "個人情報保護委員会への報告.pdf", mediaType: "application/pdf", byteSize: file.byteLength, sha256: sha(file), effectiveOn: TODAY, expiresOn: null, previewable: true });
    expect(res.body.duplicates).toEqual([]);
    const after = await counts();
    expect(after).toEqual({ e: before.e + 1, v: before.v + 1, b: before.b + 1, c: before.c + 1 });
    const [audit] = (await auditsOf("upload")).filter((a) => a.entityId === String(res.body.evidence.id));
    expect(audit.after).toMatchObject({ recordKind: "incident", recordId: 1, sha256: sha(file), fileName: "個人情報保護委員会への報告.pdf" });

    await signInAs("executive");
    const list = await call(incidentEvidence, "GET", "/api/v1/evidence/incidents/1", { params: { recordId: 1 } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { title: string }) => e.title)).toEqual(["委員会への速報"]);
    expect(list.body).toMatchObject({ canWrite: false, canDispose: false });
  });

  it("cuts a large file into 256 KiB chunks and gives back the same bytes", async () => {
    const big = new Uint8Array(EVIDENCE_CHUNK_BYTES * 2 + 1234);
    big.set(PNG_HEADER);
    for (let i = PNG_HEADER.length; i < big.length; i++) big[i] = (i * 31) % 251;
    const res = await upload(incidentEvidence, "incidents", 1, blob(big), { fileName: "photo.png", title: "現場写真", effectiveOn: TODAY });
    expect(res.status, res.text).toBe(201);
    const v = res.body.evidence.versions[0];
    expect(v).toMatchObject({ mediaType: "image/png", byteSize: big.byteLength, sha256: sha(big) });
    const db = await getDb();
    const chunks = await db.select({ seq: evidenceChunks.seq, n: sql<number>`length(${evidenceChunks.data})::int` }).from(evidenceChunks).innerJoin(evidenceVersions, eq(evidenceVersions.blobId, evidenceChunks.blobId)).where(eq(evidenceVersions.id, v.id)).orderBy(evidenceChunks.seq);
    expect(chunks).toEqual([
      { seq: 0, n: EVIDENCE_CHUNK_BYTES },
      { seq: 1, n: EVIDENCE_CHUNK_BYTES },
      { seq: 2, n: 1234 },
    ]);
    const got = await call(contentRoute, "GET", `/api/v1/evidence/files/${v.id}/content`, { params: { versionId: v.id } });
    expect(got.status).toBe(200);
    const back = await contentRoute.GET(new Request(`http://localhost/api/v1/evidence/files/${v.id}/content`), { params: Promise.resolve({ versionId: String(v.id) }) });
    expect(sha(new Uint8Array(await back.arrayBuffer()))).toBe(sha(big));
  });

  it("refuses a renamed executable, a text file and an empty file by their content, storing nothing", async () => {
    const before = await counts();
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff]);
    exe.set([0x50, 0x45, 0, 0], 0x80);
    exe[0x3c] = 0x80;
    const asPdf = await upload(incidentEvidence, "incidents", 1, blob(exe), { fileName: "報告書.pdf", title: "偽装", effectiveOn: TODAY });
    expect(asPdf.status, asPdf.text).toBe(415);
    expect(asPdf.body.detail).toContain("not accepted");
    const text = await upload(incidentEvidence, "incidents", 1, blob(new TextEncoder().encode("just some words\n".repeat(500))), { fileName: "note.pdf", title: "テキスト", effectiveOn: TODAY });
    expect(text.status).toBe(415);
    const empty = await upload(incidentEvidence, "incidents", 1, blob(new Uint8Array(0)), { fileName: "empty.pdf", title: "空", effectiveOn: TODAY });
    expect(empty.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file the settings do not accept (a PNG when only PDFs are allowed)", async () => {
    const set = await call(evidenceSettingsRoute, "PUT", "/api/v1/settings/evidence", { json: { maxBytes: 1024 * 1024, allowedTypes: ["application/pdf"], version: 0 } });
    expect(set.status, set.text).toBe(200);
    const png = new Uint8Array(1000);
    png.set(PNG_HEADER);
    const before = await counts();
    const res = await upload(incidentEvidence, "incidents", 1, blob(png), { fileName: "photo.png", title: "写真", effectiveOn: TODAY }, { "accept-language": "ja" });
    expect(res.status).toBe(415);
    expect(res.body.detail).toContain("image/png");
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the size limit while it streams (413), reads little past the limit, stores nothing", async () => {
    const limit = 256 * 1024;
    expect((await call(evidenceSettingsRoute, "PUT", "/api/v1/settings/evidence", { json: { maxBytes: limit, allowedTypes: ["application/pdf"], version: 0 } })).status).toBe(200);
    const before = await counts();
    const body = lazyPdf(4 * 1024 * 1024);
    const res = await upload(incidentEvidence, "incidents", 1, body.stream, { fileName: "big.pdf", title: "大きすぎる", effectiveOn: TODAY });
    expect(res.status, res.text).toBe(413);
    expect(res.body.detail).toContain("256 KB");
    expect(body.state.pulled).toBeLessThanOrEqual(limit + 64 * 1024);
    expect(await counts()).toEqual(before);
    // With Content-Length over the limit: refused before a byte is read.
    const declared = lazyPdf(4 * 1024 * 1024);
    const early = await upload(incidentEvidence, "incidents", 1, declared.stream, { fileName: "big.pdf", title: "大きすぎる", effectiveOn: TODAY }, { "content-length": String(4 * 1024 * 1024) });
    expect(early.status).toBe(413);
    expect(declared.state.pulled).toBe(0);
    // Exactly at the limit: accepted.
    const at = await upload(incidentEvidence, "incidents", 1, lazyPdf(limit).stream, { fileName: "at-limit.pdf", title: "上限ちょうど", effectiveOn: TODAY });
    expect(at.status, at.text).toBe(201);
    expect(at.body.evidence.versions[0].byteSize).toBe(limit);
  });

  it("recognises the same file attached twice and stores it once", async () => {
    const file = pdf("Attendance sheet");
    const first = await upload(incidentEvidence, "incidents", 1, blob(file), { fileName: "出席簿.pdf", title: "出席簿", effectiveOn: TODAY });
    expect(first.status).toBe(201);
    const before = await counts();
    const db = await getDb();
    const [record] = await db.select({ id: trainingRecords.id }).from(trainingRecords).where(sql`${trainingRecords.retiredAt} is null`).limit(1);
    const second = await upload(sessionEvidence, "training-records", record.id, blob(file), { fileName: "attendance.pdf", title: "Attendance", effectiveOn: TODAY });
    expect(second.status).toBe(201);
    expect(second.body.duplicates).toEqual([{ evidenceId: first.body.evidence.id, title: "出席簿", recordKind: "incident", recordId: 1, versionNumber: 1 }]);
    const after = await counts();
    expect(after).toEqual({ e: before.e + 1, v: before.v + 1, b: before.b, c: before.c });
    const blobs = await db.select().from(evidenceBlobs).where(eq(evidenceBlobs.sha256, sha(file)));
    expect(blobs).toHaveLength(1);
  });

  it("keeps every version with its own effective date and expiry; a stale version or the same file again is 409", async () => {
    const v1 = pdf("Contract 2025");
    const first = await upload(incidentEvidence, "incidents", 1, blob(v1), { fileName: "契約書_2025.pdf", title: "委託契約書", effectiveOn: "2025-04-01", expiresOn: "2026-03-31" });
    expect(first.status).toBe(201);
    const id = first.body.evidence.id;
    const v2 = pdf("Contract 2026");
    const second = await upload(incidentEvidence, "incidents", 1, blob(v2), { fileName: "契約書_2026.pdf", effectiveOn: "2026-04-01", expiresOn: "2027-03-31", evidenceId: id, version: 1 });
    expect(second.status, second.text).toBe(201);
    expect(second.body.evidence.version).toBe(2);
    expect(second.body.evidence.versions.map((v: { number: number; effectiveOn: string; expiresOn: string }) => [v.number, v.effectiveOn, v.expiresOn])).toEqual([
      [2, "2026-04-01", "2027-03-31"],
      [1, "2025-04-01", "2026-03-31"],
    ]);
    const stale = await upload(incidentEvidence, "incidents", 1, blob(pdf("Contract 2026b")), { fileName: "x.pdf", effectiveOn: TODAY, evidenceId: id, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const same = await upload(incidentEvidence, "incidents", 1, blob(v2), { fileName: "again.pdf", effectiveOn: TODAY, evidenceId: id, version: 2 });
    expect(same.status).toBe(409);
    // Another record's evidence cannot be versioned through this record.
    const elsewhere = await upload(incidentEvidence, "incidents", 2, blob(pdf("x")), { fileName: "x.pdf", effectiveOn: TODAY, evidenceId: id, version: 2 });
    expect(elsewhere.status).toBe(404);
    // The first version still downloads.
    const old = await call(contentRoute, "GET", `/api/v1/evidence/files/${first.body.versionId}/content`, { params: { versionId: first.body.versionId } });
    expect(old.status).toBe(200);
    expect(old.text).toContain("Contract 2025");
    // Expiry before the effective date, a missing title, a path in the name: 400 per field.
    const bad = await upload(incidentEvidence, "incidents", 1, blob(pdf("y")), { fileName: "../etc/passwd", effectiveOn: "2026-04-01", expiresOn: "2026-03-01" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["expiresOn", "fileName", "title"]);
  });
});

describe("serving evidence", () => {
  let versionId: number;
  const file = pdf("Training material FY2026");
  const name = "研修資料 2026年度(改訂).pdf";

  beforeAll(async () => {
    await resetToDemo();
    await signInAs("hr");
    const db = await getDb();
    const [record] = await db.select({ id: trainingRecords.id }).from(trainingRecords).where(sql`${trainingRecords.retiredAt} is null`).limit(1);
    const res = await upload(sessionEvidence, "training-records", record.id, blob(file), { fileName: name, title: "研修資料", effectiveOn: TODAY });
    expect(res.status, res.text).toBe(201);
    versionId = res.body.versionId;
  });

  it("downloads with a Content-Disposition that keeps the Japanese name, nosniff and a sandboxing CSP; audited", async () => {
    await signInAs("auditor");
    const res = await contentRoute.GET(new Request(`http://localhost/api/v1/evidence/files/${versionId}/content`, { headers: { "accept-language": "en" } }), {
      params: Promise.resolve({ versionId: String(versionId) }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const cd = res.headers.get("content-disposition")!;
    expect(cd).toBe(`attachment; filename="____ 2026__(__).pdf"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe(name);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/sandbox/);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("content-length")).toBe(String(file.byteLength));
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(file));
    const downloads = (await auditsOf("download")).filter((a) => a.entityId === String(versionId));
    expect(downloads).toHaveLength(1);
    expect(downloads[0].actorEmail).toBe("test-auditor@example.com");
  });

  it("previews a PDF inline, written to the audit trail as a view", async () => {
    await signInAs("executive");
    const res = await call(contentRoute, "GET", `/api/v1/evidence/files/${versionId}/content?disposition=inline`, { params: { versionId } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^inline; /);
    const views = (await auditsOf("view")).filter((a) => a.entityId === String(versionId));
    expect(views).toHaveLength(1);
    expect(views[0].after).toMatchObject({ fileName: name, sha256: sha(file), recordKind: "training_record" });
  });

  it("answers 404 for a version that does not exist and 401 without a session", async () => {
    await signInAs("executive");
    expect((await call(contentRoute, "GET", "/api/v1/evidence/files/999999/content", { params: { versionId: 999999 } })).status).toBe(404);
    await signInAs(null);
    expect((await call(contentRoute, "GET", `/api/v1/evidence/files/${versionId}/content`, { params: { versionId } })).status).toBe(401);
  });
});

describe("the record kinds' roles", () => {
  beforeAll(async () => {
    await resetToDemo();
  });

  it.each(EVIDENCE_RECORD_KINDS.map((k) => [k] as const))("%s: its readers list, its writers attach, others get 403 and nothing is stored", async (kind) => {
    const rule = EVIDENCE_KIND_RULES[kind];
    const path = `/api/v1/evidence/${rule.segment}/{recordId}`;
    const mod = await routeModule(path);
    for (const role of ROLES) {
      await signInAs(role);
      const list = await call(mod, "GET", `/api/v1/evidence/${rule.segment}/1`, { params: { recordId: 1 } });
      expect(list.status, `${role} reads ${kind}`).toBe(rule.read.includes(role) ? 200 : 403);
      const before = await counts();
      const res = await upload(mod, rule.segment, 1, blob(pdf(`${kind} by ${role}`)), { fileName: `${kind}.pdf`, title: `${kind} evidence`, effectiveOn: TODAY });
      if (rule.write.includes(role)) {
        expect(res.status, `${role} writes ${kind}: ${res.text}`).toBe(201);
        expect(res.body.evidence.recordKind).toBe(kind);
      } else {
        expect(res.status, `${role} writes ${kind}`).toBe(403);
        expect(await counts()).toEqual(before);
      }
    }
    await signInAs("privacy_manager");
    const missing = await upload(mod, rule.segment, 999999, blob(pdf("none")), { fileName: "x.pdf", title: "x", effectiveOn: TODAY });
    expect(missing.status).toBe(404);
  });
});

describe("expiry and disposal", () => {
  beforeEach(async () => {
    await resetToDemo();
    await signInAs("privacy_manager");
  });

  it("puts the current version's expiry in the calendar and the dashboard; a new version without expiry takes it out", async () => {
    // The calendar and the dashboard judge against the real today; the demo data was seeded for TODAY.
    const today = todayInTokyo();
    const expires = addDays(today, 10);
    const res = await upload(incidentEvidence, "incidents", 1, blob(pdf("Certificate")), { fileName: "certificate.pdf", title: "Pマーク登録証", effectiveOn: TODAY, expiresOn: expires });
    expect(res.status).toBe(201);
    const id = res.body.evidence.id;
    const range = `from=${today}&to=${addDays(today, 60)}&type=evidence`;
    const events = async () => (await call(eventsRoute, "GET", `/api/v1/calendar/events?${range}`)).body.items as { uid: string; start: string; href: string; state: string; summary?: string }[];
    const mine = (await events()).find((e) => e.uid === `evidence-${id}-expiry`);
    expect(mine).toMatchObject({ start: expires, href: "/incidents/1", state: "due_soon" });
    // The demo contract of contractor 1 expires 20 days after TODAY: counted with it as expired or expiring.
    const demoExpiry = addDays(TODAY, 20);
    const demo = demoExpiry < today ? { expired: 1, expiringSoon: 1 } : { expired: 0, expiringSoon: 2 };
    const summary = await call(summaryRoute, "GET", "/api/v1/dashboard/summary");
    expect(summary.body.evidence).toMatchObject(demo);

    const renewed = await upload(incidentEvidence, "incidents", 1, blob(pdf("Certificate renewed")), { fileName: "certificate-2.pdf", effectiveOn: TODAY, evidenceId: id, version: 1 });
    expect(renewed.status).toBe(201);
    expect((await events()).find((e) => e.uid === `evidence-${id}-expiry`)).toBeUndefined();
    expect((await call(summaryRoute, "GET", "/api/v1/dashboard/summary")).body.evidence).toMatchObject({ expired: demo.expired, expiringSoon: demo.expiringSoon - 1 });
  });

  it("disposes of a version's content with a reason; the record of it stays and the download is refused", async () => {
    const file = pdf("Old notice");
    const res = await upload(incidentEvidence, "incidents", 1, blob(file), { fileName: "通知.pdf", title: "本人への通知", effectiveOn: "2023-04-01" });
    const { versionId, evidence } = res.body;
    const before = await counts();
    await signInAs("hr");
    expect((await call(disposeRoute, "POST", `/api/v1/evidence/files/${versionId}/dispose`, { params: { versionId }, json: { reason: "期限", version: 1 } })).status).toBe(403);
    await signInAs("privacy_manager");
    const noReason = await call(disposeRoute, "POST", `/api/v1/evidence/files/${versionId}/dispose`, { params: { versionId }, json: { reason: " ", version: evidence.version } });
    expect(noReason.status).toBe(400);
    const done = await call(disposeRoute, "POST", `/api/v1/evidence/files/${versionId}/dispose`, { params: { versionId }, json: { reason: "保存期間満了", version: evidence.version } });
    expect(done.status, done.text).toBe(200);
    expect(done.body.versions[0]).toMatchObject({ fileName: "通知.pdf", sha256: sha(file), disposalReason: "保存期間満了", disposedBy: { name: expect.any(String) }, previewable: false });
    const after = await counts();
    expect(after).toEqual({ ...before, c: before.c - 1 });
    const db = await getDb();
    const [blobRow] = await db.select().from(evidenceBlobs).where(eq(evidenceBlobs.sha256, sha(file)));
    expect(blobRow.purgedAt).not.toBeNull();
    const gone = await call(contentRoute, "GET", `/api/v1/evidence/files/${versionId}/content`, { params: { versionId } });
    expect(gone.status).toBe(409);
    const again = await call(disposeRoute, "POST", `/api/v1/evidence/files/${versionId}/dispose`, { params: { versionId }, json: { reason: "再度", version: evidence.version + 1 } });
    expect(again.status).toBe(409);
    const [audit] = (await auditsOf("dispose")).filter((a) => a.entityId === String(versionId));
    expect(audit.before).toMatchObject({ fileName: "通知.pdf", sha256: sha(file) });
    expect(audit.after).toEqual({ reason: "保存期間満了" });
    // The same file uploaded again after disposal is stored afresh.
    const back = await upload(incidentEvidence, "incidents", 1, blob(file), { fileName: "通知.pdf", title: "本人への通知（再）", effectiveOn: TODAY });
    expect(back.status).toBe(201);
    expect((await call(contentRoute, "GET", `/api/v1/evidence/files/${back.body.versionId}/content`, { params: { versionId: back.body.versionId } })).status).toBe(200);
  });

  it("keeps shared content while another live version still holds it", async () => {
    const file = pdf("Shared");
    const a = await upload(incidentEvidence, "incidents", 1, blob(file), { fileName: "a.pdf", title: "A", effectiveOn: TODAY });
    const b = await upload(incidentEvidence, "incidents", 2, blob(file), { fileName: "b.pdf", title: "B", effectiveOn: TODAY });
    const res = await call(disposeRoute, "POST", `/api/v1/evidence/files/${a.body.versionId}/dispose`, { params: { versionId: a.body.versionId }, json: { reason: "重複", version: 1 } });
    expect(res.status).toBe(200);
    const other = await call(contentRoute, "GET", `/api/v1/evidence/files/${b.body.versionId}/content`, { params: { versionId: b.body.versionId } });
    expect(other.status).toBe(200);
    expect(other.text).toContain("Shared");
    const db = await getDb();
    const [v] = await db.select().from(evidenceVersions).where(and(eq(evidenceVersions.id, a.body.versionId)));
    expect(v.blobId).toBeNull();
  });
});

describe("evidence settings", () => {
  beforeEach(async () => {
    await resetToDemo();
  });

  it("answer the defaults (20 MB, PDFs, images and Office files) until saved; only the privacy manager saves; a stale version is 409", async () => {
    await signInAs("hr");
    const first = await call(evidenceSettingsRoute, "GET", "/api/v1/settings/evidence");
    expect(first.body).toMatchObject({ version: 0, maxBytes: 20 * 1024 * 1024, effectiveMaxBytes: 20 * 1024 * 1024 });
    expect(first.body.allowedTypes).toContain("application/pdf");
    expect(first.body.allowedTypes).not.toContain("application/zip");
    const refused = await call(evidenceSettingsRoute, "PUT", "/api/v1/settings/evidence", { json: { maxBytes: 1048576, allowedTypes: ["application/pdf"], version: 0 } });
    expect(refused.status).toBe(403);
    await signInAs("privacy_manager");
    const saved = await call(evidenceSettingsRoute, "PUT", "/api/v1/settings/evidence", { json: { maxBytes: 1048576, allowedTypes: ["application/pdf", "application/pdf"], version: 0 } });
    expect(saved.body).toMatchObject({ version: 1, maxBytes: 1048576, allowedTypes: ["application/pdf"] });
    const stale = await call(evidenceSettingsRoute, "PUT", "/api/v1/settings/evidence", { json: { maxBytes: 2097152, allowedTypes: ["image/png"], version: 0 } });
    expect(stale.status).toBe(409);
    const bad = await call(evidenceSettingsRoute, "PUT", "/api/v1/settings/evidence", { json: { maxBytes: 10, allowedTypes: ["text/html"], version: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["allowedTypes.0", "maxBytes"]);
    // The list tells the panel the limit it will meet.
    const list = await call(incidentEvidence, "GET", "/api/v1/evidence/incidents/1", { params: { recordId: 1 } });
    expect(list.body.settings).toEqual({ maxBytes: 1048576, allowedTypes: ["application/pdf"] });
  });
});
