import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { BadRequestError, ConflictError, DATABASE_RETRY_AFTER_SECONDS, DatabaseTimeoutError, ServiceUnavailableError, fromDatabaseError } from "./errors";
import { problemResponse } from "./problem";

const pg = (code: string) => new DrizzleQueryError("insert …", [], Object.assign(new Error(`postgres ${code}`), { code }));

describe("fromDatabaseError: outages, timeouts and characters the database cannot store", () => {
  it.each(["57P01", "57P02", "57P03", "53300", "08006", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"])(
    "%s → 503 with Retry-After",
    (code) => {
      const e = fromDatabaseError(pg(code));
      expect(e).toBeInstanceOf(ServiceUnavailableError);
      expect(e?.status).toBe(503);
      expect(e?.retryAfterSeconds).toBe(DATABASE_RETRY_AFTER_SECONDS);
    },
  );

  it("57014 (statement timeout) → 504, not retried by clients", () => {
    const e = fromDatabaseError(pg("57014"));
    expect(e).toBeInstanceOf(DatabaseTimeoutError);
    expect(e?.status).toBe(504);
    expect(e?.retryAfterSeconds).toBeUndefined();
  });

  it.each(["22021", "22P05"])("%s (a character the database cannot store) → 400 invalidValue", (code) => {
    const e = fromDatabaseError(pg(code));
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e?.messageKey).toBe("problems.invalidValue");
  });

  it("keeps the existing mappings and leaves the unknown a 500", () => {
    expect(fromDatabaseError(pg("23505"))).toBeInstanceOf(ConflictError);
    expect(fromDatabaseError(pg("23503"))?.status).toBe(400);
    expect(fromDatabaseError(pg("40001"))?.status).toBe(409);
    expect(fromDatabaseError(pg("42P01"))).toBeUndefined();
    expect(fromDatabaseError(new Error("boom"))).toBeUndefined();
  });

  it("answers problem+json with Retry-After, in the caller's language", async () => {
    const en = problemResponse(fromDatabaseError(pg("ECONNREFUSED"))!, "en", "/api/v1/incidents");
    expect(en.status).toBe(503);
    expect(en.headers.get("retry-after")).toBe("5");
    expect(en.headers.get("content-type")).toContain("application/problem+json");
    expect(await en.json()).toMatchObject({ type: "/problems/unavailable", title: "Service unavailable", status: 503, detail: expect.stringContaining("database is unavailable") });
    const ja = await problemResponse(fromDatabaseError(pg("57P01"))!, "ja").json();
    expect(ja.detail).toBe("データベースに接続できません。数秒後にもう一度お試しください。");
    expect(ja.title).toBe("ただいま利用できません");
    const timeout = await problemResponse(fromDatabaseError(pg("57014"))!, "ja").json();
    expect(timeout).toMatchObject({ status: 504, type: "/problems/timeout", title: "タイムアウトしました" });
  });
});
