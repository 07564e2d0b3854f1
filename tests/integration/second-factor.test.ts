import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, desc, eq, isNull } from "drizzle-orm";
import * as beginRoute from "@/app/api/v1/me/second-factor/route";
import * as resetRoute from "@/app/api/v1/users/[id]/second-factor/reset/route";
import * as securityRoute from "@/app/api/v1/settings/security/route";
import { getDb } from "@/db";
import { auditLog, recoveryCodes, secondFactors, sessions, users } from "@/db/schema";
import { openSecret, totpCode, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";
import { LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { testState } from "../support/state";
import { call } from "../support/api";
import { testPasswordHash } from "../support/passwords";
import { postCredentials, refusalCode, type Jar } from "../support/auth-flow";

/**
 * The second factor end to end against the real credentials provider (Auth.js's handlers): enrolment
 * through the API (QR, confirmation code, ten hashed recovery codes), a password sign-in that stops
 * for a code, codes at the window's edges, a code used twice, recovery codes used once, the rate
 * limit, the manager's setting, and the manager's reset — each audited.
 */
const state = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-secret-integration-secret-0123";
  return { jar: new Map<string, string>() as Jar };
});
vi.mock("next/headers", async (importOriginal) => {
  const { headersMock } = await import("../support/auth-flow");
  return { ...(await importOriginal<typeof import("next/headers")>()), ...headersMock(state.jar) };
});

const { handlers } = await import("@/lib/auth");
const PASSWORD = "correct horse battery staple";
let n = 0;

async function makeUser(role: Role): Promise<SessionUser> {
  const db = await getDb();
  const email = `tfa-${role}-${++n}@example.com`;
  const [u] = await db.insert(users).values({ email, name: `TFA ${n}`, role, passwordHash: await testPasswordHash(PASSWORD) }).returning();
  return { id: u.id, email, name: u.name, role };
}

/**
 * Enrols `user` through the API; returns the secret and the recovery codes. The enrolment is then
 * dated ten minutes back (its code's step with it), as if it had been made earlier, so that the
 * codes around now are all later than the last one used.
 */
async function enrol(user: SessionUser, now = new Date()) {
  testState.user = user;
  const begun = await call(beginRoute, "POST", "/api/v1/me/second-factor", { json: {} });
  expect(begun.status).toBe(200);
  expect(begun.body.qrSvg).toMatch(/^<svg/);
  expect(begun.body.uri).toContain(`secret=${begun.body.secret}`);
  const secret: string = begun.body.secret;
  const confirmed = await call(beginRoute, "POST", "/api/v1/me/second-factor", { json: { code: await totpCode(secret, now) } });
  expect(confirmed.status, confirmed.text).toBe(200);
  const db = await getDb();
  const earlier = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) - 20;
  await db.update(secondFactors).set({ lastTimeStep: earlier }).where(and(eq(secondFactors.userId, user.id), isNull(secondFactors.retiredAt)));
  testState.user = null;
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

/** A fresh browser: empty cookie jar. */
function browser() {
  state.jar.clear();
}

async function passwordStep(email: string, password = PASSWORD) {
  return postCredentials(handlers, state.jar, { email, password });
}
async function codeStep(code: string) {
  return postCredentials(handlers, state.jar, { step: "second_factor", code });
}

async function lastAudit(entity: string) {
  const db = await getDb();
  const [row] = await db.select().from(auditLog).where(eq(auditLog.entity, entity)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

beforeAll(() => browser());

describe("enrolment", () => {
  it("keeps the secret encrypted, confirms only with a right code, and makes ten hashed one-time recovery codes", async () => {
    const user = await makeUser("hr");
    testState.user = user;
    const begun = await call(beginRoute, "POST", "/api/v1/me/second-factor", { json: {} });
    const db = await getDb();
    const [row] = await db.select().from(secondFactors).where(and(eq(secondFactors.userId, user.id), isNull(secondFactors.retiredAt)));
    expect(row.secret).not.toContain(begun.body.secret);
    expect(openSecret(row.secret, process.env.AUTH_SECRET!)).toBe(begun.body.secret);
    expect(row.confirmedAt).toBeNull();

    const wrong = await call(beginRoute, "POST", "/api/v1/me/second-factor", { json: { code: "000000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.field ?? wrong.body.fieldErrors?.[0]?.field ?? JSON.stringify(wrong.body)).toContain("code");

    const ok = await call(beginRoute, "POST", "/api/v1/me/second-factor", { json: { code: await totpCode(begun.body.secret, new Date()) } });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.secondFactorId, row.id));
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(ok.body.recoveryCodes).not.toContain(s.codeHash);
    expect(stored.every((s) => s.codeHash.startsWith("$2"))).toBe(true);

    const status = await call(beginRoute, "GET", "/api/v1/me/second-factor");
    expect(status.body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    // A second enrolment while one is active: 409 (the manager resets it first).
    expect((await call(beginRoute, "POST", "/api/v1/me/second-factor", { json: {} })).status).toBe(409);
    expect(await lastAudit("second_factor")).toMatchObject({ action: "enrol", actorId: user.id, entityId: String(user.id) });
    testState.user = null;
  });
});

describe("password sign-in with a second factor", () => {
  it("stops after the password, refuses a wrong code, and signs in with the right one (method password+totp, audited)", async () => {
    const user = await makeUser("auditor");
    const { secret } = await enrol(user);
    browser();
    const lastSignIn = async () => (await (await getDb()).select({ at: users.lastSignInAt }).from(users).where(eq(users.id, user.id)))[0].at;
    const first = await passwordStep(user.email);
    expect(first.signedIn).toBe(false);
    expect(refusalCode(first.location)).toBe("second_factor");
    expect(state.jar.has("pms-sign-in-challenge")).toBe(true);
    // A password alone is not a sign-in: "last sign-in" waits for the code.
    expect(await lastSignIn()).toBeNull();

    const wrong = await codeStep("123456");
    expect(wrong.signedIn).toBe(false);
    expect(refusalCode(wrong.location)).toBe("invalid_code");
    expect(await lastSignIn()).toBeNull();

    const ok = await codeStep(await totpCode(secret, new Date()));
    expect(ok.signedIn).toBe(true);
    expect(state.jar.has("pms-sign-in-challenge")).toBe(false);
    const db = await getDb();
    const [s] = await db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(desc(sessions.createdAt)).limit(1);
    expect(s.method).toBe("password+totp");
    expect(await lastSignIn()).not.toBeNull();
    expect(await lastAudit("sign_in")).toMatchObject({ action: "sign_in", actorId: user.id, after: { method: "password+totp" } });
  });

  it("accepts the previous and the next step's code, and never the same code twice", async () => {
    const user = await makeUser("hr");
    const now = Date.now();
    const { secret } = await enrol(user);
    browser();
    await passwordStep(user.email);
    const previous = await totpCode(secret, new Date(now - TOTP_PERIOD_SECONDS * 1000));
    expect((await codeStep(previous)).signedIn).toBe(true);

    // The same code again, in a new sign-in: refused.
    browser();
    await passwordStep(user.email);
    const again = await codeStep(previous);
    expect(again.signedIn).toBe(false);
    expect(refusalCode(again.location)).toBe("invalid_code");
    // The next step's code is later than the last used: accepted, once.
    const next = await totpCode(secret, new Date(now + TOTP_PERIOD_SECONDS * 1000));
    expect((await codeStep(next)).signedIn).toBe(true);
    browser();
    await passwordStep(user.email);
    expect((await codeStep(next)).signedIn).toBe(false);
    // The current step's code is earlier than the one used: refused too.
    expect((await codeStep(await totpCode(secret, new Date(now)))).signedIn).toBe(false);
    // Two steps ahead is outside the window.
    expect((await codeStep(await totpCode(secret, new Date(now + 3 * TOTP_PERIOD_SECONDS * 1000)))).signedIn).toBe(false);
  });

  it("takes each recovery code once, in any case and spacing, and counts what is left", async () => {
    const user = await makeUser("executive");
    const { recoveryCodes: codes } = await enrol(user);
    browser();
    await passwordStep(user.email);
    const ok = await codeStep(codes[3].toUpperCase().replace("-", " "));
    expect(ok.signedIn).toBe(true);
    const db = await getDb();
    const [s] = await db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(desc(sessions.createdAt)).limit(1);
    expect(s.method).toBe("password+recovery_code");

    browser();
    await passwordStep(user.email);
    const reused = await codeStep(codes[3]);
    expect(reused.signedIn).toBe(false);
    expect((await codeStep(codes[4])).signedIn).toBe(true);
    testState.user = user;
    expect((await call(beginRoute, "GET", "/api/v1/me/second-factor")).body.recoveryCodesLeft).toBe(8);
    testState.user = null;
  });

  it(`locks the code step after ${LOGIN_LIMITS.account} wrong codes, even for the right one`, async () => {
    const user = await makeUser("hr");
    const { secret } = await enrol(user);
    browser();
    await passwordStep(user.email);
    const codes: (string | null)[] = [];
    for (let i = 0; i < LOGIN_LIMITS.account; i++) codes.push(refusalCode((await codeStep(String(100000 + i))).location));
    expect(codes.slice(0, -1).every((c) => c === "invalid_code")).toBe(true);
    expect(codes.at(-1)).toBe("rate_limited");
    const right = await codeStep(await totpCode(secret, new Date()));
    expect(right.signedIn).toBe(false);
    expect(refusalCode(right.location)).toBe("rate_limited");
  });

  it("cannot skip the code: without the challenge cookie, or with one for enrolment, the code step refuses", async () => {
    const user = await makeUser("hr");
    const { secret } = await enrol(user);
    browser();
    const res = await codeStep(await totpCode(secret, new Date()));
    expect(res.signedIn).toBe(false);
    expect(refusalCode(res.location)).toBe("expired");
    // A forged challenge (not sealed with the app's secret) is worth nothing either.
    state.jar.set("pms-sign-in-challenge", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z");
    expect(refusalCode((await codeStep("000000")).location)).toBe("expired");
  });
});

describe("the privacy manager's setting and reset", () => {
  it("requires a manager without a second factor to enrol at sign-in when the setting is on; others sign in as before", async () => {
    const manager = await makeUser("privacy_manager");
    const hr = await makeUser("hr");
    testState.user = manager;
    const current = await call(securityRoute, "GET", "/api/v1/settings/security");
    const saved = await call(securityRoute, "PUT", "/api/v1/settings/security", { json: { managerSecondFactorRequired: true, version: current.body.version } });
    expect(saved.status, saved.text).toBe(200);
    expect(await lastAudit("settings")).toMatchObject({ action: "update", entityId: "security", after: { managerSecondFactorRequired: true } });
    // Only the privacy manager may change it.
    testState.user = hr;
    expect((await call(securityRoute, "PUT", "/api/v1/settings/security", { json: { managerSecondFactorRequired: false, version: saved.body.version } })).status).toBe(403);
    testState.user = null;

    browser();
    const res = await passwordStep(manager.email);
    expect(res.signedIn).toBe(false);
    expect(refusalCode(res.location)).toBe("enrol");
    browser();
    expect((await passwordStep(hr.email)).signedIn).toBe(true);

    testState.user = manager;
    await call(securityRoute, "PUT", "/api/v1/settings/security", { json: { managerSecondFactorRequired: false, version: saved.body.version } });
    testState.user = null;
    browser();
    expect((await passwordStep(manager.email)).signedIn).toBe(true);
  });

  it("resets a user's second factor (audited): their next sign-in needs no code, and old codes are dead", async () => {
    const manager = await makeUser("privacy_manager");
    const user = await makeUser("hr");
    const { recoveryCodes: codes } = await enrol(user);
    testState.user = user;
    expect((await call(resetRoute, "POST", `/api/v1/users/${user.id}/second-factor/reset`, { params: { id: user.id } })).status).toBe(403);
    testState.user = manager;
    const reset = await call(resetRoute, "POST", `/api/v1/users/${user.id}/second-factor/reset`, { params: { id: user.id } });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ reset: true });
    expect(await lastAudit("second_factor")).toMatchObject({ action: "reset_second_factor", actorId: manager.id, entityId: String(user.id) });
    expect((await call(resetRoute, "POST", `/api/v1/users/999999/second-factor/reset`, { params: { id: 999999 } })).status).toBe(404);
    testState.user = null;

    browser();
    expect((await passwordStep(user.email)).signedIn).toBe(true);
    const db = await getDb();
    const rows = await db.select().from(secondFactors).where(eq(secondFactors.userId, user.id));
    expect(rows.every((r) => r.retiredAt !== null)).toBe(true);
    // A recovery code of the retired factor signs nobody in.
    browser();
    state.jar.set("pms-sign-in-challenge", "");
    expect((await codeStep(codes[0])).signedIn).toBe(false);
  });
});
