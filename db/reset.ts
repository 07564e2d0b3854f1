/**
 * npm run db:reset — wipes the database, applies the migrations and loads the demo data
 * (unless --no-seed). Embedded PGlite: deletes .data/pglite, refusing while the app holds it.
 * DATABASE_URL: drops the schemas `public` and `drizzle` with everything in them.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { env } from "@/lib/env";

const USAGE = `Usage: npm run db:reset -- [--no-seed] [--force]

Deletes ALL data, applies the migrations, then loads the demo data.
  --no-seed   leave the fresh database empty
  --force     required when NODE_ENV=production and DATABASE_URL is set
Database: DATABASE_URL when set, otherwise the embedded PGlite under $PMS_DATA_DIR/pglite (default .data/pglite),
which must not be in use by the running app.`;

async function main(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== "--no-seed" && a !== "--force");
  if (unknown.length > 0) {
    console.error(`db:reset: unknown argument: ${unknown.join(" ")}\n\n${USAGE}`);
    return 2;
  }
  const seed = !args.includes("--no-seed");
  const e = env();

  if (e.DATABASE_URL) {
    const u = new URL(e.DATABASE_URL);
    const where = `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
    if (e.NODE_ENV === "production" && !args.includes("--force")) {
      console.error(`db:reset: refusing to wipe ${where} with NODE_ENV=production. Add --force if you really mean it.`);
      return 1;
    }
    const client = postgres(e.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      await client.begin(async (tx) => {
        await tx`drop schema if exists drizzle cascade`;
        await tx`drop schema if exists public cascade`;
        await tx`create schema public`;
        await tx`grant usage on schema public to public`;
      });
    } catch (err) {
      console.error(`db:reset: could not wipe ${where}:\n  ${message(err)}`);
      return 1;
    } finally {
      await client.end({ timeout: 5 });
    }
    console.log(`wiped postgres ${where} (schemas public and drizzle)`);
  } else {
    const dir = path.join(e.dataDir, "pglite");
    if (existsSync(dir)) {
      // Opening takes the folder's lock: it fails while the running app holds the folder.
      try {
        const h = await openDatabase({ migrate: false });
        await h.close();
      } catch (err) {
        if (/in use by process/.test(message(err))) {
          console.error(`db:reset: ${message(err)}`);
          return 1;
        }
        // Unreadable (the usual reason to reset): deleting it is what was asked for.
        console.warn(`db:reset: the embedded database did not open (${message(err)}); deleting it anyway`);
      }
      rmSync(dir, { recursive: true, force: true });
      console.log(`deleted ${dir}`);
    } else {
      console.log(`no embedded database at ${dir} yet`);
    }
  }

  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ migrate: true });
  } catch (err) {
    console.error(`db:reset: migrations failed:\n  ${message(err)}`);
    return 1;
  }
  try {
    console.log(`migrations applied (${handle.kind})`);
    if (!seed) {
      console.log("demo data not loaded (--no-seed)");
      return 0;
    }
    const { counts } = await seedDemo(handle.db);
    console.log("demo data loaded: " + Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", "));
    console.log(`sign in as ${DEMO_USERS.map((u) => u.email).join(", ")} with password "${DEMO_PASSWORD}"`);
    return 0;
  } catch (err) {
    console.error(`db:reset: loading the demo data failed (the database is migrated and empty):\n  ${message(err)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`db:reset: ${message(err)}`);
    process.exitCode = 1;
  },
);
