import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { loginAttempts, users } from "@/db/schema";
import { LOGIN_LIMITS, limitFor, type AttemptCounter, type LoginScope } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "./audit";

// Every function takes an optional database handle: the tests run one burst of sign-ins through two
// independent connection pools, as two app instances would.

export async function getUserForSignIn(email: string, handle?: DbOrTx) {
  const db = handle ?? (await getDb());
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return u;
}

// The user behind a session is read together with the session itself: userForSession in
// db/queries/sessions.ts (one query per request).

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const minutes = (n: number) => sql.raw(`interval '${Math.trunc(n)} minutes'`);

/** The row's window and lock have both ended (lib/auth/rate-limit.ts isSpent), in SQL. */
function spent(now: Date) {
  return sql`(${loginAttempts.windowStartedAt} <= ${at(now)} - ${minutes(LOGIN_LIMITS.windowMinutes)} and (${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} <= ${at(now)}))`;
}

/**
 * Counts one sign-in attempt BEFORE its password is checked, in one atomic upsert: the row lock
 * taken by ON CONFLICT serialises concurrent attempts on every app instance, and the returned
 * counter says whether this attempt is admitted (lib/auth/rate-limit.ts countAttempt/isAdmitted
 * state the same rule). `failures` holds the attempts counted in the current window.
 */
export async function countSignInAttempt(scope: LoginScope, key: string, now = new Date(), handle?: DbOrTx): Promise<AttemptCounter> {
  const db = handle ?? (await getDb());
  const limit = limitFor(scope);
  const fresh = spent(now);
  const [row] = await db
    .insert(loginAttempts)
    .values({ scope, key, failures: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [loginAttempts.scope, loginAttempts.key],
      set: {
        failures: sql`case when ${fresh} then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${at(now)} else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case
          when ${fresh} then null
          when ${loginAttempts.lockedUntil} > ${at(now)} then ${loginAttempts.lockedUntil}
          when ${loginAttempts.failures} + 1 > ${limit} then ${at(now)} + ${minutes(LOGIN_LIMITS.lockMinutes)}
          else ${loginAttempts.lockedUntil} end`,
      },
    })
    .returning({ attempts: loginAttempts.failures, windowStartedAt: loginAttempts.windowStartedAt, lockedUntil: loginAttempts.lockedUntil });
  return row;
}

/**
 * A successful sign-in takes back its own attempt from the window it was counted in — never the
 * lock, never the window (lib/auth/rate-limit.ts refundAttempt).
 */
export async function refundSignInAttempt(scope: LoginScope, key: string, countedIn: Date, handle?: DbOrTx): Promise<void> {
  const db = handle ?? (await getDb());
  await db
    .update(loginAttempts)
    .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
    .where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.key, key), sql`${loginAttempts.windowStartedAt} = ${at(countedIn)}`));
}

/**
 * Deletes up to `limit` rows whose window and lock have both ended (they mean nothing any more: the
 * next attempt would start afresh). The condition is repeated outside the sub-select so that a row
 * an attempt has just renewed is re-checked under its lock and kept. Returns the number deleted.
 */
export async function purgeSpentLoginAttempts(now = new Date(), limit = 500, handle?: DbOrTx): Promise<number> {
  const db = handle ?? (await getDb());
  const gone = await db
    .delete(loginAttempts)
    .where(
      and(
        sql`(${loginAttempts.scope}, ${loginAttempts.key}) in (select la.scope, la.key from login_attempts la where la.window_started_at <= ${at(now)} - ${minutes(LOGIN_LIMITS.windowMinutes)} and (la.locked_until is null or la.locked_until <= ${at(now)}) limit ${Math.max(1, Math.trunc(limit))})`,
        spent(now),
      ),
    )
    .returning({ key: loginAttempts.key });
  return gone.length;
}

export async function markSignedIn(id: number, handle?: DbOrTx) {
  const db = handle ?? (await getDb());
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

/**
 * Sign-ins in the audit trail (docs/security.md, "Audit trail of sign-ins"): every sign-in with its
 * method, every refused one whose password or code was checked, with the reason. Attempts refused
 * unchecked by the rate limit are counted in login_attempts, not written one by one.
 */
export async function recordSignInEvent(
  event:
    | { ok: true; user: Pick<SessionUser, "id" | "email">; method: string }
    | { ok: false; user?: Pick<SessionUser, "id" | "email"> | null; email?: string | null; reason: string; method: string },
  handle?: DbOrTx,
): Promise<void> {
  const db = handle ?? (await getDb());
  if (event.ok) {
    // "Last sign-in" is the moment the whole sign-in succeeded (after the second factor where there is
    // one), not the moment the password was accepted.
    await markSignedIn(event.user.id, db);
    await recordAudit(db, event.user, { action: "sign_in", entity: "sign_in", entityId: event.user.id, after: { method: event.method } });
    return;
  }
  const email = event.user?.email ?? event.email?.slice(0, 200) ?? null;
  await recordAudit(db, event.user ?? null, {
    action: "sign_in_failed",
    entity: "sign_in",
    entityId: event.user?.id ?? email,
    after: { method: event.method, reason: event.reason, ...(email ? { email } : {}) },
  });
}
