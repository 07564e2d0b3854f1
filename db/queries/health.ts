import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getDbKind } from "@/db";
import { DB_TIMEOUTS } from "@/db/pool";

export type DatabaseKind = Awaited<ReturnType<typeof getDbKind>>;

/** Which database the app runs on: "postgres" (DATABASE_URL) or the embedded "pglite". */
export function databaseKind(): Promise<DatabaseKind> {
  return getDbKind();
}

/**
 * Whether the database answers: its kind once `select 1` returns; rejects when it does not, within
 * about the connect timeout whatever state the database is in (docs/security.md, "Database outages").
 */
export function pingDatabase(): Promise<DatabaseKind> {
  return withDeadline(
    (async () => {
      const db = await getDb();
      await db.execute(sql`select 1`);
      return getDbKind();
    })(),
    (DB_TIMEOUTS.connect + DB_TIMEOUTS.reconnectBackoffMax) * 1000,
  );
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: "CONNECT_TIMEOUT" })), ms);
  });
  work.catch(() => {}); // answered by the deadline: a late failure is not unhandled
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
