import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/incidents/route";
import { getDb, openDatabase, type DbOrTx } from "@/db";
import { auditLog, departments, incidentCounters, incidents, requestCounters } from "@/db/schema";
import { createIncident } from "@/db/queries/incidents";
import { purgeEndedWindows, purgeEndedWindowsSometimes, takeRequest } from "@/db/queries/rate-limits";
import { addDays, todayInTokyo } from "@/lib/dates";
import { env } from "@/lib/env";
import { incidentReportLimit } from "@/lib/security/request-limits";
import type { CreateIncidentInput } from "@/lib/incidents/schema";
import { call, signInAs } from "../support/api";

/**
 * Incident reports are limited per user (issue 12 point 10; docs/security.md "Request limits"),
 * counted in request_counters so the limit holds across app instances.
 */
const LIMIT = env().PMS_INCIDENT_REPORTS_PER_HOUR;
const today = todayInTokyo();
let dept = 0;
let instances: { a: DbOrTx; b: DbOrTx; close: () => Promise<void> };

const report = (over: Record<string, unknown> = {}) => ({
  title: "顧客宛メールの誤送信",
  category: "misdirected",
  discoveredAt: `${addDays(today, -1)}T10:00`,
  departmentId: dept,
  description: "見積書を別の顧客へ誤送信した。",
  personsAffected: 1,
  ...over,
});

const post = (over: Record<string, unknown> = {}, lang = "en") =>
  call(listRoute, "POST", "/api/v1/incidents", { json: report(over), headers: { "accept-language": lang } });

async function snapshot() {
  const db = await getDb();
  const [[i], [a], [c]] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(incidents),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog),
    db.select({ n: sql<number>`coalesce(sum(${incidentCounters.lastSeq}), 0)::int` }).from(incidentCounters),
  ]);
  return { incidents: i.n, audit: a.n, numbers: c.n };
}

beforeAll(async () => {
  const db = await getDb();
  [{ id: dept }] = await db.insert(departments).values({ code: "RL1", name: "情報システム部" }).returning();
  const url = process.env.DATABASE_URL;
  if (url) {
    const [h1, h2] = await Promise.all([openDatabase({ migrate: false, url }), openDatabase({ migrate: false, url })]);
    instances = { a: h1.db, b: h2.db, close: async () => void (await Promise.all([h1.close(), h2.close()])) };
  } else {
    instances = { a: db, b: db, close: async () => {} };
  }
});

afterAll(async () => {
  await instances?.close();
});

describe("incident reports per user and hour", () => {
  it(`report ${LIMIT + 1} in an hour is refused with 429 and Retry-After, and nothing is written`, async () => {
    const user = await signInAs("hr");
    for (let i = 0; i < LIMIT; i++) expect((await post({ title: `報告 ${i + 1}` })).status).toBe(201);
    const before = await snapshot();
    const refused = await post({ title: "もう一件" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body).toMatchObject({ status: 429, type: "/problems/too-many-requests" });
    expect(refused.body.detail).toMatch(new RegExp(`at most ${LIMIT} incident reports per hour. You can report again from \\d\\d:\\d\\d`));
    const ja = await post({ title: "もう一件" }, "ja");
    expect(ja.status).toBe(429);
    expect(ja.body.detail).toMatch(new RegExp(`1時間に${LIMIT}件まで.*\\d\\d:\\d\\d以降`));
    expect(await snapshot()).toEqual(before);
    const db = await getDb();
    const [counter] = await db.select().from(requestCounters).where(eq(requestCounters.key, String(user!.id)));
    expect(counter.count).toBe(LIMIT);
  });

  it("other users are not affected", async () => {
    for (const role of ["auditor", "privacy_manager"] as const) {
      await signInAs(role);
      expect((await post()).status).toBe(201);
    }
    await signInAs("hr");
    expect((await post()).status).toBe(429);
  });

  it("parallel reports by one user: exactly the limit is created", async () => {
    await signInAs("executive");
    const before = await snapshot();
    const results = await Promise.all(Array.from({ length: LIMIT + 10 }, (_, i) => post({ title: `同時 ${i}` })));
    expect(results.filter((r) => r.status === 201).length).toBe(LIMIT);
    expect(results.filter((r) => r.status === 429).length).toBe(10);
    expect((await snapshot()).incidents).toBe(before.incidents + LIMIT);
  });

  it("a report refused for another reason does not use up the user's count", async () => {
    const user = await signInAs("privacy_manager");
    const db = await getDb();
    const count = async () => (await db.select().from(requestCounters).where(eq(requestCounters.key, String(user!.id))))[0].count;
    const before = await count();
    expect((await post({ departmentId: 999999 })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("the window ends an hour after the first report: then the user may report again", async () => {
    const user = (await signInAs("hr"))!;
    const db = await getDb();
    const [row] = await db.select().from(requestCounters).where(eq(requestCounters.key, String(user.id)));
    const input = report() as unknown as CreateIncidentInput;
    const almost = new Date(row.windowStartedAt.getTime() + 3599_000);
    await expect(createIncident(user, input, today, almost)).rejects.toMatchObject({ status: 429, retryAfterSeconds: 1 });
    const hourLater = new Date(row.windowStartedAt.getTime() + 3600_000);
    expect(await createIncident(user, input, today, hourLater)).toMatchObject({ status: "reported" });
    const [renewed] = await db.select().from(requestCounters).where(eq(requestCounters.key, String(user.id)));
    expect(renewed).toMatchObject({ count: 1, windowStartedAt: hourLater });
  });
});

describe("the generic counter (db/queries/rate-limits.ts)", () => {
  it("holds across two instances: of 100 parallel requests over two pools exactly the limit pass", async () => {
    const l = { scope: "test-burst", key: "u1", limit: 25, windowSeconds: 60 };
    const now = new Date();
    const takes = await Promise.all(Array.from({ length: 100 }, (_, i) => takeRequest(l, { now, db: i % 2 ? instances.a : instances.b })));
    expect(takes.filter((t) => t.allowed).length).toBe(25);
    expect(takes.filter((t) => !t.allowed).every((t) => t.retryAfterSeconds === 60)).toBe(true);
    const db = await getDb();
    const [row] = await db.select().from(requestCounters).where(eq(requestCounters.scope, "test-burst"));
    expect(row.count).toBe(25);
  });

  it("ended windows are purged in bounded batches, per scope, and running ones kept", async () => {
    const t0 = new Date("2030-06-01T00:00:00Z");
    const db = await getDb();
    for (let i = 0; i < 7; i++) await takeRequest({ scope: "test-purge", key: `old${i}`, limit: 5, windowSeconds: 600 }, { now: t0 });
    await takeRequest({ scope: "test-purge", key: "fresh", limit: 5, windowSeconds: 600 }, { now: new Date(t0.getTime() + 300_000) });
    await takeRequest({ scope: "test-other", key: "old", limit: 5, windowSeconds: 600 }, { now: t0 });
    const later = new Date(t0.getTime() + 600_000);
    expect(await purgeEndedWindows("test-purge", 600, later, 4)).toBe(4);
    expect(await purgeEndedWindows("test-purge", 600, later, 4)).toBe(3);
    expect(await purgeEndedWindows("test-purge", 600, later, 4)).toBe(0);
    const left = await db.select({ scope: requestCounters.scope, key: requestCounters.key }).from(requestCounters).where(sql`${requestCounters.scope} in ('test-purge', 'test-other')`);
    expect(left.map((r) => `${r.scope}/${r.key}`).sort()).toEqual(["test-other/old", "test-purge/fresh"]);
  });

  it("incident reports purge their scope's ended windows as they go", async () => {
    const db = await getDb();
    const longAgo = new Date(Date.now() - 3 * 3600_000);
    for (let i = 0; i < 5; i++) await takeRequest(incidentReportLimit(900_000 + i, LIMIT), { now: longAgo });
    expect(await purgeEndedWindowsSometimes(incidentReportLimit(1, LIMIT), { chance: 1 })).toBeGreaterThanOrEqual(5);
    const left = await db.select().from(requestCounters).where(sql`${requestCounters.scope} = 'incident-report' and ${requestCounters.key} like '9000%'`);
    expect(left).toEqual([]);
    expect(await purgeEndedWindowsSometimes(incidentReportLimit(1, LIMIT), { chance: 0 })).toBe(0);
  });
});
