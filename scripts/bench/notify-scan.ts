/**
 * The daily deadline scan (docs/domain.md, "Notifications") at the benchmark's size, on a COPY of the
 * 10× database (it writes notifications and the outbox). `npm run bench` runs it as its "notify" step
 * (run.ts: a fresh copy pms_bench_notify, this file as a child process, one JSON line back); by hand:
 *   createdb -T pms_bench_10x notify_bench_10x
 *   DATABASE_URL=postgres://…/notify_bench_10x npm run bench:notify
 * empties the notifications and the outbox, then runs the morning scan twice — the first makes every
 * notification the data calls for, the second finds them all made (what every later scan of the day
 * does) — and prints both times and the counts. The scan must stay well under a minute (README,
 * "Notifications"). E-mail is left off (SMTP_URL unset): the outbox rows are not the cost measured here.
 */
import "./server-only"; // first: before anything imports db/queries
import { NOTIFY_MARKER, NOTIFY_SCAN_LIMIT_MS, type NotifyScanResult, type ScanTiming } from "./notify";
import { nowMs, round } from "./stats";

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL (a copy of the 10× benchmark database) is required");
  delete process.env.SMTP_URL;
  const { getDb, closeDb } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  const { scanDeadlines } = await import("@/db/queries/notifications");
  const db = await getDb(); // applies pending migrations
  const counts = async () => {
    const rows = await db.execute<NotifyScanResult["data"]>(
      sql`select (select count(*) from users)::int as users, (select count(*) from employees)::int as employees,
                 (select count(*) from training_records)::int as records, (select count(*) from notifications)::int as notifications`,
    );
    return (Array.isArray(rows) ? rows : (rows as unknown as { rows: typeof rows }).rows)[0];
  };
  // From no notifications: an app that ran on this data may have scanned it already.
  await db.execute(sql`delete from notification_deliveries`);
  await db.execute(sql`delete from notifications`);
  const data = await counts();
  const runs: ScanTiming[] = [];
  for (let i = 0; i < 2; i++) {
    const t0 = nowMs();
    const result = await scanDeadlines({ daily: true });
    runs.push({ ms: round(nowMs() - t0, 0), result });
  }
  const out: NotifyScanResult = { data, firstScan: runs[0], repeatScan: runs[1], after: await counts() };
  await closeDb();
  console.log(JSON.stringify(out, null, 2));
  process.stdout.write(`\n${NOTIFY_MARKER}${JSON.stringify(out)}\n`);
  const worst = Math.max(...runs.map((r) => r.ms));
  if (worst > NOTIFY_SCAN_LIMIT_MS) {
    console.error(`the scan took ${worst} ms: over a minute`);
    process.exitCode = 3;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
