import "server-only";
import { checkCredentials } from "./authorize";
import { openChallenge, type Challenge } from "./sign-in-challenge";
import type { SessionUser } from "./roles";
import { recordSignInEvent } from "@/db/queries/auth";
import { hasSecondFactor, verifySecondFactor } from "@/db/queries/second-factor";
import { getSecuritySettings } from "@/db/queries/settings";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";

/**
 * A password sign-in in its steps (docs/security.md, "Second factor"): the password (with its limits
 * and the password policy), then — for an account with a second factor, or a privacy manager whom
 * the security setting requires to have one — a code. Each step's outcome is audited. Auth.js's
 * credentials provider (lib/auth/index.ts) drives these; the login page's actions only pass input on.
 */

/** How a session was opened (sessions.method, the audit row's `method`). */
export type SignInMethod = "password" | "password+totp" | "password+recovery_code" | "break_glass" | "break_glass+totp" | "break_glass+recovery_code" | `oidc:${string}`;

export type PasswordStep =
  | { ok: true; user: SessionUser; next: "done"; method: SignInMethod }
  | { ok: true; user: SessionUser; next: "verify" | "enrol"; breakGlass: boolean }
  | { ok: false; reason: "invalid" | "rate_limited" | "password_disabled" };

export async function passwordStep(raw: unknown, address: string): Promise<PasswordStep> {
  const outcome = await checkCredentials(raw, address);
  const method = (breakGlass: boolean) => (breakGlass ? "break_glass" : "password");
  if (!outcome.ok) {
    const email = typeof (raw as { email?: unknown })?.email === "string" ? ((raw as { email: string }).email.trim().toLowerCase() || null) : null;
    // Refusals the limit made without checking anything are not written one by one (a flood would fill the trail).
    if (outcome.reason !== "rate_limited") await recordSignInEvent({ ok: false, email, reason: outcome.reason, method: "password" });
    return outcome;
  }
  const { user, breakGlass } = outcome;
  if (await hasSecondFactor(user.id)) return { ok: true, user, next: "verify", breakGlass };
  if (user.role === "privacy_manager" && (await getSecuritySettings()).managerSecondFactorRequired) return { ok: true, user, next: "enrol", breakGlass };
  await recordSignInEvent({ ok: true, user, method: method(breakGlass) });
  return { ok: true, user, next: "done", method: method(breakGlass) };
}

export type CodeStep =
  | { ok: true; user: SessionUser; method: SignInMethod }
  | { ok: false; reason: "invalid_code" | "rate_limited" | "expired" };

/** The user a challenge names, if they may still sign in (active, with a role). */
async function challengedUser(c: Challenge): Promise<SessionUser | null> {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, c.uid));
  // Deactivated (or left without a role) between the steps: the challenge is worth nothing.
  if (!u || !u.active || !u.role) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

/**
 * The second step: the code typed against the challenge cookie's user, or — right after enrolling,
 * whose confirmation code was that step — nothing more.
 */
export async function codeStep(challengeCookie: string | undefined, code: unknown, secret: string): Promise<CodeStep> {
  const challenge = await openChallenge(challengeCookie, secret);
  if (!challenge || challenge.stage === "enrol") return { ok: false, reason: "expired" };
  const user = await challengedUser(challenge);
  if (!user) return { ok: false, reason: "expired" };
  const base = challenge.breakGlass ? "break_glass" : "password";
  if (challenge.stage === "enrolled") {
    const method: SignInMethod = `${base}+totp`;
    await recordSignInEvent({ ok: true, user, method });
    return { ok: true, user, method };
  }
  const check = await verifySecondFactor(user.id, typeof code === "string" ? code.slice(0, 40) : "");
  if (!check.ok) {
    if (check.reason === "invalid") await recordSignInEvent({ ok: false, user, reason: "invalid_code", method: `${base}+second_factor` });
    return { ok: false, reason: check.reason === "invalid" ? "invalid_code" : "rate_limited" };
  }
  const method: SignInMethod = `${base}+${check.method}`;
  await recordSignInEvent({ ok: true, user, method });
  return { ok: true, user, method };
}
