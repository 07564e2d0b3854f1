/**
 * npm run db:migrate — applies the committed migrations (drizzle/) to DATABASE_URL when set,
 * otherwise to the embedded PGlite under .data/pglite (which must not be in use by the running app).
 * On Postgres they run as the owner role, DATABASE_MIGRATION_URL when set; the role of DATABASE_URL,
 * when another, then gets the app's privileges (docs/security.md, "Database roles").
 */
import { openDatabase } from "@/db";

async function main(args: string[]): Promise<number> {
  if (args.length > 0) {
    console.error(`db:migrate: unknown argument: ${args.join(" ")}\n\nUsage: npm run db:migrate`);
    return 2;
  }
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ migrate: true });
  } catch (err) {
    console.error(`db:migrate failed:\n  ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  await handle.close();
  console.log(`migrations applied (${handle.kind})`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`db:migrate failed:\n  ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
