import { decode, encode } from "next-auth/jwt";

/**
 * Between a sign-in's password and its second factor (docs/security.md, "Second factor"): an
 * encrypted, short-lived cookie saying whose password was just accepted and what they must do next
 * — give a code ("verify"), enrol an authenticator first ("enrol"), or nothing more because they
 * have just confirmed their enrolment with a code ("enrolled"). The password itself is never kept.
 * The cookie is sealed with AUTH_SECRET under its own salt, so a session cookie can never pass for
 * it nor it for a session.
 */
export const CHALLENGE_COOKIE = "pms-sign-in-challenge";
export const CHALLENGE_MAX_AGE_SECONDS = 10 * 60;
const SALT = "pms.sign-in-challenge";

export type ChallengeStage = "verify" | "enrol" | "enrolled";
export type Challenge = { uid: number; stage: ChallengeStage; breakGlass: boolean };

export function sealChallenge(c: Challenge, secret: string): Promise<string> {
  return encode({ token: { uid: c.uid, stage: c.stage, bg: c.breakGlass }, secret, salt: SALT, maxAge: CHALLENGE_MAX_AGE_SECONDS });
}

/** The challenge, or null when the value is missing, expired, altered or sealed with another secret. */
export async function openChallenge(value: string | undefined, secret: string): Promise<Challenge | null> {
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret, salt: SALT });
    const uid = Number(token?.uid);
    const stage = token?.stage;
    if (!Number.isInteger(uid) || uid <= 0) return null;
    if (stage !== "verify" && stage !== "enrol" && stage !== "enrolled") return null;
    return { uid, stage, breakGlass: token?.bg === true };
  } catch {
    return null;
  }
}
