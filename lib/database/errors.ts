/**
 * Which database failures mean "the database cannot be reached right now" (docs/security.md,
 * "Database outages"). Pure: it reads the `code` of an error and of its causes — postgres.js puts the
 * SQLSTATE there, or its own code (CONNECTION_CLOSED…), or Node's socket code (ECONNREFUSED…); Drizzle
 * wraps the driver's error as `cause`; Node's connection attempts to several addresses throw an
 * AggregateError whose `errors` carry the codes.
 */

/** Codes of the client side: postgres.js's own, then Node's socket and name-lookup errors. */
const CLIENT_UNAVAILABLE = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs outside classes 08 (connection exception) and 53 (insufficient resources: too many
 * connections, out of memory, disk full) that mean the server is going away or not ready:
 * admin shutdown, crash shutdown, cannot connect now (starting up / shutting down), idle session timeout.
 */
const SERVER_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "57P05"]);

/**
 * The errors that can only happen to a connection that was established and then broke. After one of
 * them the connection object must not be trusted again (db/pool.ts): refused or timed-out connection
 * attempts, 57P03 and 53300 are not in this list — they happen before a connection exists.
 */
const BROKEN = new Set(["CONNECTION_CLOSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P05", "08000", "08003", "08006", "08007", "08P01"]);

/** Every `code` string on the error, its causes and (one level of) aggregated errors, outermost first. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || depth > 6) return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const x of inner.slice(0, 8)) visit(x, depth + 1);
    visit((e as { cause?: unknown }).cause, depth + 1);
  };
  visit(err, 0);
  return codes;
}

/** SQLSTATE class 08 or 53 (five characters; no client code starts with a digit). */
const inUnavailableClass = (code: string) => /^(08|53)[0-9A-Z]{3}$/.test(code);

/** The database is down, restarting, unreachable or out of connections: worth retrying in a few seconds. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return errorCodes(err).some(
    (c) => CLIENT_UNAVAILABLE.has(c) || SERVER_UNAVAILABLE.has(c) || inUnavailableClass(c),
  );
}

/** A connection that had been working broke (see BROKEN). */
export function isBrokenConnection(err: unknown): boolean {
  return errorCodes(err).some((c) => BROKEN.has(c));
}

/** 57014: statement_timeout fired (or the statement was cancelled). */
export function isStatementTimeout(err: unknown): boolean {
  return errorCodes(err).includes("57014");
}
