/**
 * Step 1: the two bench databases. `npm run db:seed -- --scale large --reset` (10×) and the same with
 * `--factor 0.1` (1×), each into its own database, unless the database already carries the marker
 * of that seed and the expected number of employees. While the large seed is not available, both
 * get the demo data (`npm run db:seed`), and the results say so.
 */
import { spawn } from "node:child_process";
import { DB_10X, DB_1X, adminConnection, databaseExists, dbUrl, readMarker, recreateDatabase, writeMarker, connect, type Sql } from "./pg";

export type Dataset = "large" | "demo";
export type SeedPlan = { name: string; factor: number; expectedEmployees: number };

/** 20,000 employees at 10× (factor 1), 2,000 at 1× (factor 0.1). */
export const PLANS: SeedPlan[] = [
  { name: DB_1X, factor: 0.1, expectedEmployees: 2000 },
  { name: DB_10X, factor: 1, expectedEmployees: 20000 },
];

export function markerFor(dataset: Dataset, factor: number): string {
  return dataset === "large" ? `pms-bench seed: --scale large --factor ${factor}` : "pms-bench seed: demo";
}

/** Does `npm run db:seed` understand --scale large yet? (Its --help says so.) */
export async function largeSeedAvailable(): Promise<boolean> {
  const out = await capture(process.execPath, [tsxCli(), "db/seed.ts", "--help"], {});
  return /--scale/.test(out.stdout + out.stderr);
}

function tsxCli(): string {
  return require.resolve("tsx/cli");
}

async function liveEmployees(url: string): Promise<number> {
  const sql = connect(url);
  try {
    const [r] = await sql`select count(*)::int as n from employees where retired_at is null`;
    return Number(r.n);
  } catch {
    return -1;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** Ready = the marker of this seed is on the database and the employees are there (±10 %; any for demo). */
async function isReady(admin: Sql, plan: SeedPlan, dataset: Dataset): Promise<boolean> {
  if (!(await databaseExists(admin, plan.name))) return false;
  if ((await readMarker(admin, plan.name)) !== markerFor(dataset, plan.factor)) return false;
  const n = await liveEmployees(dbUrl(plan.name));
  if (dataset === "demo") return n > 0;
  return Math.abs(n - plan.expectedEmployees) <= plan.expectedEmployees * 0.1;
}

export type SeedOutcome = { dataset: Dataset; seeded: { name: string; seconds: number }[]; reused: string[] };

export async function prepareDatabases(opts: { reseed: boolean; log: (s: string) => void }): Promise<SeedOutcome> {
  const dataset: Dataset = (await largeSeedAvailable()) ? "large" : "demo";
  if (dataset === "demo") {
    opts.log("`npm run db:seed -- --scale large` is not available yet: both bench databases get the demo data (npm run db:seed).");
  }
  const admin = await adminConnection();
  const outcome: SeedOutcome = { dataset, seeded: [], reused: [] };
  try {
    for (const plan of PLANS) {
      if (!opts.reseed && (await isReady(admin, plan, dataset))) {
        opts.log(`${plan.name}: already seeded (${markerFor(dataset, plan.factor)}), kept`);
        outcome.reused.push(plan.name);
        continue;
      }
      opts.log(`${plan.name}: creating and seeding (${dataset === "large" ? `--scale large --reset --factor ${plan.factor}` : "demo"}) …`);
      await recreateDatabase(admin, plan.name);
      const args = dataset === "large" ? ["--scale", "large", "--reset", ...(plan.factor !== 1 ? ["--factor", String(plan.factor)] : [])] : [];
      const t0 = Date.now();
      const code = await run("npm", ["run", "db:seed", "--", ...args], { DATABASE_URL: dbUrl(plan.name) });
      if (code !== 0) throw new Error(`npm run db:seed ${args.join(" ")} failed (exit ${code}) on ${plan.name}`);
      await writeMarker(admin, plan.name, markerFor(dataset, plan.factor));
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      opts.log(`${plan.name}: seeded in ${seconds} s`);
      outcome.seeded.push({ name: plan.name, seconds });
    }
  } finally {
    await admin.end({ timeout: 2 });
  }
  return outcome;
}

/** Runs a command with the terminal attached (the seed prints its progress). */
function run(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export function capture(cmd: string, args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}
