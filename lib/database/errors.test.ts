import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { errorCodes, isBrokenConnection, isDatabaseUnavailable, isStatementTimeout } from "./errors";

const pg = (code: string) => Object.assign(new Error(`postgres ${code}`), { code });
const wrapped = (code: string) => new DrizzleQueryError("select 1", [], pg(code));

describe("database error classes", () => {
  it.each([
    // SQLSTATE class 08 and the server going away or not ready
    "08000", "08003", "08006", "08001", "08004", "08P01", "57P01", "57P02", "57P03", "57P05",
    // class 53: too many connections, out of memory, disk full
    "53300", "53000", "53100", "53200", "53400",
    // postgres.js's own codes and Node's socket errors
    "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
    "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN",
  ])("%s means the database is unavailable, bare or wrapped by Drizzle", (code) => {
    expect(isDatabaseUnavailable(pg(code))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(code))).toBe(true);
  });

  it.each(["23505", "23503", "22P02", "22021", "40001", "57014", "42501", "28P01", "3D000", "XX000", "EACCES"])("%s is not an outage", (code) => {
    expect(isDatabaseUnavailable(pg(code))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(code))).toBe(false);
  });

  it("finds the code in a nested cause and in an AggregateError (Node trying IPv6 then IPv4)", () => {
    const refused = new AggregateError([pg("ECONNREFUSED"), pg("ECONNREFUSED")], "connect failed");
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: new Error("middle", { cause: pg("57P01") }) }))).toBe(true);
    expect(errorCodes(new DrizzleQueryError("q", [], refused))).toEqual(["ECONNREFUSED", "ECONNREFUSED"]);
  });

  it("ignores non-errors and cycles", () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    const a: { code: string; cause?: unknown } = { code: "x" };
    a.cause = a;
    expect(errorCodes(a).length).toBeLessThanOrEqual(7);
  });

  it("a broken connection is one that worked and stopped; a refused attempt is not", () => {
    for (const code of ["CONNECTION_CLOSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "08006"]) expect(isBrokenConnection(wrapped(code))).toBe(true);
    for (const code of ["ECONNREFUSED", "CONNECT_TIMEOUT", "57P03", "53300", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "23505"])
      expect(isBrokenConnection(wrapped(code))).toBe(false);
  });

  it("57014 is a statement timeout", () => {
    expect(isStatementTimeout(wrapped("57014"))).toBe(true);
    expect(isStatementTimeout(wrapped("57P01"))).toBe(false);
  });
});
