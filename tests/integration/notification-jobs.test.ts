import { afterAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications, regulations } from "@/db/schema";
import { QUEUES, startJobs, stopJobs } from "@/db/jobs";
import { todayInTokyo } from "@/lib/dates";
import * as prefsRoute from "@/app/api/v1/notifications/preferences/route";
import { DEFAULT_MODES } from "@/lib/notifications/rules";
import { call, signInAs } from "../support/api";

const rowsOf = async <T,>(q: Promise<unknown>): Promise<T[]> => {
  const res = await q;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
};

/**
 * The job queue (db/jobs.ts): pg-boss installs itself in the test's own database (PGlite through its
 * adapter, or the Postgres copy), schedules the scans and the outbox, and its worker runs the scan it
 * queues at start — a deadline due today becomes a notification without anyone calling the scan.
 */

afterAll(async () => {
  await stopJobs();
});

describe("the job queue", () => {
  it("runs the start-up scan through pg-boss, and keeps the daily schedule in Tokyo time", async () => {
    const pm = (await signInAs("privacy_manager"))!;
    const db = await getDb();
    const [r] = await db
      .insert(regulations)
      .values({ code: "PMS-09", title: "委託先管理規程", currentVersion: 1, effectiveDate: "2026-01-01", status: "in_force", nextReviewDue: todayInTokyo() })
      .returning();
    const { boss } = await startJobs();
    // The scan's worker polls every 10 s and its first poll may come before the start-up scan is
    // queued: wake it, so that it fetches the queued job now instead of after a poll interval. The job
    // is still fetched from pg-boss's table and run by the app's worker.
    for (const w of boss.getWipData()) if (w.name === QUEUES.scan) boss.notifyWorker(w.id);
    const deadline = Date.now() + 45_000;
    let rows: { rule: string }[] = [];
    while (Date.now() < deadline) {
      rows = await db.select({ rule: notifications.rule }).from(notifications).where(eq(notifications.recordKey, `regulation-${r.id}-review`));
      if (rows.length) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    expect(rows).toEqual([{ rule: "regulation.review:due" }]);
    const owner = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.recordKey, `regulation-${r.id}-review`));
    expect(owner).toEqual([{ userId: pm.id }]);

    const schedules = await boss.getSchedules();
    expect(schedules.filter((s) => s.name === QUEUES.scan).map((s) => [s.key, s.cron, s.timezone])).toEqual(
      expect.arrayContaining([
        ["daily", "0 7 * * *", "Asia/Tokyo"],
        ["frequent", "*/10 * * * *", "Asia/Tokyo"],
      ]),
    );
    // A write through the API asks for a scan 30 s later; pg-boss debounces: three writes in a row make
    // one job for the current 30 s slot and at most one for the next, not three.
    await signInAs("hr");
    for (let i = 0; i < 3; i++) {
      const res = await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: DEFAULT_MODES, locale: "ja", version: i } });
      expect(res.status).toBe(200);
    }
    let debounced: { n: number }[] = [];
    for (let i = 0; i < 20 && !debounced[0]?.n; i++) {
      await new Promise((res) => setTimeout(res, 250));
      debounced = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.scan} and singleton_key = 'after-write' and state = 'created'`));
    }
    expect(debounced[0].n).toBeGreaterThanOrEqual(1);
    expect(debounced[0].n).toBeLessThanOrEqual(2);

    // The job itself is recorded by pg-boss as completed.
    const [{ n }] = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.scan} and state = 'completed'`));
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
