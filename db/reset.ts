/**
 * npm run db:reset — wipes the database, applies the migrations and loads the demo data
 * (unless --no-seed). Embedded PGlite: deletes .data/pglite, refusing while the app holds it.
 * DATABASE_URL: drops the schemas `public` and `drizzle` with everything in them.
 */
import { openDatabase } from "@/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { wipeDatabase } from "@/db/wipe";
import { errorMessage, runMain } from "@/db/cli";

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

  try {
    console.log(await wipeDatabase({ force: args.includes("--force") }));
  } catch (err) {
    console.error(`db:reset: could not wipe the database:\n  ${errorMessage(err)}`);
    return 1;
  }

  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ migrate: true });
  } catch (err) {
    console.error(`db:reset: migrations failed:\n  ${errorMessage(err)}`);
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
    console.error(`db:reset: loading the demo data failed (the database is migrated and empty):\n  ${errorMessage(err)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

runMain("db:reset", main);
