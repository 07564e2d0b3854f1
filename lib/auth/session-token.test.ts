import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionUserId } from "./session-token";

const secret = "test-secret-test-secret-test-secret-0123";
const NAME = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

// A token exactly as Auth.js writes it at sign-in (lib/auth/config.ts: the jwt callback puts uid and role).
const token = (claims: Record<string, unknown>, salt = NAME, maxAge = 8 * 60 * 60, key = secret) =>
  encode({ token: { sub: String(claims.uid), ...claims }, secret: key, salt, maxAge });

describe("sessionUserId", () => {
  it("reads the user id from Auth.js's session cookie, among other cookies", async () => {
    const t = await token({ uid: 7, role: "executive" });
    expect(await sessionUserId(`NEXT_LOCALE=ja; ${NAME}=${t}; other=1`, secret)).toBe(7);
  });

  it("reads the __Secure- cookie of an https deployment (its own salt)", async () => {
    const t = await token({ uid: 12, role: "hr" }, SECURE);
    expect(await sessionUserId(`${SECURE}=${t}`, secret)).toBe(12);
    // A token made for the plain cookie does not decrypt under the secure name.
    expect(await sessionUserId(`${SECURE}=${await token({ uid: 12 })}`, secret)).toBeNull();
  });

  it("is null without a cookie, with another secret, a tampered or an expired token", async () => {
    const t = await token({ uid: 7 });
    expect(await sessionUserId(null, secret)).toBeNull();
    expect(await sessionUserId("", secret)).toBeNull();
    expect(await sessionUserId("NEXT_LOCALE=en", secret)).toBeNull();
    expect(await sessionUserId(`${NAME}=${t}`, "another-secret-another-secret-another")).toBeNull();
    const parts = t.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await sessionUserId(`${NAME}=${parts.join(".")}`, secret)).toBeNull();
    expect(await sessionUserId(`${NAME}=${await token({ uid: 7 }, NAME, -60)}`, secret)).toBeNull();
  });

  it("accepts a rotated secret list, and refuses a token without a usable uid", async () => {
    const t = await token({ uid: 3 }, NAME, 3600, "old-secret-old-secret-old-secret-0123");
    expect(await sessionUserId(`${NAME}=${t}`, [secret, "old-secret-old-secret-old-secret-0123"])).toBe(3);
    expect(await sessionUserId(`${NAME}=${await token({ uid: "x" })}`, secret)).toBeNull();
    expect(await sessionUserId(`${NAME}=${await token({ uid: 0 })}`, secret)).toBeNull();
  });
});
