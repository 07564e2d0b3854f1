import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { requestCounters } from "@/db/schema";
import { TooManyRequestsError } from "@/lib/api/errors";
import { retryAfterSeconds, retryMessageValues, windowEnd, type RequestLimit } from "@/lib/security/request-limits";

/** Share of counted requests that also delete a batch of ended windows of their scope. */
const PURGE_CHANCE = 0.02;

export type CounterTake = { allowed: boolean; count: number; windowEndsAt: Date; retryAfterSeconds: number };

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const seconds = (n: number) => sql.raw(`interval '${Math.trunc(n)} seconds'`);

/**
 * Takes one request from a fixed-window counter (lib/security/request-limits.ts), in one atomic
 * upsert: the row lock ON CONFLICT takes serialises concurrent requests on every app instance. The
 * count is raised only while it is under the limit (or the window has ended), so a refused request
 * changes nothing. Inside a transaction the count is part of it: a write that fails afterwards gives
 * its request back.
 */
export async function takeRequest(l: RequestLimit, opts: { now?: Date; db?: DbOrTx } = {}): Promise<CounterTake> {
  const now = opts.now ?? new Date();
  const db = opts.db ?? (await getDb());
  const fresh = sql`(${requestCounters.windowStartedAt} <= ${at(now)} - ${seconds(l.windowSeconds)})`;
  const [row] = await db
    .insert(requestCounters)
    .values({ scope: l.scope, key: l.key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: [requestCounters.scope, requestCounters.key],
      set: {
        count: sql`case when ${fresh} then 1 else ${requestCounters.count} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${at(now)} else ${requestCounters.windowStartedAt} end`,
      },
      setWhere: sql`${fresh} or ${requestCounters.count} < ${l.limit}`,
    })
    .returning({ count: requestCounters.count, windowStartedAt: requestCounters.windowStartedAt });
  if (row) {
    const end = windowEnd(row.windowStartedAt, l.windowSeconds);
    return { allowed: row.count <= l.limit, count: row.count, windowEndsAt: end, retryAfterSeconds: retryAfterSeconds(end, now) };
  }
  // Nothing was written: the window is full. Read it to say when it ends.
  const [full] = await db
    .select({ count: requestCounters.count, windowStartedAt: requestCounters.windowStartedAt })
    .from(requestCounters)
    .where(and(eq(requestCounters.scope, l.scope), eq(requestCounters.key, l.key)));
  const end = windowEnd(full?.windowStartedAt ?? now, l.windowSeconds);
  return { allowed: false, count: full?.count ?? l.limit, windowEndsAt: end, retryAfterSeconds: retryAfterSeconds(end, now) };
}

/**
 * Takes one request or throws TooManyRequestsError (429, Retry-After, a message saying from when
 * the user may try again). Call it first in the write's transaction, before anything is written.
 */
export async function enforceRequestLimit(l: RequestLimit, messageKey: string, opts: { now?: Date; db?: DbOrTx } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const take = await takeRequest(l, { ...opts, now });
  if (!take.allowed) throw new TooManyRequestsError(messageKey, retryMessageValues(l.limit, take.windowEndsAt, now), take.retryAfterSeconds);
}

/**
 * Now and then (PURGE_CHANCE of calls) deletes a batch of ended windows of this limit's scope, so the
 * table does not grow with every user who ever wrote. Call it outside the write's transaction: a
 * batch delete there would hold other users' rows until the commit.
 */
export async function purgeEndedWindowsSometimes(l: RequestLimit, opts: { now?: Date; db?: DbOrTx; chance?: number } = {}): Promise<number> {
  if (Math.random() >= (opts.chance ?? PURGE_CHANCE)) return 0;
  return purgeEndedWindows(l.scope, l.windowSeconds, opts.now ?? new Date(), 500, opts.db);
}

/**
 * Deletes up to `limit` counters of one scope whose window has ended (the next request would start
 * afresh anyway). The condition is repeated outside the sub-select so that a row a request has just
 * renewed is re-checked under its lock and kept. Returns the number deleted.
 */
export async function purgeEndedWindows(scope: string, windowSeconds: number, now = new Date(), limit = 500, handle?: DbOrTx): Promise<number> {
  const db = handle ?? (await getDb());
  const ended = sql`${requestCounters.windowStartedAt} <= ${at(now)} - ${seconds(windowSeconds)}`;
  const gone = await db
    .delete(requestCounters)
    .where(
      and(
        eq(requestCounters.scope, scope),
        sql`${requestCounters.key} in (select rc.key from request_counters rc where rc.scope = ${scope} and rc.window_started_at <= ${at(now)} - ${seconds(windowSeconds)} limit ${Math.max(1, Math.trunc(limit))})`,
        ended,
      ),
    )
    .returning({ key: requestCounters.key });
  return gone.length;
}
