import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { openChallenge, sealChallenge } from "./sign-in-challenge";

const SECRET = "unit-secret-unit-secret-unit-secret-0123";

describe("the sign-in challenge cookie", () => {
  it("opens with the app's secret to what was sealed", async () => {
    const sealed = await sealChallenge({ uid: 7, stage: "verify", breakGlass: true }, SECRET);
    expect(await openChallenge(sealed, SECRET)).toEqual({ uid: 7, stage: "verify", breakGlass: true });
  });

  it("is nothing with another secret, altered, missing, or when it is a session token (another salt)", async () => {
    const sealed = await sealChallenge({ uid: 7, stage: "enrolled", breakGlass: false }, SECRET);
    expect(await openChallenge(sealed, "another-secret-another-secret-another-0")).toBeNull();
    expect(await openChallenge(sealed.slice(0, -4) + "AAAA", SECRET)).toBeNull();
    expect(await openChallenge(undefined, SECRET)).toBeNull();
    const session = await encode({ token: { uid: 7, stage: "enrolled" }, secret: SECRET, salt: "authjs.session-token" });
    expect(await openChallenge(session, SECRET)).toBeNull();
  });

  it("is nothing once expired", async () => {
    const old = await encode({ token: { uid: 7, stage: "verify" }, secret: SECRET, salt: "pms.sign-in-challenge", maxAge: -60 });
    expect(await openChallenge(old, SECRET)).toBeNull();
  });
});
