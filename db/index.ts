import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { roleOfUrl } from "@/lib/security/db-roles";
import { grantRuntimeRole } from "./roles";
import { openPool } from "./pool";
import * as schema from "./schema";

/**
 * The one database handle. postgres.js when DATABASE_URL is set, otherwise embedded PGlite kept
 * under .data/pglite. Both speak the same Drizzle API; the PGlite handle is typed as the
 * postgres.js one so that queries are written once.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

const MIGRATIONS = path.join(process.cwd(), "drizzle");
const globalForDb = globalThis as unknown as { __pmsDb?: Promise<Handle> };

/** Opened once per process; migrations applied before the first query is served. */
export function getDb(): Promise<Db> {
  globalForDb.__pmsDb ??= openDatabase({ migrate: true }).catch((err) => {
    globalForDb.__pmsDb = undefined;
    throw err;
  });
  return globalForDb.__pmsDb.then((h) => h.db);
}

export async function getDbKind(): Promise<Handle["kind"]> {
  await getDb();
  return (await globalForDb.__pmsDb!).kind;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__pmsDb;
  globalForDb.__pmsDb = undefined;
  if (h) await (await h).close();
}

/**
 * `asOwner`: connect as the owner role (DATABASE_MIGRATION_URL) rather than the runtime role — for
 * the large seed, which rebuilds indexes. With an explicit `url`, migrations run as that role too.
 */
export async function openDatabase(opts: {
  migrate: boolean;
  url?: string;
  pgliteDir?: string | null;
  asOwner?: boolean;
  /** In memory only: start from this dump of an already migrated database (tests; see tests/support/db-template.ts). */
  pgliteTemplate?: Blob;
}): Promise<Handle> {
  const url = opts.url ?? (opts.asOwner ? migrationUrl() : env().DATABASE_URL);
  if (url) {
    if (opts.migrate) await migrateRealPostgres(opts.url ?? migrationUrl()!, opts.url ?? env().DATABASE_URL!);
    const client = openPool(url, { statementTimeout: !opts.asOwner });
    return { db: drizzlePostgres({ client, schema }), kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  return openPglite(opts.pgliteDir === undefined ? path.join(env().dataDir, "pglite") : opts.pgliteDir, opts.migrate, opts.pgliteTemplate);
}

/**
 * The owner role's URL, for migrations (docs/security.md, "Database roles"): DATABASE_MIGRATION_URL
 * when set, otherwise DATABASE_URL (one role). Undefined on the embedded database (one role).
 */
export function migrationUrl(): string | undefined {
  const e = env();
  return e.DATABASE_URL ? (e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL) : undefined;
}

/**
 * Applies pending migrations as the role of `migrationUrl`, then, when the app's role (the user in
 * `runtimeUrl`) is another role, grants it what the app needs and no more (db/roles.ts). Several app
 * instances may start at once: an advisory lock lets one migrate at a time. A runtime role that may
 * not create tables can still start the app once the owner has migrated: nothing is applied when
 * nothing is pending.
 */
export async function migrateRealPostgres(migrationUrl: string, runtimeUrl: string = migrationUrl) {
  const client = postgres(migrationUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(15001)`;
    try {
      if (await migrationsPending(client)) {
        try {
          await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS });
        } catch (err) {
          // Drizzle wraps the driver's error: the SQLSTATE is on it or on its cause.
          const cause = (err as { cause?: { code?: string; message?: string } }).cause;
          const denied = (err as { code?: string }).code === "42501" ? (err as Error) : cause?.code === "42501" ? cause : null;
          if (!denied) throw err;
          const [{ name }] = await client<{ name: string }[]>`select current_user as name`;
          throw new Error(
            `migrations are pending and the database role "${name}" may not apply them (${denied.message}). ` +
              `Apply them as the owner role: npm run db:migrate with DATABASE_MIGRATION_URL set (docs/security.md, "Database roles").`,
            { cause: err },
          );
        }
      }
      const runtime = roleOfUrl(runtimeUrl);
      const [{ name: owner }] = await client<{ name: string }[]>`select current_user as name`;
      if (runtime !== owner) await grantRuntimeRole(client, runtime);
    } finally {
      await client`select pg_advisory_unlock(15001)`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Whether the migrations folder holds a migration newer than the last one applied (drizzle's own test). */
async function migrationsPending(client: postgres.Sql): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder: MIGRATIONS }).map((m) => m.folderMillis));
  try {
    const [row] = await client<{ last: string | null }[]>`select max(created_at)::text as last from drizzle.__drizzle_migrations`;
    return row.last === null || Number(row.last) < newest;
  } catch {
    // No migrations table yet, or no right to read it: let the migrator try (and say why it cannot).
    return true;
  }
}

/** dir null: in memory (tests). */
async function openPglite(dir: string | null, runMigrations: boolean, template?: Blob): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
  let release = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    release = acquireFolderLock(dir);
  }
  try {
    const client = dir ? new PGlite(dir) : new PGlite(template ? { loadDataDir: template } : undefined);
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    if (runMigrations) await migratePglite(db, { migrationsFolder: MIGRATIONS });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite does not lock its folder: two processes on it silently lose writes. We keep a pid file
 * beside it and refuse to open the folder while another live process holds it.
 */
function acquireFolderLock(dir: string): () => void {
  const lock = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database ${dir} is in use by process ${pid} (probably the running app). ` +
          `PGlite cannot be opened by two processes at once: stop that process first, or set DATABASE_URL to use a Postgres server.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  const release = () => {
    try {
      if (existsSync(lock) && readFileSync(lock, "utf8").trim() === String(process.pid)) rmSync(lock);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
