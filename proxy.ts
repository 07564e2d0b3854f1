import NextAuth, { type NextAuthRequest } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/api/errors";
import { problemResponse } from "@/lib/api/problem";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/config";
import { appOrigin, checkWriteOrigin } from "@/lib/security/origin";
import { PAGE_PATH_HEADER } from "@/lib/security/redirect";
import {
  API_CONTENT_SECURITY_POLICY,
  BASE_SECURITY_HEADERS,
  HSTS,
  createNonce,
  pageSecurityHeaders,
  servedOverHttps,
  type Header,
} from "@/lib/security/headers";

/**
 * In front of every page, server action and /api/auth/* request (not /api/v1: route handlers guard
 * themselves, and the proxy would buffer their upload bodies). Edge-safe: no database, no password
 * hashing. In order (docs/security.md):
 * 1. a state-changing request must come from the app's own origin, else 403 — server actions
 *    (the sign-in form's among them) and Auth.js's POST endpoints;
 * 2. Auth.js's `authorized` callback sends the unsigned to /login, keeping the page they opened;
 * 3. every answer gets the security headers; a page gets a fresh CSP nonce, which Next.js reads
 *    from the request's Content-Security-Policy header and puts on its own scripts.
 * Roles are checked by every page and route handler itself.
 */
const { auth } = NextAuth(authConfig);

const isDev = process.env.NODE_ENV === "development";

const withSession = auth((req: NextAuthRequest) => {
  const https = isHttps(req);
  const nonce = createNonce();
  const headers = pageSecurityHeaders({ nonce, dev: isDev, https });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  // The page asked for, so that a page which finds the session ended on the server (revoked, idle)
  // can send the browser to /login with it as the target (lib/auth/session.ts requirePageUser).
  requestHeaders.set(PAGE_PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", headers.find((h) => h.key === "Content-Security-Policy")!.value);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  setHeaders(res.headers, headers);
  // A signed-in page shows personal data: no shared or browser cache may keep it.
  if (req.auth?.user) res.headers.set("Cache-Control", "no-store");
  return res;
}) as unknown as (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;

export async function proxy(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  const origin = checkWriteOrigin(req.method, req.headers, appOrigin(req.url));
  if (!origin.ok) {
    const locale = pickLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get("accept-language"));
    const res = problemResponse(new ForbiddenError("problems.crossOriginWrite"), locale, req.nextUrl.pathname);
    setHeaders(res.headers, dataHeaders(isHttps(req)));
    return res;
  }
  if (req.nextUrl.pathname.startsWith("/api/auth/")) {
    // Auth.js's own endpoints answer JSON and redirects (nothing there needs a script), and read the
    // session themselves: reading it here too would set a second CSRF cookie on the same answer.
    const res = NextResponse.next();
    setHeaders(res.headers, dataHeaders(isHttps(req)));
    res.headers.set("Cache-Control", "no-store");
    return res;
  }
  const res = await withSession(req, ev);
  // The redirect of an unsigned visitor to /login is answered by Auth.js without the handler above.
  if (!res.headers.has("Content-Security-Policy")) setHeaders(res.headers, dataHeaders(isHttps(req)));
  return res;
}

export const config = {
  // Pages (and the server actions posted to them) and Auth.js; not /api/v1 nor static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)", "/api/auth/:path*"],
};

function isHttps(req: NextRequest): boolean {
  return servedOverHttps({
    requestUrl: req.url,
    authUrl: process.env.AUTH_URL,
    forwardedProto: req.headers.get("x-forwarded-proto"),
    trustedProxies: env().PMS_TRUSTED_PROXIES,
  });
}

/** The headers of an answer that is not a page (a redirect, JSON, a refusal). */
function dataHeaders(https: boolean): Header[] {
  return [...BASE_SECURITY_HEADERS, { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }, ...(https ? [HSTS] : [])];
}

function setHeaders(target: Headers, headers: readonly Header[]) {
  for (const { key, value } of headers) target.set(key, value);
}
