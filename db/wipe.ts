import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { migrationUrl, openDatabase } from "@/db";
import { env } from "@/lib/env";

/**
 * Wipes the database (npm run db:reset, and the large seed's --reset): on Postgres drops the schemas
 * `public` and `drizzle` with everything in them; on embedded PGlite deletes the folder, refusing while
 * another process (the running app) holds it. Refuses on Postgres with NODE_ENV=production unless
 * `force`. Returns what it did, in a line for the console; throws when it could not. On Postgres it
 * connects as the owner role (DATABASE_MIGRATION_URL when set): only the owner may drop the schemas.
 */
export async function wipeDatabase({ force = false }: { force?: boolean } = {}): Promise<string> {
  const e = env();
  const ownerUrl = migrationUrl();
  if (ownerUrl) {
    const u = new URL(ownerUrl);
    const where = `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
    if (e.NODE_ENV === "production" && !force) throw new Error(`refusing to wipe ${where} with NODE_ENV=production (npm run db:reset -- --force if you really mean it)`);
    const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      await client.begin(async (tx) => {
        await tx`drop schema if exists drizzle cascade`;
        await tx`drop schema if exists public cascade`;
        await tx`create schema public`;
        await tx`grant usage on schema public to public`;
      });
    } finally {
      await client.end({ timeout: 5 });
    }
    return `wiped postgres ${where} (schemas public and drizzle)`;
  }
  const dir = path.join(e.dataDir, "pglite");
  if (!existsSync(dir)) return `no embedded database at ${dir} yet`;
  let unreadable = "";
  // Opening takes the folder's lock: it fails while the running app holds the folder.
  try {
    const h = await openDatabase({ migrate: false });
    await h.close();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/in use by process/.test(msg)) throw err;
    // Unreadable (the usual reason to reset): deleting it is what was asked for.
    unreadable = ` (it did not open: ${msg}; deleted anyway)`;
  }
  rmSync(dir, { recursive: true, force: true });
  return `deleted ${dir}${unreadable}`;
}
