import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authConfig } from "./config";
import { sessionClaims } from "./session-token";
import { userForSession } from "@/db/queries/sessions";
import { PAGE_PATH_HEADER, loginUrlFor } from "@/lib/security/redirect";
import type { Role, SessionUser } from "./roles";

/**
 * The signed-in user as the database says now (not as the token remembers): the cookie's session
 * must be live (not revoked, within the absolute lifetime and the idle timeout) and its user active
 * — one query per request (db/queries/sessions.ts, docs/security.md). A deactivated user, a changed
 * role, a sign-out or a password reset is seen on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims((await headers()).get("cookie"), authConfig.secret);
  if (claims === null) return null;
  return userForSession(claims);
});

/**
 * For pages: the user, or a redirect to /login that returns to this page after signing in (the
 * cookie may be valid while its session has ended on the server). With roles: the user, or the
 * forbidden page.
 */
export async function requirePageUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrlFor((await headers()).get(PAGE_PATH_HEADER)));
  if (roles && !roles.includes(user.role)) redirect("/forbidden");
  return user;
}
