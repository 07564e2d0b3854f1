import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authConfig } from "./config";
import { sessionClaims } from "./session-token";
import { accountForSession, type SessionAccount } from "@/db/queries/sessions";
import { PAGE_PATH_HEADER, loginUrlFor } from "@/lib/security/redirect";
import type { Role, SessionUser } from "./roles";

/**
 * The signed-in user as the database says now (not as the token remembers): the cookie's session
 * must be live (not revoked, within the absolute lifetime and the idle timeout) and its user active
 * — one query per request (db/queries/sessions.ts, docs/security.md). A deactivated user, a changed
 * role, a sign-out or a password reset is seen on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSessionAccount();
  return account?.role ? { ...account, role: account.role } : null;
});

/**
 * The live session's account, with or without a role: an account created at its first single
 * sign-on has none until the privacy manager gives it one (docs/security.md, "Single sign-on").
 */
export const getSessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const claims = await sessionClaims((await headers()).get("cookie"), authConfig.secret);
  if (claims === null) return null;
  return accountForSession(claims);
});

/** Where an account without a role is sent. */
export const WAITING_PATH = "/waiting-for-access";

/**
 * For pages: the user, or a redirect to /login that returns to this page after signing in (the
 * cookie may be valid while its session has ended on the server). With roles: the user, or the
 * forbidden page.
 */
export async function requirePageUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (await getSessionAccount()) redirect(WAITING_PATH);
    redirect(loginUrlFor((await headers()).get(PAGE_PATH_HEADER)));
  }
  if (roles && !roles.includes(user.role)) redirect("/forbidden");
  return user;
}
