/**
 * Runs once when the server starts, before it serves: checks the environment (a production start
 * with a missing or invalid setting exits non-zero instead of answering 500 — docs/security.md), opens
 * the database (applying migrations) and, on the embedded database's first start, loads the demo data
 * so a newcomer can sign in. On a real Postgres the operator runs `npm run db:seed` only if they want
 * demo data.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Stamps each request's socket address for the per-address sign-in limit (docs/security.md, "Client address").
  (await import("./lib/security/peer-address")).installPeerAddressHook();
  const { env } = await import("./lib/env");
  try {
    env();
  } catch (err) {
    console.error(`[pms] cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const { prepareDatabase } = await import("./db/startup");
  await prepareDatabase();
  // The job queue (deadline scan, e-mail outbox) starts in the background; PMS_JOBS=off leaves it to `npm run worker`.
  (await import("./db/jobs")).startJobsInBackground();
}
