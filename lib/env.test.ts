import { describe, expect, it } from "vitest";
import path from "node:path";
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
