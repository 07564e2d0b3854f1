import { z } from "zod";
import { verifyPassword } from "./password";
import { countSignInAttempt, getUserForSignIn, purgeSpentLoginAttempts, refundSignInAttempt } from "@/db/queries/auth";
import type { DbOrTx } from "@/db";
import { requestClientAddress } from "@/lib/security/client-address";
import { env } from "@/lib/env";
import { passwordAllowedFor, type SignInPolicy } from "./oidc-config";
import { isAdmitted, isExhausted, limitFor } from "./rate-limit";
import type { SessionUser } from "./roles";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

// A real bcrypt hash of nothing anybody knows: unknown emails cost the same time as known ones.
const DUMMY_HASH = "$2b$10$xUTT7xlO78d4gRYnqJsMsO57uRwZKVOobKka17L9goRutW.I1XIUS";

/** Share of sign-in attempts that also delete a batch of spent counters (so login_attempts stays small). */
const PURGE_CHANCE = 0.02;

export type SignInOutcome =
  | { ok: true; user: SessionUser; breakGlass: boolean }
  | { ok: false; reason: "invalid" | "rate_limited" | "password_disabled" };

export type SignInOptions = {
  now?: Date;
  /** The database handle (tests pass two pools standing for two app instances). */
  db?: DbOrTx;
  /** The password check (tests count its calls). */
  verify?: (plain: string, hash: string) => Promise<boolean>;
  /** Probability that this attempt purges spent counters; tests set 0 or 1. */
  purgeChance?: number;
  /** Password sign-in on or off, and the break-glass accounts (default: the environment's). */
  policy?: SignInPolicy;
};

/** The address a sign-in counts against: the socket, or the configured trusted proxy hop (lib/security/client-address.ts). */
export function clientAddress(headers: Headers | undefined): string {
  return requestClientAddress(headers);
}

/**
 * Checks a sign-in (docs/security.md, "Sign-in limits"; the rule is in lib/auth/rate-limit.ts).
 * The attempt is counted first, per client address and then per account, each in one atomic
 * upsert in the database, so the limit holds across concurrent requests and app instances; only an
 * attempt both counters admit has its password verified. An attempt refused by its address is not
 * counted against the account, so a flood from one address cannot lock an account by itself beyond
 * that address's own limit.
 *
 * With password sign-in switched off (PMS_PASSWORD_SIGN_IN=off), only the break-glass e-mails are
 * checked at all — every other e-mail is refused before anything is counted or hashed, the same
 * answer whether the account exists or not — and a break-glass account must be an active privacy
 * manager (docs/security.md, "Single sign-on").
 */
export async function checkCredentials(raw: unknown, address: string, opts: SignInOptions = {}): Promise<SignInOutcome> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const policy = opts.policy ?? env().signInPolicy;
  if (!passwordAllowedFor(policy, email)) return { ok: false, reason: "password_disabled" };
  const breakGlass = !policy.passwordSignIn;
  const now = opts.now ?? new Date();
  const db = opts.db;
  const verify = opts.verify ?? verifyPassword;

  if (Math.random() < (opts.purgeChance ?? PURGE_CHANCE)) {
    await purgeSpentLoginAttempts(now, 500, db).catch((err) => console.error("Purging spent sign-in counters failed", err));
  }

  const byAddress = await countSignInAttempt("address", address, now, db);
  if (!isAdmitted(byAddress, now, limitFor("address"))) return { ok: false, reason: "rate_limited" };
  const byAccount = await countSignInAttempt("account", email, now, db);
  if (!isAdmitted(byAccount, now, limitFor("account"))) return { ok: false, reason: "rate_limited" };

  const user = await getUserForSignIn(email, db);
  const ok = await verify(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active || !user.role) {
    const exhausted = isExhausted(byAccount, now, limitFor("account")) || isExhausted(byAddress, now, limitFor("address"));
    return { ok: false, reason: exhausted ? "rate_limited" : "invalid" };
  }
  // A break-glass e-mail opens only a privacy manager's account.
  if (breakGlass && user.role !== "privacy_manager") return { ok: false, reason: "password_disabled" };
  await Promise.all([
    refundSignInAttempt("account", email, byAccount.windowStartedAt, db),
    refundSignInAttempt("address", address, byAddress.windowStartedAt, db),
  ]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, breakGlass };
}
