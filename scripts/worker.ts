/**
 * `npm run worker`: the job queue alone (db/jobs.ts) — the deadline scan and the outbox — for a
 * deployment whose web instances run with PMS_JOBS=off (README, "Notifications"). Same environment
 * as the app (DATABASE_URL, SMTP_URL, PMS_MAIL_FROM, AUTH_URL for the links in e-mails). On the
 * embedded database it cannot run beside the app (one process per PGlite folder): leave the app's
 * queue on instead.
 */
import { env } from "@/lib/env";

async function main() {
  env();
  const { getDb } = await import("@/db");
  await getDb(); // migrates
  const { startJobs, stopJobs } = await import("@/db/jobs");
  await startJobs({ attempts: 10 });
  console.log("[pms] worker: job queue running (Ctrl-C to stop)");
  const stop = async () => {
    await stopJobs();
    const { closeDb } = await import("@/db");
    await closeDb();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`[pms] worker could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
