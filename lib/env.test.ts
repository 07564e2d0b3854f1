import { describe, expect, it } from "vitest";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("runs with nothing configured: embedded database under .data/", () => {
    const e = readEnv({});
    expect(e.usesEmbeddedDb).toBe(true);
    expect(e.dataDir).toBe(path.resolve(".data"));
    expect(e.AUTH_SECRET).toBeUndefined();
  });

  it("uses a real Postgres when DATABASE_URL is set", () => {
    const e = readEnv({ DATABASE_URL: "postgres://u@db:5432/pms", NODE_ENV: "development" });
    expect(e.usesEmbeddedDb).toBe(false);
  });

  it("says clearly what a production deployment on Postgres is missing", () => {
    expect(() => readEnv({ DATABASE_URL: "postgres://u@db/pms", NODE_ENV: "production" })).toThrow(/AUTH_SECRET, AUTH_URL/);
    expect(() => readEnv({ DATABASE_URL: "postgres://u@db/pms", NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).toThrow(/AUTH_URL/);
    expect(readEnv({ DATABASE_URL: "postgres://u@db/pms", NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_URL: "https://pms.example.co.jp" }).usesEmbeddedDb).toBe(false);
  });

  it("does not demand the production variables while building", () => {
    expect(readEnv({ DATABASE_URL: "postgres://u@db/pms", NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).usesEmbeddedDb).toBe(false);
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET.*32/);
    expect(() => readEnv({ AUTH_URL: "not a url" })).toThrow(/AUTH_URL/);
  });
});

// Each test starts tsx once or twice (a second or two of start-up each, more on a busy machine): a
// timeout of its own, so a loaded CI machine does not fail a check that is only slow.
describe("npm start's environment check (scripts/check-env.ts, the prestart script)", { timeout: 60_000 }, () => {
  const run = (extra: Record<string, string>) =>
    spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/check-env.ts"], {
      env: { PATH: process.env.PATH ?? "", ...extra } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
    });

  it("stops a production start on Postgres without AUTH_SECRET and AUTH_URL, saying what is missing", () => {
    const r = run({ DATABASE_URL: "postgres://pms@db.example.co.jp/pms" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot start: .*AUTH_SECRET, AUTH_URL/);
  });

  it("stops on an invalid setting", () => {
    const r = run({ PMS_SESSION_IDLE_MINUTES: "-5" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PMS_SESSION_IDLE_MINUTES/);
  });

  it("lets a complete environment (or the embedded default) start", () => {
    expect(run({}).status).toBe(0);
    const full = run({ DATABASE_URL: "postgres://pms@db/pms", AUTH_SECRET: "x".repeat(40), AUTH_URL: "https://pms.example.co.jp" });
    expect(full.stderr).toBe("");
    expect(full.status).toBe(0);
  });
});
