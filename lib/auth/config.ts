import type { NextAuthConfig } from "next-auth";
import { encode } from "next-auth/jwt";
import { authSecret, env } from "@/lib/env";
import { DEFAULT_AFTER_SIGN_IN, LOGIN_PATH, sameOriginPath } from "@/lib/security/redirect";

/** A session's absolute lifetime in seconds (PMS_SESSION_MAX_HOURS): the cookie never outlives it. */
const SESSION_MAX_AGE = Math.round(env().PMS_SESSION_MAX_HOURS * 3600);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The part of the Auth.js configuration the proxy uses: no database, no password hashing.
 * The JWT carries the user id and the role it had at sign-in; the server re-reads the user on
 * every request (lib/auth/session.ts), so a deactivation or role change bites at once.
 */
/** The public intake page of requests from individuals (app/(public)/request). */
export const PUBLIC_REQUEST_PATH = "/request";

export const authConfig = {
  secret: authSecret(),
  trustHost: true,
  // The JWT names a server-side session (sid); the server checks that row on every request
  // (lib/auth/session.ts), which is where revocation, the idle timeout and the absolute lifetime
  // are enforced. The cookie is bounded too: re-issued on page loads, but never past sign-in +
  // the absolute lifetime (the jwt callback and jwt.encode below). updateAge only matters to
  // Auth.js's database sessions; the server marks a session seen at most once a minute.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE, updateAge: 60 },
  jwt: {
    async encode(params) {
      const signedInAt = Number(params.token?.sat);
      const left = Number.isFinite(signedInAt) ? signedInAt + SESSION_MAX_AGE - nowSeconds() : SESSION_MAX_AGE;
      return encode({ ...params, maxAge: Math.max(1, Math.min(params.maxAge ?? SESSION_MAX_AGE, left)) });
    },
  },
  // Auth.js renders no pages of its own: sign-in and its errors are the app's login page.
  pages: { signIn: LOGIN_PATH, error: LOGIN_PATH },
  providers: [],
  callbacks: {
    // The proxy's gate: an unsigned visitor is sent to the login page, which sends them back to the
    // page they opened (a bookmark, a shared link, the calendar feed) once signed in. The callbackUrl
    // is a path, not Auth.js's default absolute URL (docs/security.md, "Redirects").
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      // The login page, the API (route handlers check the session themselves) and the public intake
      // page for requests from individuals (it answers 404 unless the company turned it on).
      if (pathname === LOGIN_PATH || pathname === PUBLIC_REQUEST_PATH || pathname.startsWith("/api/")) return true;
      if (auth?.user) return true;
      const login = new URL(LOGIN_PATH, request.nextUrl);
      if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return Response.redirect(login);
    },
    // Every redirect Auth.js makes (after sign-in, after sign-out, on an error) stays on this origin:
    // a target elsewhere becomes the dashboard.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${sameOriginPath(url, baseUrl) ?? DEFAULT_AFTER_SIGN_IN}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
        // Signed in at: the absolute lifetime counts from here, however often the cookie is renewed.
        token.sat = nowSeconds();
      }
      // A token past its absolute lifetime, or from before sessions were bounded, is dropped (the
      // cookie is cleared). The sid is added by the full instance at sign-in (lib/auth/index.ts).
      if (typeof token.sat !== "number" || nowSeconds() - token.sat >= SESSION_MAX_AGE) return null;
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.uid ?? "");
        (session.user as { role?: unknown }).role = token.role;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
