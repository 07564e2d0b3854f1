import { afterAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications, regulations } from "@/db/schema";
import { QUEUES, startJobs, stopJobs } from "@/db/jobs";
import { todayInTokyo } from "@/lib/dates";
import { signInAs } from "../support/api";

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
    // The job itself is recorded by pg-boss as completed.
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.scan} and state = 'completed'`).then((res) => (Array.isArray(res) ? res : (res as unknown as { rows: { n: number }[] }).rows));
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
