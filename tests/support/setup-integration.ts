import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { copyDatabaseName, withDatabase } from "./db-names";
import type { DbTemplate } from "./db-template";
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

/** The run's migrated database, once tests/support/db-template.ts has made it (it starts with the run). */
async function template(): Promise<DbTemplate> {
  const dir = inject("dbTemplateDir");
  for (;;) {
    if (existsSync(path.join(dir, "ready"))) return JSON.parse(readFileSync(path.join(dir, "ready"), "utf8")) as DbTemplate;
    if (existsSync(path.join(dir, "failed"))) throw new Error(`The migrated template database could not be made:\n${readFileSync(path.join(dir, "failed"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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

beforeAll(async () => {
  const from = await template();
  let handle;
  if ("postgres" in from) {
    await onServer([`drop database if exists "${copy}" with (force)`, `create database "${copy}" template "${from.postgres}"`]);
    const { openDatabase } = await import("@/db");
    handle = await openDatabase({ migrate: true });
  } else {
    const { pgliteFromDump } = await import("./pglite");
    handle = await pgliteFromDump(from.pglite);
  }
  (globalThis as unknown as { __pmsDb?: Promise<unknown> }).__pmsDb = Promise.resolve(handle);
});

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  if (serverUrl) await onServer([`drop database if exists "${copy}" with (force)`]);
});
