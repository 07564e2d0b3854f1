import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db";
import { env } from "@/lib/env";

/**
 * Wipes the database as `npm run db:reset` does (the large seed's --reset): on Postgres drops the
 * schemas `public` and `drizzle`; on embedded PGlite deletes the folder, refusing while another
 * process (the running app) holds it. Refuses with NODE_ENV=production on Postgres.
 */
export async function wipeDatabase(): Promise<string> {
  const e = env();
  if (e.DATABASE_URL) {
    const u = new URL(e.DATABASE_URL);
    const where = `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
    if (e.NODE_ENV === "production") throw new Error(`refusing to wipe ${where} with NODE_ENV=production (use npm run db:reset -- --force first)`);
    const client = postgres(e.DATABASE_URL, { max: 1, onnotice: () => {} });
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
  try {
    const h = await openDatabase({ migrate: false });
    await h.close();
  } catch (err) {
    if (/in use by process/.test(err instanceof Error ? err.message : String(err))) throw err;
    // Unreadable: deleting it is what was asked for.
  }
  rmSync(dir, { recursive: true, force: true });
  return `deleted ${dir}`;
}
