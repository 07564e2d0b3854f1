/**
 * npm run bench:evidence — how much server memory an evidence upload and download at the size limit
 * take (README, "Evidence files"). Runs the same db/queries functions the route handlers call, in
 * this process, against a real PostgreSQL (DATABASE_URL, default the local `evidence_bench` database,
 * recreated from scratch) or, with `--pglite`, the embedded database in memory. The body is a stream
 * of 64 KiB pieces made on demand, as a socket delivers them, so the only copies of the file are
 * the ones the server makes. Memory (RSS, and the JavaScript heap plus array buffers) is sampled
 * every 5 ms; the answer is the peak above the level before the upload, next to the chunk size —
 * once as the process runs (garbage V8 has not collected yet included: its collector, not the file,
 * sets that level), once with a full collection before each sample (what the process holds).
 *
 * db/queries files `import "server-only"`, which resolves only under the react-server condition:
 *   npm run bench:evidence -- [--mb 20] [--pglite]
 */
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const args = process.argv.slice(2);
const mb = Number(args[args.indexOf("--mb") + 1]) || 20;
const pglite = args.includes("--pglite");
const SIZE = mb * 1024 * 1024;
const PIECE = 64 * 1024;

async function prepareDatabase(): Promise<void> {
  // The server's ceiling must let the file through: the file is the limit.
  process.env.PMS_MAX_UPLOAD_BYTES = String(Math.max(SIZE, Number(process.env.PMS_MAX_UPLOAD_BYTES) || 0));
  if (pglite) {
    delete process.env.DATABASE_URL;
    process.env.PMS_DATA_DIR ||= mkdtempSync(path.join(os.tmpdir(), "pms-evidence-bench-"));
    return;
  }
  const url = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/evidence_bench");
  const name = url.pathname.slice(1);
  const admin = postgres({ host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username) || "postgres", database: "postgres", onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  process.env.DATABASE_URL = url.toString();
}

/** A file of `size` bytes — a PDF's first line, then bytes that do not repeat — in pieces made as they are read. */
function fileStream(size: number, salt = 0) {
  const hash = createHash("sha256");
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= size) return controller.close();
        const n = Math.min(PIECE, size - sent);
        const piece = new Uint8Array(n);
        for (let i = 0; i < n; i++) piece[i] = ((sent + i + salt) * 2654435761) >>> 24;
        if (sent === 0) piece.set(new TextEncoder().encode("%PDF-1.7\n"));
        hash.update(piece);
        sent += n;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, digest: () => hash.digest("hex") };
}

type Sample = { rss: number; js: number };
/**
 * Peak memory while `fn` runs. `live`: a full garbage collection before each sample (every 20 ms), so
 * the figure is what the process still holds, not garbage V8 has not collected yet.
 */
function sampler(live: boolean) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const read = (): Sample => {
    if (live) gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, js: m.heapUsed + m.arrayBuffers };
  };
  let peak = read();
  const timer = setInterval(() => {
    const s = read();
    peak = { rss: Math.max(peak.rss, s.rss), js: Math.max(peak.js, s.js) };
  }, live ? 20 : 5);
  return {
    stop: () => {
      clearInterval(timer);
      const s = read();
      return { rss: Math.max(peak.rss, s.rss), js: Math.max(peak.js, s.js) };
    },
  };
}

const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function settle(): Promise<Sample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, js: m.heapUsed + m.arrayBuffers };
}

async function main() {
  await prepareDatabase();
  const { getDb } = await import("@/db");
  const { seedDemo } = await import("@/db/seed/demo");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { uploadEvidence, openEvidenceContent } = await import("@/db/queries/evidence");
  const { updateEvidenceSettings } = await import("@/db/queries/settings");
  const { EVIDENCE_CHUNK_BYTES } = await import("@/lib/evidence/content");
  const { todayInTokyo } = await import("@/lib/dates");

  const db = await getDb();
  await seedDemo(db);
  const [u] = await db.select().from(users).where(eq(users.email, "manager@example.com"));
  const manager = { id: u.id, email: u.email, name: u.name, role: "privacy_manager" as const };
  await updateEvidenceSettings(manager, { maxBytes: SIZE, allowedTypes: ["application/pdf"], version: 0 });

  // Warm up: the first upload loads code and fills the connection pool.
  const warm = fileStream(1024 * 1024);
  await uploadEvidence(manager, "incident", 1, { fileName: "warm.pdf", title: "warm", effectiveOn: todayInTokyo(), expiresOn: null }, new Request("http://x"), warm.stream);

  const measure = async (live: boolean) => {
    const before = await settle();
    const up = sampler(live);
    const file = fileStream(SIZE, live ? 1 : 2);
    const t0 = performance.now();
    const result = await uploadEvidence(manager, "incident", 1, { fileName: "at-the-limit.pdf", title: "At the limit", effectiveOn: todayInTokyo(), expiresOn: null }, new Request("http://x"), file.stream);
    const upMs = performance.now() - t0;
    const upPeak = up.stop();
    const stored = result.evidence.versions[0];
    if (stored.sha256 !== file.digest() || stored.byteSize !== SIZE) throw new Error("the stored file differs from the one sent");

    const mid = await settle();
    const down = sampler(live);
    const t1 = performance.now();
    const res = await openEvidenceContent(manager, result.versionId, "attachment");
    const reader = res.body!.getReader();
    const check = createHash("sha256");
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      got += value.byteLength;
      check.update(value);
    }
    const downMs = performance.now() - t1;
    const downPeak = down.stop();
    if (got !== SIZE || check.digest("hex") !== stored.sha256) throw new Error("the downloaded file differs from the stored one");
    return {
      upload: { seconds: Math.round(upMs / 100) / 10, peakRssAboveMiB: MiB(upPeak.rss - before.rss), peakJsAboveMiB: MiB(upPeak.js - before.js) },
      download: { seconds: Math.round(downMs / 100) / 10, peakRssAboveMiB: MiB(downPeak.rss - mid.rss), peakJsAboveMiB: MiB(downPeak.js - mid.js) },
    };
  };
  const asItRuns = await measure(false);
  const held = await measure(true);

  const out = {
    database: pglite ? "PGlite (in memory)" : "PostgreSQL",
    fileMiB: mb,
    chunkKiB: EVIDENCE_CHUNK_BYTES / 1024,
    asItRuns,
    held,
  };
  console.log(JSON.stringify(out, null, 2));
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
