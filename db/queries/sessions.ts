import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type DbOrTx } from "@/db";
import { sessions, users } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import type { SessionClaims } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { recordAudit } from "./audit";

/**
 * Server-side sessions (docs/security.md, "Sessions"). The Auth.js cookie names a row of `sessions`
 * by its id; a request is served only while that row is live: not revoked, younger than the
 * absolute lifetime (PMS_SESSION_MAX_HOURS) and seen within the idle timeout
 * (PMS_SESSION_IDLE_MINUTES), and its user is active. Ending a session is a row update, so it
 * holds on every app instance at once; a revoked row is never revived.
 */

/** Why a session ended (sessions.revoke_reason). */
export type RevokeReason = "sign_out" | "sign_out_everywhere" | "revoked_by_manager" | "password_reset" | "password_changed" | "deactivated" | "role_changed";

/** last_seen_at is written at most this often per session: most requests only read. */
export const TOUCH_INTERVAL_MS = 60_000;
/** Ended sessions (revoked or expired) are deleted this long after they were last seen or revoked. */
export const PURGE_AFTER_DAYS = 30;
/** At most this many old rows are deleted per sign-in, so a sign-in never waits on a big delete. */
const PURGE_BATCH = 500;

export function sessionLimits() {
  const e = env();
  return { maxMs: e.PMS_SESSION_MAX_HOURS * 3_600_000, idleMs: e.PMS_SESSION_IDLE_MINUTES * 60_000 };
}

/** The rows that still let a request in at `now` (the user's activity is checked beside it). */
function live(now: Date): SQL {
  const { maxMs, idleMs } = sessionLimits();
  return and(
    isNull(sessions.revokedAt),
    gt(sessions.createdAt, new Date(now.getTime() - maxMs)),
    gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)),
  )!;
}

function isLive(row: { createdAt: Date; lastSeenAt: Date }, now: Date) {
  const { maxMs, idleMs } = sessionLimits();
  return row.createdAt.getTime() > now.getTime() - maxMs && row.lastSeenAt.getTime() > now.getTime() - idleMs;
}

/** A new session at sign-in; its id goes into the cookie. Old ended sessions are purged on the way. */
export async function createSession(userId: number, userAgent: string | null | undefined, method = "password", now = new Date()): Promise<string> {
  const db = await getDb();
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now, userAgent: userAgent ? userAgent.slice(0, 500) : null, method: method.slice(0, 100) });
  await purgeEndedSessions(now);
  return id;
}

/** The per-request check, prepared once per database handle: it runs on every API call and page. */
const sessionUserQueries = new WeakMap<Db, ReturnType<typeof prepareSessionUser>>();
function prepareSessionUser(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sid")),
        eq(sessions.userId, sql.placeholder("userId")),
        isNull(sessions.revokedAt),
        gt(sessions.createdAt, sql.placeholder("createdAfter")),
        gt(sessions.lastSeenAt, sql.placeholder("seenAfter")),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare("session_user");
}

/** A live session's account: its role is null while an account made at its first single sign-on waits for one. */
export type SessionAccount = Omit<SessionUser, "role"> & { role: SessionUser["role"] | null };

/**
 * The account of a cookie's claims, or null when the session is not live or the user is inactive:
 * one indexed query (sessions by primary key joined to users by primary key). The last-seen mark is
 * moved at most once a minute, by a conditional UPDATE.
 */
export async function accountForSession(claims: SessionClaims, now = new Date()): Promise<SessionAccount | null> {
  const db = await getDb();
  let query = sessionUserQueries.get(db);
  if (!query) sessionUserQueries.set(db, (query = prepareSessionUser(db)));
  const { maxMs, idleMs } = sessionLimits();
  const [row] = await query.execute({
    sid: claims.sid,
    userId: claims.userId,
    createdAfter: new Date(now.getTime() - maxMs).toISOString(),
    seenAfter: new Date(now.getTime() - idleMs).toISOString(),
  });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const staleBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, claims.sid), isNull(sessions.revokedAt), lt(sessions.lastSeenAt, staleBefore)));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * The signed-in user for a cookie's claims: a live session of an active user who has a role (an
 * account waiting for a role may use nothing but the "waiting for access" page).
 */
export async function userForSession(claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  const account = await accountForSession(claims, now);
  return account?.role ? { ...account, role: account.role } : null;
}

/** Ends one session (sign-out). True when it was still open. */
export async function revokeSession(sid: string, reason: RevokeReason, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(sessions.id, sid), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/**
 * Ends every open session of a user, inside the caller's transaction (a password reset, a
 * deactivation or a role change ends them in the same transaction as the change). `exceptSid`
 * keeps one (the caller's own, when they reset their own password). Audited whenever a live
 * session ended, and always when `audit: "always"` (an explicit "sign out everywhere").
 * Returns how many live sessions ended.
 */
export async function revokeUserSessions(
  tx: DbOrTx,
  actor: Pick<SessionUser, "id" | "email"> | null,
  userId: number,
  reason: RevokeReason,
  opts: { exceptSid?: string; now?: Date; audit?: "always" | "ifAny" } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), opts.exceptSid ? ne(sessions.id, opts.exceptSid) : undefined))
    .returning({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt });
  const liveCount = ended.filter((s) => isLive(s, now)).length;
  if (liveCount > 0 || opts.audit === "always") {
    await recordAudit(tx, actor, {
      action: "end",
      entity: "user_sessions",
      entityId: userId,
      after: { reason, sessionsEnded: liveCount, ...(opts.exceptSid ? { keptCurrentSession: true } : {}) },
    });
  }
  return liveCount;
}

/**
 * "Sign out everywhere": ends every session of a user (the caller's own, or any user's for the
 * privacy manager), audited. 404 when there is no such user.
 */
export async function endAllSessions(actor: SessionUser, userId: number): Promise<{ sessionsEnded: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!u) throw new NotFoundError();
    const reason: RevokeReason = actor.id === userId ? "sign_out_everywhere" : "revoked_by_manager";
    return { sessionsEnded: await revokeUserSessions(tx, actor, userId, reason, { audit: "always" }) };
  });
}

/** How many live sessions each of these users has (the users page shows it). */
export async function countLiveSessions(userIds: number[], now = new Date()): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (userIds.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({ userId: sessions.userId, n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(inArray(sessions.userId, userIds), live(now)))
    .groupBy(sessions.userId);
  for (const r of rows) out.set(r.userId, Number(r.n));
  return out;
}

/**
 * Deletes sessions that ended (revoked, or past a lifetime) more than PURGE_AFTER_DAYS ago, a
 * bounded batch at a time. A live session is seen within the idle timeout (at most a day), so a
 * row last seen that long ago is over whatever its state.
 */
export async function purgeEndedSessions(now = new Date(), limit = PURGE_BATCH): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000);
  const old = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(lt(sessions.lastSeenAt, cutoff), or(isNull(sessions.revokedAt), lt(sessions.revokedAt, cutoff))))
    .limit(limit);
  const deleted = await db.delete(sessions).where(inArray(sessions.id, old)).returning({ id: sessions.id });
  return deleted.length;
}
