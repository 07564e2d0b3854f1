import "server-only";
import bcrypt from "bcryptjs";
import QRCode from "qrcode";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { recoveryCodes, secondFactors, users } from "@/db/schema";
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { isAdmitted, isExhausted, limitFor, minutesLocked } from "@/lib/auth/rate-limit";
import { checkTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, normaliseTotp, openSecret, sealSecret, totpUri } from "@/lib/auth/totp";
import { authSecret } from "@/lib/env";
import { countSignInAttempt, refundSignInAttempt } from "./auth";
import { recordAudit } from "./audit";

/**
 * A password account's second factor (docs/security.md, "Second factor"): enrolment with a QR code
 * and a first code, verification at sign-in (rate-limited per user like the password), ten one-time
 * recovery codes, and a reset by the privacy manager. The rule for codes is lib/auth/totp.ts.
 */

type Actor = Pick<SessionUser, "id" | "email">;

/** bcrypt, low cost: a recovery code carries 50 random bits, so the hash's cost is not what protects it. */
const RECOVERY_HASH_COST = 6;

export type SecondFactorStatus = { enrolled: boolean; confirmedAt: string | null; recoveryCodesLeft: number };

async function currentFactor(db: DbOrTx, userId: number) {
  const [row] = await db
    .select()
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.retiredAt)));
  return row;
}

export async function secondFactorStatus(userId: number, handle?: DbOrTx): Promise<SecondFactorStatus> {
  const db = handle ?? (await getDb());
  const row = await currentFactor(db, userId);
  if (!row?.confirmedAt) return { enrolled: false, confirmedAt: null, recoveryCodesLeft: 0 };
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.secondFactorId, row.id), isNull(recoveryCodes.usedAt)));
  return { enrolled: true, confirmedAt: row.confirmedAt.toISOString(), recoveryCodesLeft: Number(n) };
}

/** Whether the user must give a second factor after their password. */
export async function hasSecondFactor(userId: number, handle?: DbOrTx): Promise<boolean> {
  const db = handle ?? (await getDb());
  const row = await currentFactor(db, userId);
  return !!row?.confirmedAt;
}

/**
 * Starts (or restarts) enrolment: a new secret, kept unconfirmed until a code from the app proves it
 * was scanned. A confirmed factor must be reset first (409). Returns what the user scans.
 */
export async function beginEnrolment(user: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const db = await getDb();
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const row = await currentFactor(tx, user.id);
    if (row?.confirmedAt) throw new ConflictError("secondFactor.errors.alreadyEnrolled");
    if (row) await tx.update(secondFactors).set({ retiredAt: new Date() }).where(eq(secondFactors.id, row.id));
    await tx.insert(secondFactors).values({ userId: user.id, secret: sealSecret(secret, authSecret()) });
  });
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) };
}

/** Counts one code attempt for the user; throws 429 when over the limit (the same rule as passwords). */
async function admitAttempt(userId: number, now: Date) {
  const counter = await countSignInAttempt("second_factor", String(userId), now);
  if (!isAdmitted(counter, now, limitFor("second_factor"))) {
    const minutes = Math.max(1, minutesLocked(counter.lockedUntil, now));
    throw new TooManyRequestsError("secondFactor.errors.rateLimited", { minutes }, minutes * 60);
  }
  return counter;
}

/**
 * Confirms enrolment with the first code from the app: the factor becomes active and ten recovery
 * codes are made; they are returned once (only their hashes are kept). Audited.
 */
export async function confirmEnrolment(user: Actor, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const counter = await admitAttempt(user.id, now);
  const db = await getDb();
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => bcrypt.hash(c, RECOVERY_HASH_COST)));
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const row = await currentFactor(tx, user.id);
    if (!row) throw new ConflictError("secondFactor.errors.noEnrolment");
    if (row.confirmedAt) throw new ConflictError("secondFactor.errors.alreadyEnrolled");
    const secret = openSecret(row.secret, authSecret());
    const step = secret ? await checkTotp(secret, code, now, null) : null;
    if (step === null) throw new ValidationError([{ field: "code", code: "invalid_code", messageKey: "secondFactor.errors.invalidCode" }]);
    await tx.update(secondFactors).set({ confirmedAt: now, lastTimeStep: step }).where(eq(secondFactors.id, row.id));
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ secondFactorId: row.id, codeHash })));
    await recordAudit(tx, user, { action: "enrol", entity: "second_factor", entityId: user.id, after: { method: "totp", recoveryCodes: codes.length } });
  });
  await refundSignInAttempt("second_factor", String(user.id), counter.windowStartedAt);
  return { recoveryCodes: codes };
}

export type SecondFactorCheck = { ok: true; method: "totp" | "recovery_code"; recoveryCodesLeft?: number } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * The second step of a sign-in: a TOTP code (later than the last one accepted) or an unused recovery
 * code. Counted per user before it is checked; a success takes its own attempt back. A code or
 * recovery code is spent by a conditional UPDATE, so two requests racing with the same one cannot
 * both pass.
 */
export async function verifySecondFactor(userId: number, input: string, now = new Date()): Promise<SecondFactorCheck> {
  const counter = await countSignInAttempt("second_factor", String(userId), now);
  if (!isAdmitted(counter, now, limitFor("second_factor"))) return { ok: false, reason: "rate_limited" };
  const db = await getDb();
  const row = await currentFactor(db, userId);
  const method = await (async () => {
    if (!row?.confirmedAt) return null;
    if (normaliseTotp(input)) {
      const secret = openSecret(row.secret, authSecret());
      const step = secret ? await checkTotp(secret, input, now, row.lastTimeStep) : null;
      if (step === null) return null;
      const spent = await db
        .update(secondFactors)
        .set({ lastTimeStep: step })
        .where(and(eq(secondFactors.id, row.id), or(isNull(secondFactors.lastTimeStep), lt(secondFactors.lastTimeStep, step))))
        .returning({ id: secondFactors.id });
      return spent.length ? ("totp" as const) : null;
    }
    const code = normaliseRecoveryCode(input);
    if (!code) return null;
    const unused = await db
      .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.secondFactorId, row.id), isNull(recoveryCodes.usedAt)));
    for (const candidate of unused) {
      if (!(await bcrypt.compare(code, candidate.codeHash))) continue;
      const spent = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.id, candidate.id), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      return spent.length ? ("recovery_code" as const) : null;
    }
    return null;
  })();
  if (!method) {
    const exhausted = isExhausted(counter, now, limitFor("second_factor"));
    return { ok: false, reason: exhausted ? "rate_limited" : "invalid" };
  }
  await refundSignInAttempt("second_factor", String(userId), counter.windowStartedAt);
  if (method === "recovery_code") return { ok: true, method, recoveryCodesLeft: (await secondFactorStatus(userId)).recoveryCodesLeft };
  return { ok: true, method };
}

/**
 * The privacy manager resets a user's second factor (a lost phone): the factor and its recovery
 * codes are retired (kept for the record, never used again) and the user enrols anew at their next
 * sign-in or on their account page. Audited, also when there was nothing to reset.
 */
export async function resetSecondFactor(actor: Actor, userId: number, now = new Date()): Promise<{ reset: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!u) throw new NotFoundError();
    const retired = await tx
      .update(secondFactors)
      .set({ retiredAt: now })
      .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.retiredAt)))
      .returning({ id: secondFactors.id, confirmedAt: secondFactors.confirmedAt });
    const wasEnrolled = retired.some((r) => r.confirmedAt !== null);
    await recordAudit(tx, actor, { action: "reset_second_factor", entity: "second_factor", entityId: userId, before: { enrolled: wasEnrolled }, after: { enrolled: false } });
    return { reset: wasEnrolled };
  });
}

/** Users (of these ids) with a confirmed second factor: the users page shows it. */
export async function enrolledUserIds(userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const db = await getDb();
  const rows = await db
    .select({ userId: secondFactors.userId })
    .from(secondFactors)
    .where(and(sql`${secondFactors.userId} in ${userIds}`, isNull(secondFactors.retiredAt), isNotNull(secondFactors.confirmedAt)));
  return new Set(rows.map((r) => r.userId));
}
