import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionClaims } from "./session-token";

const secret = "test-secret-test-secret-test-secret-0123";
const NAME = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
// A session id as db/queries/sessions.ts makes them: 32 random bytes, base64url.
const SID = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

// A token exactly as Auth.js writes it at sign-in (lib/auth/config.ts and index.ts: uid, role, sat, sid).
const token = (claims: Record<string, unknown>, salt = NAME, maxAge = 8 * 60 * 60, key = secret) =>
  encode({ token: { sub: String(claims.uid), sid: SID, ...claims }, secret: key, salt, maxAge });

describe("sessionClaims", () => {
  it("reads the user id and the session id from Auth.js's session cookie, among other cookies", async () => {
    expect(SID).toHaveLength(43);
    const t = await token({ uid: 7, role: "executive" });
    expect(await sessionClaims(`NEXT_LOCALE=ja; ${NAME}=${t}; other=1`, secret)).toEqual({ userId: 7, sid: SID });
  });

  it("reads the __Secure- cookie of an https deployment (its own salt)", async () => {
    const t = await token({ uid: 12, role: "hr" }, SECURE);
    expect(await sessionClaims(`${SECURE}=${t}`, secret)).toEqual({ userId: 12, sid: SID });
    // A token made for the plain cookie does not decrypt under the secure name.
    expect(await sessionClaims(`${SECURE}=${await token({ uid: 12 })}`, secret)).toBeNull();
  });

  it("is null without a cookie, with another secret, a tampered or an expired token", async () => {
    const t = await token({ uid: 7 });
    expect(await sessionClaims(null, secret)).toBeNull();
    expect(await sessionClaims("", secret)).toBeNull();
    expect(await sessionClaims("NEXT_LOCALE=en", secret)).toBeNull();
    expect(await sessionClaims(`${NAME}=${t}`, "another-secret-another-secret-another")).toBeNull();
    const parts = t.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await sessionClaims(`${NAME}=${parts.join(".")}`, secret)).toBeNull();
    expect(await sessionClaims(`${NAME}=${await token({ uid: 7 }, NAME, -60)}`, secret)).toBeNull();
  });

  it("accepts a rotated secret list, and refuses a token without a usable uid", async () => {
    const t = await token({ uid: 3 }, NAME, 3600, "old-secret-old-secret-old-secret-0123");
    expect(await sessionClaims(`${NAME}=${t}`, [secret, "old-secret-old-secret-old-secret-0123"])).toEqual({ userId: 3, sid: SID });
    expect(await sessionClaims(`${NAME}=${await token({ uid: "x" })}`, secret)).toBeNull();
    expect(await sessionClaims(`${NAME}=${await token({ uid: 0 })}`, secret)).toBeNull();
  });

  it("refuses a cookie without a session id (issued before sessions were revocable) or with a malformed one", async () => {
    expect(await sessionClaims(`${NAME}=${await token({ uid: 7, sid: undefined })}`, secret)).toBeNull();
    for (const sid of ["", "short", 42, SID + "x", SID.slice(0, -1) + "=", SID.slice(0, -1) + "/"]) {
      expect(await sessionClaims(`${NAME}=${await token({ uid: 7, sid })}`, secret), String(sid)).toBeNull();
    }
  });

  it("answers a cookie it has decrypted before from memory, but never past the token's own expiry", async () => {
    const t = await token({ uid: 9 }, NAME, 60);
    const cookie = `${NAME}=${t}`;
    const now = Date.now();
    expect(await sessionClaims(cookie, secret, now)).toEqual({ userId: 9, sid: SID });
    // Again, within its life: the same claims (from the cache).
    expect(await sessionClaims(`NEXT_LOCALE=en; ${cookie}`, secret, now + 30_000)).toEqual({ userId: 9, sid: SID });
    // Past the token's exp (60 s), even though it was decrypted before: refused.
    expect(await sessionClaims(cookie, secret, now + 61_000)).toBeNull();
  });

  it("does not let a cached cookie stand for another secret, a tampered copy or another cookie", async () => {
    const t = await token({ uid: 5 });
    expect(await sessionClaims(`${NAME}=${t}`, secret)).toEqual({ userId: 5, sid: SID });
    expect(await sessionClaims(`${NAME}=${t}`, "another-secret-another-secret-another")).toBeNull();
    const parts = t.split(".");
    parts[4] = parts[4].slice(0, -2) + (parts[4].endsWith("AA") ? "BB" : "AA");
    expect(await sessionClaims(`${NAME}=${parts.join(".")}`, secret)).toBeNull();
    // The same value under the secure name is another cookie (another salt): it does not decrypt.
    expect(await sessionClaims(`${SECURE}=${t}`, secret)).toBeNull();
    // Nothing but the cached cookie's name and value counts: other cookies around it change nothing.
    expect(await sessionClaims(`a=1; ${NAME}=${t}; b=2`, secret)).toEqual({ userId: 5, sid: SID });
  });

  it("keeps a token that expired by its own clock out, even within the decryption's clock tolerance", async () => {
    // Auth.js decrypts with 15 s of clock tolerance; the session ends at the token's exp all the same.
    const t = await token({ uid: 4 }, NAME, -5);
    expect(await sessionClaims(`${NAME}=${t}`, secret)).toBeNull();
  });
});

