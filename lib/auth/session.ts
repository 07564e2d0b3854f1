import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authConfig } from "./config";
import { sessionUserId } from "./session-token";
import { getActiveUser } from "@/db/queries/auth";
import type { Role, SessionUser } from "./roles";

/**
 * The signed-in user as the database says now (not as the token remembers): a deactivated user
 * gets null, a changed role is seen on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await sessionUserId((await headers()).get("cookie"), authConfig.secret);
  if (id === null) return null;
  const user = await getActiveUser(id);
  return user ?? null;
});

/** For pages: the user, or a redirect to /login. With roles: the user, or the forbidden page. */
export async function requirePageUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (roles && !roles.includes(user.role)) redirect("/forbidden");
  return user;
}
