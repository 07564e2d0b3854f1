/**
 * npm run db:seed — loads the demo company (RUFT Inc.) into the database: four sign-in accounts,
 * departments, ~120 employees, five courses and 18 months of training records. Runs once: a second
 * run adds nothing. Uses DATABASE_URL when set, otherwise the embedded database under .data/.
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { env } from "@/lib/env";

const USAGE = `Usage: npm run db:seed

Loads the demo data (applying migrations first). Does nothing if the demo data is already loaded.
Database: DATABASE_URL when set, otherwise the embedded PGlite under $PMS_DATA_DIR/pglite (default .data/pglite),
which must not be in use by the running app.`;

async function main(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 0) {
    console.error(`db:seed: unknown argument: ${args.join(" ")}\n\n${USAGE}`);
    return 2;
  }

  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ migrate: true });
  } catch (err) {
    console.error(`db:seed: cannot open the database ${target()}:\n  ${message(err)}`);
    return 1;
  }
  try {
    const { created, counts } = await seedDemo(handle.db);
    if (!created) {
      console.log(`demo data already loaded (${handle.kind} ${target()}): nothing added`);
      return 0;
    }
    console.log(`demo data loaded (${handle.kind} ${target()}):`);
    console.log("  " + Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", "));
    console.log(`sign in with password "${DEMO_PASSWORD}" as:`);
    for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(24)} ${u.name} (${u.role})`);
    return 0;
  } catch (err) {
    console.error(`db:seed failed, nothing was written:\n  ${message(err)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

/** Where the data goes, without the password. */
function target(): string {
  try {
    const { DATABASE_URL, dataDir } = env();
    if (!DATABASE_URL) return path.join(dataDir, "pglite");
    const u = new URL(DATABASE_URL);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "(see DATABASE_URL / PMS_DATA_DIR)";
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
    console.error(`db:seed: ${message(err)}`);
    process.exitCode = 1;
  },
);
