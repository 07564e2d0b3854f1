/**
 * npm run db:seed — loads the demo company (RUFT Inc.) into the database: four sign-in accounts,
 * departments, ~120 employees, five courses and 18 months of training records. Runs once: a second
 * run adds nothing. Uses DATABASE_URL when set, otherwise the embedded database under .data/.
 *
 * npm run db:seed -- --scale large [--factor F] [--reset] — the large data set for benchmarks
 * (db/seed/large/seed.ts), on an empty database only.
 */
import path from "node:path";
import { openDatabase } from "@/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { BASE_COUNTS, LargeSeedRefused, seedLarge } from "@/db/seed/large/seed";
import { wipeDatabase } from "@/db/wipe";
import { env } from "@/lib/env";
import { errorMessage, runMain } from "@/db/cli";

const USAGE = `Usage: npm run db:seed [-- --scale large [--factor F] [--reset]]

Without options: loads the demo data (applying migrations first). Does nothing if the demo data is already loaded.

  --scale large   loads the large data set for benchmarks instead: ${BASE_COUNTS.employees.toLocaleString("en")} employees in ${BASE_COUNTS.departments}
                  departments, 8 courses and five fiscal years of training records (~1,000,000), ${BASE_COUNTS.regulations} regulations,
                  ${BASE_COUNTS.incidents.toLocaleString("en")} incidents, ${BASE_COUNTS.contractors.toLocaleString("en")} contractors with ~${BASE_COUNTS.assessments.toLocaleString("en")} assessments, ${BASE_COUNTS.audits} audits with
                  ${BASE_COUNTS.auditFindings.toLocaleString("en")} findings, management reviews, P-mark certificates and PMS posts, relative to
                  today (deterministic), plus the four demo sign-in accounts (password "${DEMO_PASSWORD}").
                  Refuses (exit code 2) when the database already holds data.
  --factor F      multiplies every volume by F (e.g. 0.1; rounded, at least 1; at least 8 departments)
  --reset         wipes the database first (as npm run db:reset does), then migrates and seeds
  --help          this text

Database: DATABASE_URL when set, otherwise the embedded PGlite under $PMS_DATA_DIR/pglite (default .data/pglite),
which must not be in use by the running app.`;

type LargeArgs = { factor: number; reset: boolean };

/** null: the demo seed; a string: a usage error. */
function parseArgs(args: string[]): LargeArgs | null | string {
  if (args.length === 0) return null;
  let scale: string | null = null;
  let factor: number | null = null;
  let reset = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, null];
    const value = () => inline ?? args[++i];
    if (flag === "--scale") {
      scale = value() ?? "";
      if (scale !== "large") return `--scale takes "large", got "${scale}"`;
    } else if (flag === "--factor") {
      const raw = value();
      factor = Number(raw);
      if (raw === undefined || raw.trim() === "" || !Number.isFinite(factor) || factor <= 0 || factor > 100) return `--factor takes a number > 0 and ≤ 100, got "${raw ?? ""}"`;
    } else if (flag === "--reset" && inline === null) reset = true;
    else return `unknown argument: ${a}`;
  }
  if (scale === null) return "--factor and --reset go with --scale large (npm run db:reset resets the demo database)";
  return { factor: factor ?? 1, reset };
}

async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    console.error(`db:seed: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed) return large(parsed);

  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ migrate: true });
  } catch (err) {
    console.error(`db:seed: cannot open the database ${target()}:\n  ${errorMessage(err)}`);
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
    console.error(`db:seed failed, nothing was written:\n  ${errorMessage(err)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

async function large({ factor, reset }: LargeArgs): Promise<number> {
  const t0 = performance.now();
  if (reset) {
    try {
      console.log(await wipeDatabase());
    } catch (err) {
      console.error(`db:seed: could not wipe ${target()}:\n  ${errorMessage(err)}`);
      return 1;
    }
  }
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    // As the owner role (DATABASE_MIGRATION_URL when set): the load drops and rebuilds indexes and
    // moves identity sequences, which only the tables' owner may do.
    handle = await openDatabase({ migrate: true, asOwner: true });
  } catch (err) {
    console.error(`db:seed: cannot open the database ${target()}:\n  ${errorMessage(err)}`);
    return 1;
  }
  try {
    console.log(`loading the large data set (factor ${factor}) into ${handle.kind} ${target()} …`);
    const r = await seedLarge(handle.db, handle.kind, { factor, log: (line) => console.log(line) });
    const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
    console.log(`  ${"total".padEnd(28)} ${String(rows).padStart(9)} rows ${(r.totalMs / 1000).toFixed(1).padStart(7)} s`);
    console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s (today ${r.today}, factor ${r.factor}, migrations and wipe included)`);
    console.log(`sign in with password "${DEMO_PASSWORD}" as: ${DEMO_USERS.map((u) => u.email).join(", ")}`);
    return 0;
  } catch (err) {
    if (err instanceof LargeSeedRefused) {
      console.error(
        `db:seed: ${handle.kind} ${target()} already holds data: the large data set loads into an empty database only.\n` +
          `  Add --reset to wipe it first (ALL data is deleted), or point DATABASE_URL at an empty database.`,
      );
      return 2;
    }
    console.error(`db:seed --scale large failed, nothing was written:\n  ${errorMessage(err)}`);
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

runMain("db:seed", main);
