import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Db } from "@/db";
import * as schema from "@/db/schema";

/**
 * The in-memory PGlite databases of the integration tests (docs/testing.md, "How the suite stays fast"):
 * the run's template (tests/support/db-template.ts) and each test file's copy of it
 * (tests/support/setup-integration.ts). Every file starts a PGlite, so what a start costs counts ~60
 * times per run; the app's own database (db/index.ts) keeps PGlite's defaults.
 *
 * - `shared_buffers` 16 MB instead of 128 MB: Postgres clears its buffer pool at start, which took most
 *   of a start (about 1 s of 1.4 s on this machine at load; in memory a missed buffer is a copy from
 *   the in-memory files, not a disk read).
 * - The template is small to load: WAL segments of 1 MB (initdb's default is one file of 16 MB), and
 *   without the databases template0 and template1, which nothing opens in a PGlite (it serves the one
 *   database `postgres`): 20 MB to unpack per file instead of 45 MB.
 */
export const TEST_PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

type Handle = { db: Db; kind: "pglite"; close: () => Promise<void> };

function handleOf(client: PGlite): Handle {
  return { db: drizzle({ client, schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** A new in-memory database, migrated, made small to copy (above). */
export async function migratedTemplatePglite(): Promise<Handle> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = new PGlite({ initDbStartParams: ["--wal-segsize=1"], startParams: TEST_PGLITE_START_PARAMS });
  await client.waitReady;
  const handle = handleOf(client);
  await migrate(handle.db as never, { migrationsFolder: path.join(process.cwd(), "drizzle") });
  for (const name of ["template0", "template1"]) {
    await client.exec(`alter database ${name} is_template false`);
    await client.exec(`drop database ${name}`);
  }
  return handle;
}

/** The dump of a template, read once per worker (every file of the worker loads the same one). */
const dumps = new Map<string, Blob>();

/** A database of its own from the dump `file` (made by dumpPglite). */
export async function pgliteFromDump(file: string): Promise<Handle> {
  let dump = dumps.get(file);
  if (!dump) dumps.set(file, (dump = new Blob([readFileSync(file)])));
  return pgliteFromBlob(dump);
}

/** A database of its own from a dump held in memory (made by dumpPglite). */
export async function pgliteFromBlob(dump: Blob): Promise<Handle> {
  const client = new PGlite({ loadDataDir: dump, startParams: TEST_PGLITE_START_PARAMS });
  await client.waitReady;
  return handleOf(client);
}

/** The database as a tar of its folder, after a checkpoint (so that the WAL holds little). */
export async function dumpPglite(handle: Handle): Promise<Buffer> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  await client.exec("checkpoint");
  const dump = await client.dumpDataDir("none");
  return Buffer.from(await dump.arrayBuffer());
}
