import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

/**
 * The second factor of a password account: TOTP (RFC 6238) as authenticator apps do it — SHA-1,
 * 6 digits, 30-second steps — through otplib (docs/security.md, "Second factor").
 *
 * - A code is accepted in its own step and in the step before and after (clocks drift by seconds, a
 *   person types slowly), and only when its step is later than the last accepted one, so a code
 *   cannot be used twice (the caller stores `timeStep`).
 * - The secret is stored encrypted (AES-256-GCM, key derived from AUTH_SECRET with HKDF).
 * - Ten recovery codes, each usable once, stand in for a lost phone; only their hashes are stored.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "PMS Dashboard";

export function newTotpSecret(): string {
  // 20 random bytes (160 bits, RFC 4226's recommendation), base32 as authenticator apps expect.
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app scans (shown as a QR code). */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: ISSUER, label: account, secret });
}

/** The code for a moment (tests, and nothing else in the app: a server never needs to show one). */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Six digits, spaces allowed ("123 456" as some apps show it). */
export function normaliseTotp(input: string): string | null {
  const digits = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * Checks a code at `now` against the previous, current and next step, later than `afterTimeStep`.
 * Returns the matched step (to be stored) or null.
 */
export async function checkTotp(secret: string, input: string, now: Date, afterTimeStep: number | null): Promise<number | null> {
  const token = normaliseTotp(input);
  if (!token) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// Recovery codes: 10 characters from an alphabet without look-alikes (0/O, 1/l/I), shown as xxxxx-xxxxx:
// 32^10 = 2^50 possibilities each.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed: case, spaces and the dash do not matter. Null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]+/g, "");
  if (s.length !== 10 || [...s].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

function secretKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "pms-dashboard", "second-factor secret v1", 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function sealSecret(secret: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(authSecret), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The secret, or null when it was sealed with another AUTH_SECRET or altered. */
export function openSecret(sealed: string, authSecret: string): string | null {
  const [v, iv, tag, data] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
