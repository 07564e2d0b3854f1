import { describe, expect, it } from "vitest";
import { checkTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, openSecret, sealSecret, totpCode, totpUri, TOTP_PERIOD_SECONDS } from "./totp";

const secret = newTotpSecret();
// The start of a step, so the edges are exact.
const step = 59_000_000;
const at = (s: number, offsetSeconds = 0) => new Date((s * TOTP_PERIOD_SECONDS + offsetSeconds) * 1000);

describe("TOTP (RFC 6238)", () => {
  it("accepts the code of the current, previous and next step and returns the step it matched", async () => {
    const now = at(step, 10);
    expect(await checkTotp(secret, await totpCode(secret, at(step)), now, null)).toBe(step);
    expect(await checkTotp(secret, await totpCode(secret, at(step - 1)), now, null)).toBe(step - 1);
    expect(await checkTotp(secret, await totpCode(secret, at(step + 1)), now, null)).toBe(step + 1);
  });

  it("refuses codes two steps away on either side", async () => {
    const now = at(step, 10);
    expect(await checkTotp(secret, await totpCode(secret, at(step - 2)), now, null)).toBeNull();
    expect(await checkTotp(secret, await totpCode(secret, at(step + 2)), now, null)).toBeNull();
  });

  it("at the last second of a step still accepts the previous step, and at the first second of the next refuses it", async () => {
    const code = await totpCode(secret, at(step - 1));
    expect(await checkTotp(secret, code, at(step, TOTP_PERIOD_SECONDS - 1), null)).toBe(step - 1);
    expect(await checkTotp(secret, code, at(step + 1), null)).toBeNull();
  });

  it("refuses a code whose step is not later than the last accepted one (no reuse)", async () => {
    const now = at(step, 5);
    const code = await totpCode(secret, at(step));
    expect(await checkTotp(secret, code, now, step)).toBeNull();
    expect(await checkTotp(secret, code, now, step - 1)).toBe(step);
    // An older code after a newer one was used is refused too.
    expect(await checkTotp(secret, await totpCode(secret, at(step - 1)), now, step)).toBeNull();
  });

  it("accepts spaces and refuses anything but six digits", async () => {
    const code = await totpCode(secret, at(step));
    expect(await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at(step, 1), null)).toBe(step);
    expect(await checkTotp(secret, code.slice(1), at(step, 1), null)).toBeNull();
    expect(await checkTotp(secret, "abcdef", at(step, 1), null)).toBeNull();
  });

  it("gives an otpauth URI naming the issuer and account", () => {
    const uri = totpUri(secret, "alice@example.com");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain("alice@example.com");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of the form xxxxx-xxxxx that normalise to themselves", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(normaliseRecoveryCode(c.toUpperCase().replace("-", " "))).toBe(c);
    }
    expect(normaliseRecoveryCode("short")).toBeNull();
    expect(normaliseRecoveryCode("00000-00000")).toBeNull();
  });
});

describe("sealed secrets", () => {
  it("open with the same AUTH_SECRET only, and not when altered", () => {
    const sealed = sealSecret(secret, "a".repeat(32));
    expect(sealed).not.toContain(secret);
    expect(openSecret(sealed, "a".repeat(32))).toBe(secret);
    expect(openSecret(sealed, "b".repeat(32))).toBeNull();
    const parts = sealed.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("A") ? "BB" : "AA");
    expect(openSecret(parts.join("."), "a".repeat(32))).toBeNull();
  });
});
