/**
 * Runs once when the server starts, before it serves: opens the database (applying migrations)
 * and, on the embedded database's first start, loads the demo data so a newcomer can sign in.
 * On a real Postgres the operator runs `npm run db:seed` only if they want demo data.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabase } = await import("./db/startup");
  await prepareDatabase();
}
