import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { authConfig } from "./config";
import { clientAddress } from "./authorize";
import type { OidcProviderConfig } from "./oidc-config";
import { CHALLENGE_COOKIE, CHALLENGE_MAX_AGE_SECONDS, sealChallenge } from "./sign-in-challenge";
import { codeStep, passwordStep } from "./sign-in";
import { createSession, revokeSession } from "@/db/queries/sessions";
import { signInWithOidc } from "@/db/queries/identities";
import { env } from "@/lib/env";
import { LOGIN_PATH } from "@/lib/security/redirect";
import { appOrigin } from "@/lib/security/origin";

/** The browser's User-Agent at sign-in, kept beside the session (informational only). */
async function userAgent(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent");
  } catch {
    // Outside a request (a script or a test): there is none.
    return null;
  }
}

/** The request's cookie jar (the sign-in form's server action, or Auth.js's route). */
async function cookieJar() {
  const { cookies } = await import("next/headers");
  return cookies();
}

// What the login page is told when a sign-in step is refused (app/(auth)/login/actions.ts).
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
class PasswordDisabled extends CredentialsSignin {
  code = "password_disabled";
}
class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor";
}
class EnrolmentRequired extends CredentialsSignin {
  code = "enrol";
}
class InvalidCode extends CredentialsSignin {
  code = "invalid_code";
}
class ChallengeExpired extends CredentialsSignin {
  code = "expired";
}

/**
 * One OpenID Connect provider for Auth.js: authorization code with PKCE, state and nonce; the ID
 * token's issuer, audience, expiry and nonce are checked by Auth.js (oauth4webapi). Who the user is
 * in the app is decided in the signIn callback (db/queries/identities.ts). `extra` is for tests (a
 * fetch that alters the provider's answers).
 */
export function oidcProvider(cfg: OidcProviderConfig, extra: Partial<OIDCConfig<Record<string, unknown>>> = {}): OIDCConfig<Record<string, unknown>> {
  return {
    id: cfg.id,
    name: cfg.name,
    type: "oidc",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: cfg.scope } },
    profile(claims) {
      return { id: String(claims.sub), email: typeof claims.email === "string" ? claims.email : null, name: typeof claims.name === "string" ? claims.name : null };
    },
    ...extra,
  };
}

/**
 * The whole Auth.js configuration: the proxy's part (lib/auth/config.ts) plus the providers and the
 * callbacks that need the database. Password sign-in with its second factor goes through the
 * credentials provider (lib/auth/sign-in.ts); each OpenID Connect provider of the environment gets its
 * own "Sign in with …" button. Sessions from either are the same revocable rows (db/queries/sessions.ts).
 */
export function authOptions(oidc: { config: OidcProviderConfig; provider: OIDCConfig<Record<string, unknown>> }[]): NextAuthConfig {
  const byId = new Map(oidc.map((o) => [o.config.id, o.config]));
  return {
    ...authConfig,
    // A wrong password is an everyday event, answered on the form; it is no server error to log.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(error);
      },
    },
    callbacks: {
      ...authConfig.callbacks,
      // An OpenID Connect sign-in whose ID token passed Auth.js's checks: link or create the account.
      // A refusal goes back to the login page with the reason.
      async signIn({ user, account, profile }) {
        if (!account || account.type !== "oidc") return true;
        const cfg = byId.get(account.provider);
        if (!cfg || !profile) return `${LOGIN_PATH}?error=sso_failed`;
        const outcome = await signInWithOidc(cfg, profile as Record<string, unknown>);
        if (!outcome.ok) return `${LOGIN_PATH}?error=sso_${outcome.reason}`;
        Object.assign(user, { id: String(outcome.user.id), email: outcome.user.email, name: outcome.user.name, role: outcome.user.role, method: `oidc:${cfg.id}` });
        return true;
      },
      // At sign-in (the only time `user` is given) a server-side session is created and its id put in
      // the cookie; every request is then checked against that row (lib/auth/session.ts).
      async jwt(params) {
        const token = await authConfig.callbacks.jwt(params);
        if (token && params.user && typeof token.uid === "number") {
          const method = (params.user as { method?: unknown }).method;
          token.sid = await createSession(token.uid, await userAgent(), typeof method === "string" ? method : "password");
        }
        return token;
      },
    },
    events: {
      // Sign-out ends the session on the server too: the old cookie, if kept somewhere, answers 401.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await revokeSession(sid, "sign_out");
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {}, step: {} },
        async authorize(raw, request) {
          const secret = authConfig.secret;
          // The app's public origin (AUTH_URL when set): behind a TLS-terminating proxy the request itself is http.
          const https = appOrigin(request.url).startsWith("https:");
          // Step 2: the code after the password (or the end of an enrolment made during sign-in).
          if (raw?.step === "second_factor") {
            const jar = await cookieJar();
            const outcome = await codeStep(jar.get(CHALLENGE_COOKIE)?.value, raw.code, secret);
            if (!outcome.ok) throw outcome.reason === "rate_limited" ? new RateLimited() : outcome.reason === "expired" ? new ChallengeExpired() : new InvalidCode();
            jar.delete(CHALLENGE_COOKIE);
            const { user, method } = outcome;
            return { id: String(user.id), email: user.email, name: user.name, role: user.role, method };
          }
          // Step 1: the password.
          const outcome = await passwordStep(raw, clientAddress(request?.headers));
          if (!outcome.ok) {
            throw outcome.reason === "rate_limited" ? new RateLimited() : outcome.reason === "password_disabled" ? new PasswordDisabled() : new InvalidCredentials();
          }
          const { user } = outcome;
          if (outcome.next !== "done") {
            const jar = await cookieJar();
            const value = await sealChallenge({ uid: user.id, stage: outcome.next, breakGlass: outcome.breakGlass }, secret);
            jar.set(CHALLENGE_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: CHALLENGE_MAX_AGE_SECONDS });
            throw outcome.next === "verify" ? new SecondFactorRequired() : new EnrolmentRequired();
          }
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, method: outcome.method };
        },
      }),
      ...oidc.map((o) => o.provider),
    ],
  };
}

/** The OpenID Connect providers of the environment, for the login page's buttons. */
export function ssoProviders(): { id: string; name: string }[] {
  return env().oidcProviders.map((p) => ({ id: p.id, name: p.name }));
}

export const { handlers, signIn, signOut } = NextAuth(authOptions(env().oidcProviders.map((config) => ({ config, provider: oidcProvider(config) }))));
