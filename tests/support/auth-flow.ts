import { NextRequest } from "next/server";

/**
 * Signing in through Auth.js's own handlers in a test, as a browser does (docs/testing.md): cookies
 * carried from answer to request, and a cookie jar standing in for next/headers' cookies() (which the
 * credentials provider uses between the password and the second factor). A test file mocks
 * next/headers with `headersMock(jar)`.
 */
export type Jar = Map<string, string>;

export const BASE = "http://localhost";
export const SESSION_COOKIE = "authjs.session-token";

/** next/headers for a test: headers() and cookies() read and write `jar`. */
export function headersMock(jar: Jar) {
  return {
    headers: async () => new Headers({ cookie: cookieHeader(jar), "user-agent": "vitest/auth-flow", host: "localhost" }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
}

export function cookieHeader(jar: Jar): string {
  return [...jar.entries()]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

/** Applies an answer's Set-Cookie lines to the jar (a cleared cookie is removed). */
export function absorb(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(";");
    const i = pair.indexOf("=");
    const name = pair.slice(0, i).trim();
    const cleared = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
    if (cleared || pair.slice(i + 1) === "") jar.delete(name);
    else jar.set(name, pair.slice(i + 1));
  }
}

type Handlers = { GET: (req: NextRequest) => Promise<Response>; POST: (req: NextRequest) => Promise<Response> };

/** POSTs the credentials callback with a fresh CSRF token; answers the redirect (Location) and keeps cookies. */
export async function postCredentials(handlers: Handlers, jar: Jar, fields: Record<string, string>): Promise<{ location: string; signedIn: boolean }> {
  const csrfRes = await handlers.GET(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } }));
  absorb(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  jar.delete(SESSION_COOKIE);
  const res = await handlers.POST(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: BASE },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: "/" }),
    }),
  );
  absorb(jar, res);
  return { location: res.headers.get("location") ?? "", signedIn: jar.has(SESSION_COOKIE) };
}

/** The `code` Auth.js put on a refused credentials sign-in's redirect (…?error=CredentialsSignin&code=…). */
export function refusalCode(location: string): string | null {
  try {
    return new URL(location, BASE).searchParams.get("code");
  } catch {
    return null;
  }
}
