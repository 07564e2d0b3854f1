import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./tests/support/sequencer";

const alias = {
  "@": path.resolve(__dirname),
  // `server-only` throws outside React Server Components; in tests it means nothing.
  "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
};

/**
 * How the suite is kept fast (docs/testing.md): files run in two worker threads; every integration
 * file gets a database of its own (a copy of one migrated database, tests/support/db-template.ts), so
 * files run side by side on PGlite and on a real Postgres alike; and files share their worker's loaded
 * modules (`isolate: false`: the app is imported once per worker, not once per file). A file that
 * replaces modules (`vi.mock`), spies on or stubs globals, rewrites process.env or resets the module
 * cache would leak that into the next file of its worker: such files are found here by reading them,
 * and run in a project of their own (`…-isolated`) where every file gets fresh modules. So does a file
 * listed below.
 */
const CHANGES_PROCESS_STATE =
  /\bvi\.(mock|doMock|unmock|doUnmock|resetModules|spyOn|stubEnv|stubGlobal|useFakeTimers)\(|\bprocess\.env(\.\w+|\[[^\]]+\])\s*(\?\?|\|\||&&)?=(?!=)|\bdelete\s+process\.env/;
/** Files that change process-wide state in ways the pattern above does not see. */
const ISOLATED_BY_HAND = [
  // markPeerAddressHookInstalled() sets a flag on globalThis that changes how client addresses are read.
  "tests/integration/sign-in-limits.test.ts",
];

/**
 * Unit files that load the integration tests' migrated and seeded template databases instead of making
 * their own (tests/support/db-template.ts): a project of their own, `unit-db`, whose global setup makes
 * them, so that a run of other unit files does not.
 */
const UNIT_WITH_DB_TEMPLATE = ["db/seed/demo.test.ts"];

/** The test files under these folders (paths from the repository root), split by whether they need fresh modules. */
function testFiles(dirs: string[]) {
  const all = dirs.flatMap((dir) =>
    readdirSync(path.join(__dirname, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".test.ts") && !f.split(path.sep).includes("node_modules"))
      .map((f) => `${dir}/${f.split(path.sep).join("/")}`)
      .filter((f) => !UNIT_WITH_DB_TEMPLATE.includes(f)),
  );
  const isolated = all.filter((f) => ISOLATED_BY_HAND.includes(f) || CHANGES_PROCESS_STATE.test(readFileSync(path.join(__dirname, f), "utf8")));
  return { all, isolated };
}

/** A project whose files share modules, and, when some files need fresh ones, a `<name>-isolated` project for those. */
function projects(name: string, dirs: string[], test: Record<string, unknown>) {
  const { all, isolated } = testFiles(dirs);
  return [
    { resolve: { alias }, test: { ...test, name, include: all.filter((f) => !isolated.includes(f)), isolate: false } },
    ...(isolated.length ? [{ resolve: { alias }, test: { ...test, name: `${name}-isolated`, include: isolated } }] : []),
  ];
}

/** The one migrated database per run (and its seeded copies), made by the main process. */
const DB_TEMPLATE_SETUP = "tests/support/db-template.ts";

const integration = {
  environment: "node",
  setupFiles: ["tests/support/setup-integration.ts"],
  // One migrated database per run; each file starts its own copy of it.
  globalSetup: [DB_TEMPLATE_SETUP],
  // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve:
  // let Vite load it (tests/integration/sessions.test.ts signs in through Auth.js's handlers).
  server: { deps: { inline: ["next-auth"] } },
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Two cores here: two workers (the default would be one fewer than the cores). Threads start
    // faster than child processes; PGlite and postgres.js run in either.
    pool: "threads",
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    // One known error of postgres.js 3.4 (docs/security.md, "Database outages"): when the server ends a
    // connection in the middle of a transaction, postgres.js sends the transaction's ROLLBACK on that
    // closed connection and the write it schedules throws in a timer. tests/integration/db-outage.test.ts
    // restarts Postgres on purpose and meets it now and then; under `next start` Next.js logs such an
    // error and keeps serving (the test checks the answers: 503s, no 500, no hang, no lost write). Any
    // other unhandled error still fails the run.
    onUnhandledError(error) {
      const stack = String(error.stack ?? "");
      if (error.name === "TypeError" && /reading 'write'/.test(error.message ?? "") && stack.includes("postgres/src/connection.js")) return false;
    },
    projects: [
      ...projects("unit", ["lib", "components", "messages", "db"], { environment: "node" }),
      { resolve: { alias }, test: { name: "unit-db", environment: "node", include: UNIT_WITH_DB_TEMPLATE, globalSetup: [DB_TEMPLATE_SETUP], hookTimeout: 120_000 } },
      ...projects("integration", ["tests/integration"], integration),
    ],
  },
});
