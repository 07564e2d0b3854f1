import { isDatabaseUnavailable, isStatementTimeout } from "@/lib/database/errors";

/**
 * Typed errors the domain and query layers throw; the route helper turns them into
 * application/problem+json (RFC 9457) with a message in the caller's language.
 * `messageKey` is a key of messages/*.json; `values` fill its placeholders.
 */
export type FieldError = { field: string; code: string; messageKey: string; values?: Record<string, string | number> };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    /** Sent as the Retry-After header (seconds) on 429 and 503 answers. */
    readonly retryAfterSeconds?: number,
  ) {
    super(messageKey);
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: FieldError[], messageKey = "problems.validation") {
    super(400, "validation", messageKey, {}, fieldErrors);
  }
}

export class BadRequestError extends AppError {
  constructor(messageKey: string, values: Record<string, string | number> = {}) {
    super(400, "bad-request", messageKey, values);
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super(401, "unauthorized", "problems.unauthorized");
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = "problems.forbidden") {
    super(403, "forbidden", messageKey);
  }
}

export class NotFoundError extends AppError {
  constructor(messageKey = "problems.notFound") {
    super(404, "not-found", messageKey);
  }
}

/** A stale edit (the version the client saw is no longer current) or a duplicate. */
export class ConflictError extends AppError {
  constructor(messageKey = "problems.staleVersion", values: Record<string, string | number> = {}, fieldErrors: FieldError[] = []) {
    super(409, "conflict", messageKey, values, fieldErrors);
  }
}

/**
 * The version the client sent is no longer the record's: 409, and the problem carries the current
 * version (member `currentVersion`) so a client can tell the user and reload (docs/architecture-versioned-writes.md).
 */
export class StaleVersionError extends ConflictError {
  constructor(
    readonly currentVersion: number,
    messageKey = "problems.staleVersion",
  ) {
    super(messageKey);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(messageKey = "problems.tooManyRequests", values: Record<string, string | number> = {}, retryAfterSeconds?: number) {
    super(429, "too-many-requests", messageKey, values, [], retryAfterSeconds);
  }
}

/** Seconds a client is told to wait (Retry-After) before trying again while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503: the database cannot be reached right now (docs/security.md, "Database outages"). */
export class ServiceUnavailableError extends AppError {
  constructor(messageKey = "problems.databaseUnavailable", retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS) {
    super(503, "unavailable", messageKey, {}, [], retryAfterSeconds);
  }
}

/**
 * 504: the database is up but did not finish this request's statement within statement_timeout.
 * Not a 503: clients retry a 503 by themselves, and repeating a slow statement against a busy
 * database makes it busier.
 */
export class DatabaseTimeoutError extends AppError {
  constructor(messageKey = "problems.databaseTimeout") {
    super(504, "timeout", messageKey);
  }
}

/** SQLSTATE of a database error, whether postgres.js, PGlite or wrapped by Drizzle. */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Database errors a client can provoke with bad input, mapped to a 4xx; an unreachable database to a
 * 503 with Retry-After, a statement timeout to a 504; anything else stays a 500.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableError();
  if (isStatementTimeout(err)) return new DatabaseTimeoutError();
  switch (sqlState(err)) {
    case "23505":
      return new ConflictError("problems.duplicate");
    case "23503":
      return new BadRequestError("problems.reference");
    case "23514":
    case "23502":
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "22021": // a character not in the database's encoding (NUL)
    case "22P05": // a character with no equivalent in the database's encoding
      return new BadRequestError("problems.invalidValue");
    case "40001":
    case "40P01":
      return new ConflictError("problems.retry");
    default:
      return undefined;
  }
}
