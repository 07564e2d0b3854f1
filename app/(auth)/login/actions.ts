"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth";
import { isDatabaseUnavailable } from "@/lib/database/errors";
import { appOrigin } from "@/lib/security/origin";
import { requestOriginFromHeaders, safeRedirectPath } from "@/lib/security/redirect";

export type LoginState = { error?: "invalid" | "rateLimited" | "unavailable"; email?: string };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  // The page the user opened before signing in, if it is one on this site (docs/security.md, "Redirects").
  const redirectTo = safeRedirectPath(form.get("callbackUrl"), appOrigin(requestOriginFromHeaders(await headers())));
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo });
    return {};
  } catch (err) {
    // signIn throws a redirect on success: only Auth.js errors are ours to handle.
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      // Auth.js wraps what authorize() threw: a database outage is not a wrong password.
      const cause = (err.cause as { err?: unknown } | undefined)?.err ?? err.cause;
      if (isDatabaseUnavailable(cause)) return { error: "unavailable", email };
      return { error: code === "rate_limited" ? "rateLimited" : "invalid", email };
    }
    throw err;
  }
}

export async function logoutAction() {
  const { signOut } = await import("@/lib/auth");
  await signOut({ redirectTo: "/login" });
}
