/** The local PostgreSQL the benchmark runs on: connection URLs, an admin handle, database life cycle. */
import postgres from "postgres";

export const DEFAULT_PG_BASE = "postgres://postgres@127.0.0.1:5432";
export const DB_1X = "pms_bench_1x";
export const DB_10X = "pms_bench_10x";
export const DB_IMPORT = "pms_bench_import";
/** A copy of the 10× database the daily notification scan writes to (step "notify"). */
export const DB_NOTIFY = "pms_bench_notify";

export function pgBase(): string {
  return process.env.BENCH_PG_URL || DEFAULT_PG_BASE;
}

/** The URL of database `name` on the base server (any path on the base is replaced). */
export function dbUrl(name: string, base = pgBase()): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export function hostOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export type Sql = postgres.Sql;

export function connect(url: string, max = 1): Sql {
  return postgres(url, { max, onnotice: () => {}, connect_timeout: 5 });
}

/** A connection to the maintenance database, or a clear message on how to start PostgreSQL. */
export async function adminConnection(): Promise<Sql> {
  const sql = connect(dbUrl("postgres"));
  try {
    await sql`select 1`;
    return sql;
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new PgUnavailableError(err);
  }
}

export class PgUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `PostgreSQL does not answer at ${hostOf(dbUrl("postgres"))}: ${cause instanceof Error ? cause.message : String(cause)}\n\n` +
        `Start it (Debian):   pg_ctlcluster 15 main start     (check with: pg_isready -h 127.0.0.1)\n` +
        `The benchmark connects as user postgres with trust authentication on 127.0.0.1 (pg_hba.conf: "host all all 127.0.0.1/32 trust"),\n` +
        `or set BENCH_PG_URL=postgres://user:password@host:port to use another server.`,
    );
  }
}

export async function serverVersion(admin: Sql): Promise<string> {
  const [r] = await admin`select version() as v`;
  return String(r.v);
}

export async function databaseExists(admin: Sql, name: string): Promise<boolean> {
  const rows = await admin`select 1 from pg_database where datname = ${name}`;
  return rows.length > 0;
}

export async function recreateDatabase(admin: Sql, name: string, template?: string): Promise<void> {
  await admin.unsafe(`drop database if exists ${ident(name)} with (force)`);
  await admin.unsafe(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ""}`);
}

export async function dropDatabase(admin: Sql, name: string): Promise<void> {
  await admin.unsafe(`drop database if exists ${ident(name)} with (force)`);
}

/** The marker a finished seed leaves: a comment on the database. */
export async function readMarker(admin: Sql, name: string): Promise<string | null> {
  const [r] = await admin`select shobj_description(oid, 'pg_database') as c from pg_database where datname = ${name}`;
  return r?.c ?? null;
}

export async function writeMarker(admin: Sql, name: string, marker: string): Promise<void> {
  await admin.unsafe(`comment on database ${ident(name)} is ${literal(marker)}`);
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export type DataSizes = Record<string, number | null>;

const SIZE_TABLES = [
  "employees",
  "departments",
  "courses",
  "training_records",
  "regulations",
  "regulation_reviews",
  "incidents",
  "contractors",
  "assessments",
  "audits",
  "audit_findings",
] as const;

/** Row counts of the main tables (null for a table that does not exist) and the database size. */
export async function dataSizes(url: string): Promise<DataSizes> {
  const sql = connect(url);
  try {
    const out: DataSizes = {};
    const existing = new Set(
      (await sql`select table_name from information_schema.tables where table_schema = 'public'`).map((r) => String(r.table_name)),
    );
    for (const t of SIZE_TABLES) out[t] = existing.has(t) ? Number((await sql.unsafe(`select count(*)::bigint as n from "${t}"`))[0].n) : null;
    const [s] = await sql`select pg_database_size(current_database())::bigint as b`;
    out.database_bytes = Number(s.b);
    return out;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/**
 * Ends the queries still running on a bench database after its server was stopped (Postgres
 * finishes a query whose client went away), so they do not slow the next step's timings.
 */
export async function terminateBackends(admin: Sql, name: string): Promise<number> {
  const rows = await admin`select pg_terminate_backend(pid) as t from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  return rows.length;
}
