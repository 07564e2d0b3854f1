import { execFile } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import postgres from "postgres";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import { openDatabase } from "@/db";
import { DB_TIMEOUTS } from "@/db/pool";
import { auditLog, departments } from "@/db/schema";
import { isDatabaseUnavailable } from "@/lib/database/errors";
import { call, signInAs } from "../support/api";

/**
 * Point 7 of issue 12 (docs/security.md, "Database outages"): Postgres restarted under a writer loop.
 * Needs a Postgres it may stop, so it makes its own: a private Debian cluster `pms_outage` on port
 * PMS_OUTAGE_PG_PORT (5499), trust authentication, dropped at the end. Runs only with DATABASE_URL
 * (the Postgres run of the suite), as root, where postgresql-common's pg_createcluster exists.
 */
const run = promisify(execFile);
const CLUSTER = "pms_outage";
const PORT = Number(process.env.PMS_OUTAGE_PG_PORT ?? 5499);
const DB_NAME = "pms_outage_x";
const URL_ = `postgres://postgres@127.0.0.1:${PORT}/${DB_NAME}`;

function skipReason(): string | null {
  if (!process.env.DATABASE_URL) return "runs on Postgres only (DATABASE_URL is not set)";
  if (process.getuid?.() !== 0) return "needs root to create a private Postgres cluster";
  if (!existsSync("/usr/bin/pg_createcluster")) return "pg_createcluster is missing (Debian's postgresql-common)";
  if (!serverVersion()) return "no PostgreSQL server under /usr/lib/postgresql";
  return null;
}

/** The newest installed server major. */
function serverVersion(): string | undefined {
  if (!existsSync("/usr/lib/postgresql")) return undefined;
  return readdirSync("/usr/lib/postgresql")
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a))[0];
}

const reason = skipReason();
if (reason) console.log(`db-outage.test.ts skipped: ${reason}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
/** A request that fails because the database is down must fail within this (ms): a hang detector. */
const HANG_BOUND_MS = (DB_TIMEOUTS.connect + DB_TIMEOUTS.reconnectBackoffMax) * 1000 + 3000;

describe.skipIf(reason !== null)("database outage (a private Postgres cluster, restarted)", () => {
  const version = serverVersion()!;
  const ctl = (action: "start" | "stop") => run("pg_ctlcluster", [version, CLUSTER, action]);
  const g = globalThis as unknown as { __pmsDb?: Promise<unknown> };
  let shared: Promise<unknown> | undefined;
  let handle: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    const { stdout } = await run("pg_lsclusters", ["-h"]);
    const line = stdout.split("\n").find((l) => l.split(/\s+/)[0] === version && l.split(/\s+/)[1] === CLUSTER);
    if (!line) await run("pg_createcluster", [version, CLUSTER, "--port", String(PORT), "--", "--auth-local=trust", "--auth-host=trust"]);
    writeFileSync(
      `/etc/postgresql/${version}/${CLUSTER}/pg_hba.conf`,
      "# test cluster of tests/integration/db-outage.test.ts: local connections only, trusted\n" +
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n",
    );
    if (!line || !line.includes("online")) await ctl("start");
    else await run("pg_ctlcluster", [version, CLUSTER, "reload"]);
    const admin = postgres(`postgres://postgres@127.0.0.1:${PORT}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.unsafe(`create database ${DB_NAME}`);
    await admin.end();
    handle = await openDatabase({ migrate: true, url: URL_ });
    shared = g.__pmsDb;
    g.__pmsDb = Promise.resolve(handle);
  });

  afterAll(async () => {
    if (shared) g.__pmsDb = shared;
    await handle?.close();
    await run("pg_dropcluster", ["--stop", version, CLUSTER]).catch((err) => console.error("pg_dropcluster failed", err));
  });

  it("answers 503 with Retry-After (never 500, never a hang) while Postgres restarts, loses no acknowledged write and serves again by itself", async () => {
    await signInAs("privacy_manager");
    type Result = { code: string; status: number; started: number; ms: number; retryAfter: string | null; type?: string };
    const results: Result[] = [];
    let stop = false;
    let seq = 0;
    const write = async (code: string) => {
      const started = now();
      const res = await call(departmentsRoute, "POST", "/api/v1/departments", {
        json: { code, name: `書き込み ${code}` },
        headers: { origin: "http://localhost" },
      });
      const r: Result = { code, status: res.status, started, ms: now() - started, retryAfter: res.headers.get("retry-after"), type: res.body?.type };
      results.push(r);
      return r;
    };
    const writers = [0, 1, 2, 3].map(async (w) => {
      while (!stop) {
        await write(`W${w}-${++seq}`);
        await sleep(20);
      }
    });

    await sleep(1500);
    const stopping = now();
    await ctl("stop");
    await sleep(3000);
    await ctl("start");
    const up = now();
    const deadline = up + 10_000;
    while (!results.some((r) => r.started > up && r.status === 201) && now() < deadline) await sleep(100);
    await sleep(500);
    stop = true;
    await Promise.all(writers);

    // Every pooled connection used again: none may hand a later query the outage's error.
    const after: Result[] = [];
    for (let round = 0; round < 3; round++) after.push(...(await Promise.all(Array.from({ length: 12 }, (_, i) => write(`A${round}-${i}`)))));

    const statuses = [...new Set(results.map((r) => r.status))].sort();
    const outage = results.filter((r) => r.status === 503);
    const ok = results.filter((r) => r.status === 201);
    console.log(
      `db-outage: ${results.length} writes (${ok.length} × 201, ${outage.length} × 503); slowest ${Math.round(Math.max(...results.map((r) => r.ms)))} ms ` +
        `(bound ${HANG_BOUND_MS} ms); first 201 ${Math.round(Math.min(...ok.filter((r) => r.started > up).map((r) => r.started + r.ms)) - up)} ms after the start; ` +
        `stop took ${Math.round(up - stopping - 3000)} ms with the start`,
    );

    expect(statuses.every((s) => s === 201 || s === 503), `statuses seen: ${statuses.join(", ")}`).toBe(true);
    expect(outage.length).toBeGreaterThan(0);
    for (const r of outage) {
      expect(r.retryAfter).toBe("5");
      expect(r.type).toBe("/problems/unavailable");
    }
    for (const r of results) expect(r.ms, `${r.code} took ${Math.round(r.ms)} ms`).toBeLessThan(HANG_BOUND_MS);
    expect(ok.some((r) => r.started > up)).toBe(true);
    expect(after.map((r) => r.status)).toEqual(after.map(() => 201));

    // Every acknowledged write is there, with its audit entry.
    const acknowledged = [...ok, ...after].map((r) => r.code);
    const db = handle.db;
    const stored = new Set((await db.select({ code: departments.code }).from(departments)).map((d) => d.code));
    expect(acknowledged.filter((c) => !stored.has(c))).toEqual([]);
    const unaudited = await db
      .select({ code: departments.code })
      .from(departments)
      .where(
        and(
          inArray(departments.code, acknowledged),
          notExists(
            db
              .select({ one: sql`1` })
              .from(auditLog)
              .where(and(eq(auditLog.entity, "department"), eq(auditLog.action, "create"), eq(auditLog.entityId, sql`${departments.id}::text`))),
          ),
        ),
      );
    expect(unaudited).toEqual([]);
  });

  it("a database down at the start and the first request does not poison later ones; health answers 503, then 200", async () => {
    const saved = { url: process.env.DATABASE_URL, migration: process.env.DATABASE_MIGRATION_URL, handle: g.__pmsDb };
    g.__pmsDb = undefined;
    process.env.DATABASE_URL = URL_;
    process.env.DATABASE_MIGRATION_URL = URL_;
    vi.resetModules();
    const fresh = await import("@/db");
    const health = await import("@/app/api/v1/health/route");
    const { prepareDatabase } = await import("@/db/startup");
    try {
      await ctl("stop");
      // The server's start (instrumentation.ts) goes on: Next.js would keep a failed start for every request.
      await expect(prepareDatabase()).resolves.toBeUndefined();
      const t = now();
      const down = await call(health, "GET", "/api/v1/health");
      expect(now() - t).toBeLessThan(HANG_BOUND_MS);
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      expect(down.body).toEqual({ status: "unavailable" });
      const first = await fresh.getDb().then(
        () => null,
        (err: unknown) => err,
      );
      expect(isDatabaseUnavailable(first)).toBe(true);

      await ctl("start");
      let res = await call(health, "GET", "/api/v1/health");
      for (const until = now() + 10_000; res.status !== 200 && now() < until; res = await call(health, "GET", "/api/v1/health")) await sleep(200);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "ok", database: "postgres" });
      const db = await fresh.getDb();
      expect(await db.select({ n: sql<number>`count(*)::int` }).from(departments)).toEqual([{ n: expect.any(Number) }]);
    } finally {
      await fresh.closeDb();
      g.__pmsDb = saved.handle;
      process.env.DATABASE_URL = saved.url;
      if (saved.migration === undefined) delete process.env.DATABASE_MIGRATION_URL;
      else process.env.DATABASE_MIGRATION_URL = saved.migration;
    }
  });
});
