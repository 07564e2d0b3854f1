import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts, users } from "@/db/schema";
import { LOGIN_LIMITS, limitFor } from "@/lib/auth/rate-limit";

export async function getUserForSignIn(email: string) {
  const db = await getDb();
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return u;
}

/** The user behind a session, re-read on every request: inactive users get nothing. */
export async function getActiveUser(id: number) {
  const db = await getDb();
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return u;
}

export async function getLock(scope: "account" | "address", key: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.key, key)));
  return row?.lockedUntil ?? null;
}

/** Counts one failure atomically (safe across app instances) and locks when the limit is reached. */
export async function recordFailure(scope: "account" | "address", key: string): Promise<{ failures: number; lockedUntil: Date | null }> {
  const db = await getDb();
  const window = sql.raw(`interval '${LOGIN_LIMITS.windowMinutes} minutes'`);
  const lock = sql.raw(`interval '${LOGIN_LIMITS.lockMinutes} minutes'`);
  const limit = limitFor(scope);
  const fresh = sql`(${loginAttempts.windowStartedAt} < now() - ${window} and (${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} < now()))`;
  const next = sql`(case when ${fresh} then 1 else ${loginAttempts.failures} + 1 end)`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ scope, key, failures: 1, windowStartedAt: new Date(), lockedUntil: limit <= 1 ? sql`now() + ${lock}` : null })
    .onConflictDoUpdate({
      target: [loginAttempts.scope, loginAttempts.key],
      set: {
        failures: next,
        windowStartedAt: sql`case when ${fresh} then now() else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${next} >= ${limit} then now() + ${lock} else ${loginAttempts.lockedUntil} end`,
      },
    })
    .returning({ failures: loginAttempts.failures, lockedUntil: loginAttempts.lockedUntil });
  return row;
}

export async function clearFailures(scope: "account" | "address", key: string) {
  const db = await getDb();
  await db.delete(loginAttempts).where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.key, key)));
}

export async function markSignedIn(id: number) {
  const db = await getDb();
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}
