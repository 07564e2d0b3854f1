import { afterAll, beforeAll, vi } from "vitest";
import { announced } from "./announced";
import { copyDatabaseName, withDatabase } from "./db-names";
import type { DbTemplate, ReadyTemplates } from "./db-template";
import { testState } from "./state";

/**
 * Integration tests run the real route handlers and queries against a real database of their own: an
 * in-memory PGlite by default, or on the Postgres server of DATABASE_URL a database copied for this
 * file from the run's migrated template (tests/support/db-template.ts; docs/testing.md). The session
 * is the only thing faked: tests say who is signed in with `signInAs()`.
 *
 * This file runs before every test file, also when files share their worker's modules: whatever it
 * sets up, it sets up again.
 */
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => testState.user,
  requirePageUser: async () => {
    if (!testState.user) throw new Error("not signed in");
    return testState.user;
  },
}));

// Nobody is signed in when a file starts, whatever the previous file of this worker did.
testState.user = null;

// On Postgres, point DATABASE_URL (and DATABASE_MIGRATION_URL) at this worker's copy before the test
// file is imported; the URLs the run was started with stay in PMS_TEST_SERVER_* for CREATE/DROP DATABASE.
const env = process.env;
if (env.DATABASE_URL) {
  env.PMS_TEST_SERVER_URL ??= env.DATABASE_URL;
  if (env.DATABASE_MIGRATION_URL) env.PMS_TEST_SERVER_MIGRATION_URL ??= env.DATABASE_MIGRATION_URL;
}
const serverUrl = env.PMS_TEST_SERVER_URL;
const ownerUrl = env.PMS_TEST_SERVER_MIGRATION_URL ?? serverUrl;
const copy = serverUrl ? copyDatabaseName(serverUrl) : "";
if (serverUrl) {
  env.DATABASE_URL = withDatabase(serverUrl, copy);
  if (env.PMS_TEST_SERVER_MIGRATION_URL) env.DATABASE_MIGRATION_URL = withDatabase(env.PMS_TEST_SERVER_MIGRATION_URL, copy);
}

async function onServer(statements: string[]) {
  const postgres = (await import("postgres")).default;
  const admin = postgres(ownerUrl!, { max: 1, onnotice: () => {} });
  try {
    for (const s of statements) await admin.unsafe(s);
  } finally {
    await admin.end();
  }
}

type Handle = { close: () => Promise<void> };
const g = globalThis as unknown as {
  __pmsDb?: PromiseLike<Handle>;
  __pmsTestDb?: { started: () => boolean; open: (demoDay?: string) => Promise<{ demo: boolean }> };
};

/**
 * This file's database: a copy of the run's migrated template, or of its template with the demo data
 * of a day (tests/support/demo-data.ts, `seedDemoData`), opened on first use: the app's getDb() then
 * resolves to it (db/index.ts keeps it in globalThis.__pmsDb).
 */
async function openCopy(ready: ReadyTemplates, demoDay: string | undefined): Promise<{ handle: Handle; demo: boolean }> {
  const demo = demoDay !== undefined && ready.demoDays.includes(demoDay);
  const from = demo ? await announced<DbTemplate>(`demo-${demoDay}`, `The template with the demo data of ${demoDay}`) : ready;
  if ("postgres" in from) {
    await onServer([`drop database if exists "${copy}" with (force)`, `create database "${copy}" template "${from.postgres}"`]);
    const { openDatabase } = await import("@/db");
    return { handle: await openDatabase({ migrate: true }), demo };
  }
  const { pgliteFromDump } = await import("./pglite");
  return { handle: await pgliteFromDump(from.pglite), demo };
}

let opened: Promise<{ handle: Handle; demo: boolean }> | undefined;

beforeAll(async () => {
  const ready = await announced<ReadyTemplates>("ready", "The migrated template database");
  opened = undefined;
  const open = (demoDay?: string) => (opened ??= openCopy(ready, demoDay));
  g.__pmsTestDb = { started: () => opened !== undefined, open: async (demoDay) => ({ demo: (await open(demoDay)).demo }) };
  g.__pmsDb = { then: (onFulfilled, onRejected) => open().then((o) => o.handle).then(onFulfilled, onRejected) };
});

afterAll(async () => {
  if (opened) {
    const { closeDb } = await import("@/db");
    await closeDb();
  }
  g.__pmsDb = undefined;
  g.__pmsTestDb = undefined;
  if (serverUrl && opened) await onServer([`drop database if exists "${copy}" with (force)`]);
  opened = undefined;
});
