/**
 * Sign-in limits, per account (the email as typed, lower-cased) and per client address
 * (docs/security.md, "Sign-in limits"). The rule, which db/queries/auth.ts applies in one atomic
 * upsert per scope and these pure functions state:
 *
 * - Every attempt is counted BEFORE its password is verified. A window opens with the first
 *   attempt and lasts `windowMinutes`; within it the first `limit` attempts are admitted (their
 *   password is checked), every later one is refused unverified and starts a lock of `lockMinutes`
 *   (a running lock is never extended or shortened). While locked, every attempt is refused — the
 *   right password too. So N parallel attempts verify at most `limit` passwords.
 * - Once both the window and any lock have ended, the next attempt opens a fresh window.
 * - A successful sign-in takes back only its own attempt, and only from the window it was counted
 *   in (a person who mistyped twice keeps two). It never clears or shortens a lock and never moves
 *   the window, so a correct password inside a burst of guesses admits none of the guesses that
 *   come after it.
 * - A failure that leaves no attempt in the window is answered "rate_limited" (the next one would
 *   be refused), earlier failures "invalid".
 * - A row whose window and lock have both ended means nothing and may be deleted (purge).
 */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  lockMinutes: 15,
  account: 5,
  address: 30,
} as const;

/**
 * "second_factor" counts codes (TOTP or recovery) typed for one user id after their password was
 * accepted: the same window, limit and lock as an account (docs/security.md, "Second factor").
 * "password_change" counts current passwords typed by a signed-in user changing their own password
 * (keyed by user id; same limits), so a stolen session cannot be used to guess the password.
 */
export type LoginScope = "account" | "address" | "second_factor" | "password_change";

export function limitFor(scope: LoginScope): number {
  return scope === "address" ? LOGIN_LIMITS.address : LOGIN_LIMITS.account;
}

/** One scope's counter: `attempts` counted in the window that started at `windowStartedAt`. */
export type AttemptCounter = { attempts: number; windowStartedAt: Date; lockedUntil: Date | null };

const MINUTE = 60_000;

export function isLocked(c: Pick<AttemptCounter, "lockedUntil">, now: Date): boolean {
  return !!c.lockedUntil && c.lockedUntil > now;
}

/** The window and any lock are over: the next attempt starts afresh, and the row may be purged. */
export function isSpent(c: AttemptCounter, now: Date): boolean {
  return c.windowStartedAt.getTime() + LOGIN_LIMITS.windowMinutes * MINUTE <= now.getTime() && !isLocked(c, now);
}

/** The counter after one more attempt at `now` (what the upsert computes under the row lock). */
export function countAttempt(c: AttemptCounter | null, now: Date, limit: number): AttemptCounter {
  if (!c || isSpent(c, now)) return { attempts: 1, windowStartedAt: now, lockedUntil: null };
  const attempts = c.attempts + 1;
  const lockedUntil = isLocked(c, now) ? c.lockedUntil : attempts > limit ? new Date(now.getTime() + LOGIN_LIMITS.lockMinutes * MINUTE) : c.lockedUntil;
  return { attempts, windowStartedAt: c.windowStartedAt, lockedUntil };
}

/** Whether the attempt that produced this counter may have its password checked. */
export function isAdmitted(c: AttemptCounter, now: Date, limit: number): boolean {
  return !isLocked(c, now) && c.attempts <= limit;
}

/** After a failed admitted attempt: no attempt left in this window (or a lock already runs). */
export function isExhausted(c: AttemptCounter, now: Date, limit: number): boolean {
  return isLocked(c, now) || c.attempts >= limit;
}

/** A successful sign-in gives back its own attempt, counted in the window `countedIn`; nothing else changes. */
export function refundAttempt(c: AttemptCounter, countedIn: Date): AttemptCounter {
  if (c.windowStartedAt.getTime() !== countedIn.getTime()) return c;
  return { ...c, attempts: Math.max(0, c.attempts - 1) };
}

/** Minutes left on a lock (rounded up), or 0 when not locked. */
export function minutesLocked(lockedUntil: Date | null | undefined, now: Date): number {
  if (!lockedUntil || lockedUntil <= now) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 60000);
}
