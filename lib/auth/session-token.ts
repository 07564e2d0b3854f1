import { getToken } from "next-auth/jwt";

/** Auth.js's session cookie: the `__Secure-` name when the app is served over https. */
const SECURE_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token(?:\.\d+)?=/;

/** A server-side session id: 32 random bytes, base64url (db/queries/sessions.ts). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export type SessionClaims = { userId: number; sid: string };

/**
 * What the session cookie names: the user and the server-side session (`sid`), or null when there
 * is no cookie or it does not decrypt, is expired, was tampered with, or carries no session id (a
 * cookie issued before sessions were revocable). Reads the cookie only (never an Authorization
 * header) and decrypts the Auth.js JWT directly, the same way Auth.js does: `auth()` would also run
 * the whole session endpoint and encrypt a renewed token that a route handler throws away. Whether
 * the session is still live is the database's answer (db/queries/sessions.ts, docs/security.md).
 */
export async function sessionClaims(cookieHeader: string | null | undefined, secret: string | string[]): Promise<SessionClaims | null> {
  const cookie = cookieHeader ?? "";
  if (!cookie) return null;
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: SECURE_COOKIE.test(cookie) });
  const userId = Number(token?.uid);
  const sid = token?.sid;
  if (!Number.isInteger(userId) || userId <= 0) return null;
  if (typeof sid !== "string" || !SESSION_ID.test(sid)) return null;
  return { userId, sid };
}
