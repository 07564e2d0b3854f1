"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { eq } from "drizzle-orm";
import { signIn, ssoProviders } from "@/lib/auth";
import { authConfig } from "@/lib/auth/config";
import { CHALLENGE_COOKIE, CHALLENGE_MAX_AGE_SECONDS, openChallenge, sealChallenge } from "@/lib/auth/sign-in-challenge";
import { isDatabaseUnavailable } from "@/lib/database/errors";
import { AppError } from "@/lib/api/errors";
import { appOrigin } from "@/lib/security/origin";
import { requestOriginFromHeaders, safeRedirectPath } from "@/lib/security/redirect";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { beginEnrolment, confirmEnrolment } from "@/db/queries/second-factor";

/**
 * The sign-in form in its steps (docs/security.md, "Second factor"): password → (code | enrolment →
 * recovery codes) → signed in. Every check happens in Auth.js's credentials provider
 * (lib/auth/sign-in.ts); between the steps an encrypted cookie names whose password was accepted.
 */
export type LoginStep = "password" | "code" | "enrol" | "recovery";
export type LoginError = "invalid" | "rateLimited" | "unavailable" | "passwordDisabled" | "invalidCode" | "expired";
export type LoginState = {
  step?: LoginStep;
  error?: LoginError;
  email?: string;
  enrol?: { qrSvg: string; secret: string };
  recoveryCodes?: string[];
};

const ERRORS: Record<string, LoginError> = {
  rate_limited: "rateLimited",
  password_disabled: "passwordDisabled",
  invalid_code: "invalidCode",
  expired: "expired",
};

async function target(form: FormData, field = "callbackUrl") {
  // The page the user opened before signing in, if it is one on this site (docs/security.md, "Redirects").
  return safeRedirectPath(form.get(field), appOrigin(requestOriginFromHeaders(await headers())));
}

/** Runs one Auth.js sign-in step; signIn throws a redirect on success, which must propagate. */
async function step(fields: Record<string, string>, form: FormData, prev: LoginState, onCode: (code: string) => LoginState): Promise<LoginState> {
  try {
    await signIn("credentials", { ...fields, redirectTo: await target(form) });
    return {};
  } catch (err) {
    // signIn throws a redirect on success: only Auth.js errors are ours to handle.
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code ?? "";
      // Auth.js wraps what authorize() threw: a database outage is not a wrong password.
      const cause = (err.cause as { err?: unknown } | undefined)?.err ?? err.cause;
      if (isDatabaseUnavailable(cause)) return { ...prev, error: "unavailable" };
      return onCode(code);
    }
    throw err;
  }
}

export async function loginAction(prev: LoginState, form: FormData): Promise<LoginState> {
  const intent = String(form.get("intent") ?? "password");
  if (intent === "code" || intent === "finish") {
    return step({ step: "second_factor", code: String(form.get("code") ?? "") }, form, prev, (code) => {
      const error = ERRORS[code] ?? "invalidCode";
      return error === "expired" ? { step: "password", error, email: prev.email } : { ...prev, step: prev.step ?? "code", error };
    });
  }
  if (intent === "enrol-begin" || intent === "enrol-confirm") return enrolStep(intent, prev, form);
  const email = String(form.get("email") ?? "");
  return step({ email, password: String(form.get("password") ?? "") }, form, { email }, (code) => {
    if (code === "second_factor") return { step: "code", email };
    if (code === "enrol") return { step: "enrol", email };
    return { step: "password", error: ERRORS[code] ?? "invalid", email };
  });
}

/** Enrolment during sign-in, for a privacy manager whom the security setting requires to have a second factor. */
async function enrolStep(intent: "enrol-begin" | "enrol-confirm", prev: LoginState, form: FormData): Promise<LoginState> {
  const jar = await cookies();
  const challenge = await openChallenge(jar.get(CHALLENGE_COOKIE)?.value, authConfig.secret);
  if (!challenge || challenge.stage !== "enrol") return { step: "password", error: "expired", email: prev.email };
  const db = await getDb();
  const [user] = await db.select({ id: users.id, email: users.email, active: users.active }).from(users).where(eq(users.id, challenge.uid));
  if (!user?.active) return { step: "password", error: "expired", email: prev.email };
  try {
    if (intent === "enrol-begin") {
      const { qrSvg, secret } = await beginEnrolment(user);
      return { step: "enrol", email: prev.email, enrol: { qrSvg, secret } };
    }
    const { recoveryCodes } = await confirmEnrolment(user, String(form.get("code") ?? ""));
    const https = appOrigin(requestOriginFromHeaders(await headers())).startsWith("https:");
    jar.set(CHALLENGE_COOKIE, await sealChallenge({ ...challenge, stage: "enrolled" }, authConfig.secret), {
      httpOnly: true,
      sameSite: "lax",
      secure: https,
      path: "/",
      maxAge: CHALLENGE_MAX_AGE_SECONDS,
    });
    return { step: "recovery", email: prev.email, recoveryCodes };
  } catch (err) {
    if (isDatabaseUnavailable(err)) return { ...prev, error: "unavailable" };
    if (err instanceof AppError) return { ...prev, step: "enrol", error: err.status === 429 ? "rateLimited" : err.status === 409 ? "expired" : "invalidCode" };
    throw err;
  }
}

/** "Sign in with …": starts the OpenID Connect flow of one configured provider. */
export async function ssoAction(form: FormData): Promise<void> {
  const id = String(form.get("provider") ?? "");
  if (!ssoProviders().some((p) => p.id === id)) return;
  await signIn(id, { redirectTo: await target(form, "ssoCallbackUrl") });
}

export async function logoutAction() {
  const { signOut } = await import("@/lib/auth");
  await signOut({ redirectTo: "/login" });
}
