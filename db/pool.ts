import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { errorCodes, isBrokenConnection } from "@/lib/database/errors";

type Sql = postgres.Sql;

/**
 * Time limits of the app's Postgres connections (docs/security.md, "Database outages"), in seconds.
 * While the database is down a request fails within about `connect` + `reconnectBackoffMax` seconds
 * (503) instead of waiting: postgres.js's defaults are a 30 s connect timeout and a reconnect backoff
 * growing to 20 s (the 14.5 s hangs seen during a restart).
 */
export const DB_TIMEOUTS = {
  /** TCP connect, TLS and authentication, until the server is ready for a query. */
  connect: 5,
  /**
   * statement_timeout of the runtime role's sessions: the slowest statements the app runs take a few
   * seconds at the benchmark's 10× size (the score trend's twelve month-ends ~2.3 s; an import sends
   * 5,000-row batches), so 30 s only stops a runaway statement or a lock wait. Not on the owner's
   * handle (the large seed rebuilds indexes on a million rows).
   */
  statement: 30,
  /** An unused connection is closed after this long (a half-dead one is not kept for hours). */
  idle: 60,
  /** Every connection is replaced after this long, between queries. */
  maxLifetime: 30 * 60,
  /** Ceiling of the wait between reconnect attempts (postgres.js's curve, capped). */
  reconnectBackoffMax: 1,
  /** How long work already running on a retired pool may finish before its sockets are closed. */
  retireGrace: 60,
} as const;

/** The pool behind DATABASE_URL: ten connections with the limits above, retired when one breaks. */
export function openPool(url: string, { statementTimeout }: { statementTimeout: boolean }): Sql {
  const create = () => {
    const client = postgres(url, {
      max: 10,
      onnotice: () => {},
      connect_timeout: DB_TIMEOUTS.connect,
      idle_timeout: DB_TIMEOUTS.idle,
      max_lifetime: DB_TIMEOUTS.maxLifetime,
      backoff: (attempt) => (0.5 + Math.random() / 2) * Math.min(3 ** attempt / 100, DB_TIMEOUTS.reconnectBackoffMax),
      connection: statementTimeout ? { statement_timeout: DB_TIMEOUTS.statement * 1000 } : {},
    });
    // Drizzle installs its type parsers (dates kept as strings) on the client it is given: a pool
    // that replaces a retired one gets them the same way.
    drizzle({ client });
    return client;
  };
  return retiringPool(create, {
    graceSeconds: DB_TIMEOUTS.retireGrace,
    onRetire: (err) => console.warn(`[pms] a database connection broke (${describeDatabaseError(err)}); later queries use a fresh connection pool`),
  });
}

/**
 * A postgres.js client that, when one of its connections breaks, retires its whole pool and sends
 * every later query to a fresh one (docs/security.md, "Database outages").
 *
 * Why: postgres.js 3.4 keeps per-connection state across reconnects. When the server ends a session
 * while a query is in flight (a restart sends `57P01 terminating connection due to administrator
 * command`), the connection records that error, fails the query with CONNECTION_CLOSED, and keeps
 * both the finished query and the recorded error. The connection object stays in the pool; the next
 * time it is needed — seconds or hours later — it reconnects and, on the server's first
 * ReadyForQuery, "finishes" the old query with the old error, which rejects the new query instead
 * (reproduced in tests/integration/db-outage.test.ts). A connection object cannot be reset from
 * outside, so the pool that holds it is dropped: in-flight work on it may finish (up to
 * `graceSeconds`), then its sockets are closed. Refused or timed-out connection attempts leave no
 * such state and do not retire anything, so an outage does not churn pools.
 *
 * The handle keeps working without being reopened; Drizzle sees one client.
 */
export function retiringPool(create: () => Sql, opts: { graceSeconds: number; onRetire?: (err: unknown) => void }): Sql {
  let current = create();
  let ended = false;

  const observe = (value: unknown, pool: Sql) => {
    // Native `then`: postgres.js's Query overrides `then` to start the query; attaching this way
    // only listens, so `.values()`, `.writable()`… still work on the returned query.
    if (value instanceof Promise) Promise.prototype.then.call(value, undefined, (err: unknown) => failed(err, pool));
    return value;
  };

  const failed = (err: unknown, pool: Sql) => {
    if (ended || pool !== current || !isBrokenConnection(err)) return;
    current = create();
    void pool.end({ timeout: opts.graceSeconds }).catch(() => {});
    opts.onRetire?.(err);
  };

  const wrap =
    (name: "unsafe" | "file" | "begin" | "reserve") =>
    (...args: unknown[]) => {
      const pool = current;
      return observe((pool[name] as (...a: unknown[]) => unknown)(...args), pool);
    };

  const methods: Record<string | symbol, unknown> = {
    unsafe: wrap("unsafe"),
    file: wrap("file"),
    begin: wrap("begin"),
    reserve: wrap("reserve"),
    end: async (o?: { timeout?: number }) => {
      ended = true;
      await current.end(o);
    },
  };

  return new Proxy((() => {}) as unknown as Sql, {
    apply: (_target, thisArg, args) => {
      const pool = current;
      return observe(Reflect.apply(pool as unknown as (...a: unknown[]) => unknown, thisArg, args), pool);
    },
    get: (_target, prop) => (prop in methods ? methods[prop] : Reflect.get(current, prop)),
    set: (_target, prop, value) => Reflect.set(current, prop, value),
    has: (_target, prop) => prop in current,
  });
}

/** One line for the server log: the codes along the error's cause chain, and its message. */
export function describeDatabaseError(err: unknown): string {
  const codes = [...new Set(errorCodes(err))].join("/");
  const message = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
  return codes ? `${codes}: ${message}` : message;
}
