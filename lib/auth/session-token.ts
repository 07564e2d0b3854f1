import { getToken } from "next-auth/jwt";

/** Auth.js's session cookie: the `__Secure-` name when the app is served over https. */
const SECURE_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token(?:\.\d+)?=/;

/** Every part of the session cookie (Auth.js splits a long token into `.0`, `.1`, …), in header order. */
const SESSION_COOKIE_PARTS = /(?:^|;\s*)((?:__Secure-)?authjs\.session-token(?:\.\d+)?=[^;]*)/g;

/** A server-side session id: 32 random bytes, base64url (db/queries/sessions.ts). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export type SessionClaims = { userId: number; sid: string };

/**
 * Tokens already decrypted, by secret and cookie value: decrypting one (key derivation, AES, HMAC)
 * costs about as much as the rest of a small request. An entry holds only what the token itself
 * proved, until the token's own expiry; whether its session is still live is asked of the database
 * on every request all the same (docs/security.md, "Sessions"). Only tokens that decrypted are kept,
 * at most CACHE_SIZE of them, the least recently used dropped first.
 */
const CACHE_SIZE = 1000;
const decrypted = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();

/**
 * What the session cookie names: the user and the server-side session (`sid`), or null when there
 * is no cookie or it does not decrypt, is expired (at `nowMs`), was tampered with, or carries no
 * session id (a cookie issued before sessions were revocable). Reads the cookie only (never an
 * Authorization header) and decrypts the Auth.js JWT directly, the same way Auth.js does: `auth()`
 * would also run the whole session endpoint and encrypt a renewed token that a route handler throws
 * away. Whether the session is still live is the database's answer (db/queries/sessions.ts,
 * docs/security.md).
 */
export async function sessionClaims(cookieHeader: string | null | undefined, secret: string | string[], nowMs = Date.now()): Promise<SessionClaims | null> {
  const cookie = cookieHeader ?? "";
  const parts = [...cookie.matchAll(SESSION_COOKIE_PARTS)].map((m) => m[1]);
  if (!parts.length) return null;
  const key = `${Array.isArray(secret) ? secret.join("\n") : secret}\n${parts.join(";")}`;
  const hit = decrypted.get(key);
  if (hit) {
    if (nowMs >= hit.expiresAtMs) {
      decrypted.delete(key);
      return null;
    }
    // Most recently used last.
    decrypted.delete(key);
    decrypted.set(key, hit);
    return hit.claims;
  }
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: SECURE_COOKIE.test(cookie) });
  const userId = Number(token?.uid);
  const sid = token?.sid;
  const expiresAtMs = Number(token?.exp) * 1000;
  if (!Number.isInteger(userId) || userId <= 0) return null;
  if (typeof sid !== "string" || !SESSION_ID.test(sid)) return null;
  if (!Number.isFinite(expiresAtMs) || nowMs >= expiresAtMs) return null;
  const claims = { userId, sid };
  decrypted.set(key, { claims, expiresAtMs });
  if (decrypted.size > CACHE_SIZE) decrypted.delete(decrypted.keys().next().value!);
  return claims;
}
