import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { testState } from "./state";

/**
 * Integration tests run the real route handlers and queries against a real database: an in-memory
 * PGlite by default, or the Postgres at DATABASE_URL (a fresh schema per test file). The session is
 * the only thing faked: tests say who is signed in with `signInAs()`.
 */
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => testState.user,
  requirePageUser: async () => {
    if (!testState.user) throw new Error("not signed in");
    return testState.user;
  },
}));

beforeAll(async () => {
  const { openDatabase } = await import("@/db");
  const url = process.env.DATABASE_URL;
  if (url) {
    const postgres = (await import("postgres")).default;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await admin.end();
  }
  // On PGlite, start from the migrated dump made once for the run (tests/support/pglite-template.ts).
  const template = url ? "" : inject("pgliteTemplate");
  const handle = await openDatabase({ migrate: true, pgliteDir: null, pgliteTemplate: template ? new Blob([readFileSync(template)]) : undefined });
  (globalThis as unknown as { __pmsDb?: Promise<unknown> }).__pmsDb = Promise.resolve(handle);
});

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
});
