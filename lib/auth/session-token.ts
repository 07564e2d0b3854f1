import { getToken } from "next-auth/jwt";

/** Auth.js's session cookie: the `__Secure-` name when the app is served over https. */
const SECURE_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token(?:\.\d+)?=/;

/**
 * The user id the session cookie carries, or null when there is none or it does not decrypt, is
 * expired or was tampered with. Reads the cookie only (never an Authorization header) and decrypts
 * the Auth.js JWT directly, the same way Auth.js does: `auth()` would also run the whole session
 * endpoint and encrypt a renewed token that a route handler throws away, a few milliseconds per
 * request. The proxy still renews the cookie on page loads.
 */
export async function sessionUserId(cookieHeader: string | null | undefined, secret: string | string[]): Promise<number | null> {
  const cookie = cookieHeader ?? "";
  if (!cookie) return null;
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: SECURE_COOKIE.test(cookie) });
  const id = Number(token?.uid);
  return Number.isInteger(id) && id > 0 ? id : null;
}
