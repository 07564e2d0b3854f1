import { PgBoss, fromPglite } from "pg-boss";
import { env } from "@/lib/env";
import { onWrite } from "@/lib/api/write-events";
import { todayInTokyo } from "@/lib/dates";
import { roleOfUrl, quoteIdent } from "@/lib/security/db-roles";
import { getDb, getDbKind, migrationUrl } from "./index";

/**
 * The job queue (docs/architecture.md, "Jobs"): pg-boss, in the app's own database — a `pgboss`
 * schema beside the app's tables on Postgres, or in the embedded PGlite through pg-boss's PGlite
 * adapter (one connection, shared with the app). It runs
 * - `notify-scan`: the deadline scan (db/queries/notifications.ts scanDeadlines), every morning at
 *   07:00 Tokyo time (a morning missed while nothing ran is run once when the queue is back), 30 s
 *   after the last write through the API of an instance running the queue (lib/api/write-events.ts),
 *   every ten minutes between (for instances that do not), and once at start;
 * - `notify-outbox`: the outbox's sender (db/queries/notification-outbox.ts drainOutbox), every
 *   minute and right after each scan.
 * Each job does idempotent work (unique keys in the database), so several instances can run the
 * queue at once. The app starts it in the background (db/startup.ts: never delaying or failing the
 * start); `npm run worker` (scripts/worker.ts) runs it alone, for deployments that keep the web
 * instances without it (PMS_JOBS=off there).
 */

export const QUEUES = { scan: "notify-scan", outbox: "notify-outbox" } as const;
export const DAILY_SCAN_CRON = "0 7 * * *";
const FREQUENT_SCAN_CRON = "*/10 * * * *";
const OUTBOX_CRON = "* * * * *";

type Jobs = { boss: PgBoss; stop: () => Promise<void> };
const state = globalThis as unknown as { __pmsJobs?: Promise<Jobs> };

/** Whether this process should run the queue: not when PMS_JOBS=off (a separate `npm run worker` does). */
export function jobsEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.PMS_JOBS !== "off";
}

const QUEUE_OPTIONS = {
  [QUEUES.scan]: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
  [QUEUES.outbox]: { retryLimit: 0, expireInSeconds: 600 },
} as const;

/**
 * With two database roles (docs/security.md, "Database roles") the runtime role may not create
 * schemas or attach a queue's table: the owner role installs (or upgrades) pg-boss's schema and the
 * queues, then lets the runtime role use them. Returns whether it did (the runtime role then leaves
 * the queues as they are).
 */
async function installAsOwner(): Promise<boolean> {
  const e = env();
  const owner = migrationUrl();
  if (!owner || !e.DATABASE_URL || roleOfUrl(owner) === roleOfUrl(e.DATABASE_URL)) return false;
  const boss = new PgBoss({ connectionString: owner, max: 1, schema: "pgboss", supervise: false, schedule: false, application_name: "pms-jobs-install" });
  await boss.start();
  try {
    for (const [name, options] of Object.entries(QUEUE_OPTIONS)) await boss.createQueue(name, options);
  } finally {
    await boss.stop({ graceful: false });
  }
  const postgres = (await import("postgres")).default;
  const sql = postgres(owner, { max: 1, onnotice: () => {} });
  try {
    const r = quoteIdent(roleOfUrl(e.DATABASE_URL));
    for (const s of [
      `grant usage on schema pgboss to ${r}`,
      `grant select, insert, update, delete on all tables in schema pgboss to ${r}`,
      `grant usage, select, update on all sequences in schema pgboss to ${r}`,
      `grant execute on all functions in schema pgboss to ${r}`,
    ])
      await sql.unsafe(s);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return true;
}

async function createBoss(installedByOwner: boolean): Promise<PgBoss> {
  const db = await getDb();
  const kind = await getDbKind();
  if (kind === "pglite") {
    const client = (db as unknown as { $client: Parameters<typeof fromPglite>[0] }).$client;
    return new PgBoss({ backend: "pglite", db: fromPglite(client), schema: "pgboss", application_name: "pms-jobs" } as ConstructorParameters<typeof PgBoss>[0]);
  }
  // Its own small pool: the queue's polling never takes a connection the app's requests need.
  const e = env();
  return new PgBoss({ connectionString: e.DATABASE_URL!, max: 3, schema: "pgboss", application_name: "pms-jobs", connectionTimeoutMillis: 5000, migrate: !installedByOwner });
}

/** Starts the queue and its workers (once per process; later calls get the same one). */
export function startJobs(opts: { attempts?: number } = {}): Promise<Jobs> {
  state.__pmsJobs ??= (async () => {
    const installed = await installAsOwner();
    const boss = await createBoss(installed);
    boss.on("error", (err) => console.error(`[pms] job queue: ${err instanceof Error ? err.message : String(err)}`));
    await boss.start({ attempts: opts.attempts ?? 1 });
    if (!installed) for (const [name, options] of Object.entries(QUEUE_OPTIONS)) await boss.createQueue(name, options);
    await boss.schedule(QUEUES.scan, DAILY_SCAN_CRON, { daily: true }, { tz: "Asia/Tokyo", key: "daily", missed: "once" });
    await boss.schedule(QUEUES.scan, FREQUENT_SCAN_CRON, { daily: false }, { tz: "Asia/Tokyo", key: "frequent" });
    await boss.schedule(QUEUES.outbox, OUTBOX_CRON, null, { tz: "Asia/Tokyo" });
    const { scanDeadlines } = await import("./queries/notifications");
    const { drainOutbox } = await import("./queries/notification-outbox");
    await boss.work<{ daily?: boolean }>(QUEUES.scan, { pollingIntervalSeconds: 10 }, async ([job]) => {
      const result = await scanDeadlines({ daily: job?.data?.daily === true });
      if (result.queued) await boss.send(QUEUES.outbox, null, { singletonKey: "after-scan", singletonSeconds: 5 });
      return result;
    });
    await boss.work(QUEUES.outbox, { pollingIntervalSeconds: 10 }, async () => drainOutbox());
    // A write through the API may add, move or settle a deadline: a scan 30 s after the last one.
    const offWrite = onWrite(() => void boss.sendDebounced(QUEUES.scan, { daily: false }, null, 30, "after-write").catch(() => {}));
    // The scan at start: catches up whatever came due while no instance ran.
    await boss.send(QUEUES.scan, { daily: false }, { singletonKey: `start-${todayInTokyo()}`, singletonSeconds: 60 });
    return {
      boss,
      stop: async () => {
        offWrite();
        await boss.stop({ graceful: true, timeout: 10_000 });
      },
    };
  })().catch((err) => {
    state.__pmsJobs = undefined;
    throw err;
  });
  return state.__pmsJobs;
}

/**
 * Starts the queue without ever holding up or failing the app's start: a database that is not up yet
 * is retried every minute (the app itself answers 503 meanwhile).
 */
export function startJobsInBackground(retrySeconds = 60): void {
  if (!jobsEnabled()) return;
  startJobs().then(
    () => console.log("[pms] job queue started (deadline scan daily at 07:00 Asia/Tokyo, outbox every minute)"),
    (err) => {
      console.error(`[pms] job queue could not start (${err instanceof Error ? err.message : String(err)}); retrying in ${retrySeconds} s`);
      setTimeout(() => startJobsInBackground(retrySeconds), retrySeconds * 1000).unref();
    },
  );
}

export async function stopJobs(): Promise<void> {
  const jobs = state.__pmsJobs;
  state.__pmsJobs = undefined;
  if (jobs) await (await jobs).stop();
}

/**
 * Asks the queue to send the outbox now (after a scan made from the API), when this process runs the
 * queue; otherwise the outbox's minute schedule sends it.
 */
export async function requestOutboxRun(): Promise<void> {
  const jobs = state.__pmsJobs;
  if (!jobs) return;
  try {
    await (await jobs).boss.send(QUEUES.outbox, null, { singletonKey: "after-scan", singletonSeconds: 5 });
  } catch {
    // The minute schedule sends it.
  }
}
