import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import * as meRoute from "@/app/api/v1/me/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as resetRoute from "@/app/api/v1/users/[id]/reset-password/route";
import * as revokeMineRoute from "@/app/api/v1/me/sessions/revoke/route";
import * as myPasswordRoute from "@/app/api/v1/me/password/route";
import * as revokeUserRoute from "@/app/api/v1/users/[id]/sessions/revoke/route";
import { getDb } from "@/db";
import { auditLog, loginAttempts, sessions, users } from "@/db/schema";
import { PURGE_AFTER_DAYS, TOUCH_INTERVAL_MS, purgeEndedSessions, sessionLimits, userForSession } from "@/db/queries/sessions";
import { sessionClaims } from "@/lib/auth/session-token";
import { LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import type { Role } from "@/lib/auth/roles";
import { call } from "../support/api";
import { testPasswordHash } from "../support/passwords";

/**
 * Revocable sessions with REAL cookies: users sign in through Auth.js's own handlers (the
 * credentials callback, with its CSRF token), and every API call below goes through the real
 * session check (lib/auth/session.ts is NOT faked in this file: the cookie the request carries is
 * decrypted and its session row looked up). An old cookie must answer 401 after sign-out, a
 * password reset, a deactivation (and still after re-activation), a role change and "sign out
 * everywhere"; the idle timeout and the absolute lifetime end a session; other users' sessions are
 * untouched.
 */

const jar = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-secret-integration-secret-0123";
  return { cookie: "" };
});
// Next's request headers, as a route handler or the sign-in callback sees them.
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ cookie: jar.cookie, "user-agent": "vitest/sessions" }),
}));
// The real session check, instead of the setup's fake.
vi.mock("@/lib/auth/session", async (importOriginal) => importOriginal());

const { handlers } = await import("@/lib/auth");
const { authConfig } = await import("@/lib/auth/config");
const { getCurrentUser } = await import("@/lib/auth/session");

const BASE = "http://localhost";
const COOKIE = "authjs.session-token";
const PASSWORD = "correct horse battery staple";

type RouteModule = Parameters<typeof call>[0];

/** Set-Cookie lines → "name=value" pairs the next request sends. */
function cookiesFrom(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(";");
    const i = pair.indexOf("=");
    const cleared = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
    out[pair.slice(0, i)] = cleared ? "" : pair.slice(i + 1);
  }
  return out;
}
const header = (c: Record<string, string>) =>
  Object.entries(c)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

/** A CSRF token and its cookie, as the login form gets them. */
async function csrf(cookie = ""): Promise<{ token: string; cookies: Record<string, string> }> {
  const res = await handlers.GET(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { cookie } }));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookies: cookiesFrom(res) };
}

/** Signs in through Auth.js's credentials callback; returns the Cookie header a browser would send. */
async function signIn(email: string, password = PASSWORD): Promise<string> {
  const c = await csrf();
  const res = await handlers.POST(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(c.cookies) },
      body: new URLSearchParams({ email, password, csrfToken: c.token, callbackUrl: "/" }),
    }),
  );
  const set = cookiesFrom(res);
  if (!set[COOKIE]) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.headers.get("location")}`);
  return `${COOKIE}=${set[COOKIE]}`;
}

/** Signs out through Auth.js (POST /api/auth/signout), as the header's button does. */
async function signOut(cookie: string) {
  const c = await csrf(cookie);
  const res = await handlers.POST(
    new NextRequest(`${BASE}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${header(c.cookies)}` },
      body: new URLSearchParams({ csrfToken: c.token, callbackUrl: "/login" }),
    }),
  );
  expect(res.status).toBeLessThan(400);
  expect(cookiesFrom(res)[COOKIE]).toBe("");
}

/** A request with this cookie through a real route handler. */
async function as(cookie: string, mod: RouteModule, method: string, path: string, opts: Parameters<typeof call>[3] = {}) {
  jar.cookie = cookie;
  try {
    return await call(mod, method, path, { ...opts, headers: { cookie, ...opts.headers } });
  } finally {
    jar.cookie = "";
  }
}
const me = (cookie: string) => as(cookie, meRoute, "GET", "/api/v1/me");

let n = 0;
async function makeUser(role: Role, active = true) {
  const db = await getDb();
  const email = `session-${role}-${++n}@example.com`;
  const [u] = await db
    .insert(users)
    .values({ email, name: `Session ${role} ${n}`, role, passwordHash: await testPasswordHash(PASSWORD), active })
    .returning();
  return u;
}
async function version(id: number) {
  const db = await getDb();
  const [u] = await db.select({ version: users.version, name: users.name, role: users.role }).from(users).where(eq(users.id, id));
  return u;
}
async function claims(cookie: string) {
  const c = await sessionClaims(cookie, authConfig.secret);
  if (!c) throw new Error("no claims");
  return c;
}
async function sessionRow(cookie: string) {
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, (await claims(cookie)).sid));
  return row;
}

let manager: Awaited<ReturnType<typeof makeUser>>;
let managerCookie: string;

beforeAll(async () => {
  manager = await makeUser("privacy_manager");
  managerCookie = await signIn(manager.email);
});

describe("signing in", () => {
  it("creates a server-side session named by the cookie, and the real check lets it in", async () => {
    const u = await makeUser("hr");
    const cookie = await signIn(u.email);
    const c = await claims(cookie);
    expect(c.userId).toBe(u.id);
    expect(c.sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await sessionRow(cookie);
    expect(row).toMatchObject({ userId: u.id, revokedAt: null, userAgent: "vitest/sessions" });

    const res = await me(cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: u.id, email: u.email, name: u.name, role: "hr" });
    jar.cookie = cookie;
    expect(await getCurrentUser()).toMatchObject({ id: u.id });
    jar.cookie = "";

    // Two sign-ins are two sessions.
    const other = await signIn(u.email);
    expect((await claims(other)).sid).not.toBe(c.sid);
  });

  it("the cookie is bounded by the absolute lifetime (signed-in-at claim, expiry)", async () => {
    const u = await makeUser("auditor");
    const cookie = await signIn(u.email);
    const token = await decode({ token: cookie.slice(COOKIE.length + 1), secret: authConfig.secret, salt: COOKIE });
    const maxSeconds = sessionLimits().maxMs / 1000;
    expect(typeof token?.sat).toBe("number");
    // To the second: the clock may tick between the jwt callback (sat) and the encryption (exp).
    expect(token!.exp! - (token!.sat as number)).toBeLessThanOrEqual(maxSeconds + 1);
    expect(token!.exp! - token!.iat!).toBeGreaterThan(maxSeconds - 60);

    // Renewed near the end of its lifetime (the proxy re-issues the cookie on page loads), the token
    // still expires when the session does; past it, or without a sign-in time, it is dropped.
    const now = Math.floor(Date.now() / 1000);
    const late = { ...token!, sat: now - maxSeconds + 100 };
    const renewed = await authConfig.jwt.encode({ token: late, secret: authConfig.secret, salt: COOKIE, maxAge: maxSeconds });
    const renewedExp = (await decode({ token: renewed, secret: authConfig.secret, salt: COOKIE }))!.exp!;
    expect(renewedExp).toBeLessThanOrEqual(now + 101);
    expect(renewedExp).toBeGreaterThan(now + 90);
    const jwt = authConfig.callbacks.jwt as (p: { token: Record<string, unknown> }) => unknown;
    expect(jwt({ token: late })).toEqual(late);
    expect(jwt({ token: { ...token!, sat: now - maxSeconds - 1 } })).toBeNull();
    expect(jwt({ token: { ...token!, sat: undefined } })).toBeNull();
  });

  it("refuses a cookie without a session id (issued before this change) and one naming another user's session", async () => {
    const u = await makeUser("hr");
    const legacy = await encode({ token: { sub: String(u.id), uid: u.id, role: "hr" }, secret: authConfig.secret, salt: COOKIE, maxAge: 3600 });
    expect((await me(`${COOKIE}=${legacy}`)).status).toBe(401);

    // A (forged) token with the manager's live sid but another uid.
    const { sid } = await claims(managerCookie);
    const mixed = await encode({ token: { sub: String(u.id), uid: u.id, sid, sat: Math.floor(Date.now() / 1000) }, secret: authConfig.secret, salt: COOKIE, maxAge: 3600 });
    expect((await me(`${COOKIE}=${mixed}`)).status).toBe(401);
    expect((await me(managerCookie)).status).toBe(200);
    expect((await me("")).status).toBe(401);
  });
});

describe("ending sessions", () => {
  it("sign-out revokes that session: the old cookie, kept, answers 401; the user's other session lives on", async () => {
    const u = await makeUser("executive");
    const laptop = await signIn(u.email);
    const phone = await signIn(u.email);
    expect((await me(laptop)).status).toBe(200);
    await signOut(laptop);
    const res = await me(laptop);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await sessionRow(laptop)).toMatchObject({ revokeReason: "sign_out" });
    expect((await me(phone)).status).toBe(200);
  });

  it("a password reset ends every session of that user in the same transaction, audited; others are unaffected", async () => {
    const u = await makeUser("hr");
    const bystander = await makeUser("hr");
    const a = await signIn(u.email);
    const b = await signIn(u.email);
    const c = await signIn(bystander.email);
    const res = await as(managerCookie, resetRoute, "POST", `/api/v1/users/${u.id}/reset-password`, {
      params: { id: u.id },
      json: { version: (await version(u.id)).version },
    });
    expect(res.status).toBe(200);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await me(c)).status).toBe(200);
    expect((await me(managerCookie)).status).toBe(200);
    expect(await sessionRow(a)).toMatchObject({ revokeReason: "password_reset" });

    const db = await getDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "user_sessions"), eq(auditLog.entityId, String(u.id))));
    expect(entry).toMatchObject({ action: "end", actorId: manager.id, after: { reason: "password_reset", sessionsEnded: 2 } });

    // The new password signs in afresh.
    const fresh = await signIn(u.email, res.body.temporaryPassword);
    expect((await me(fresh)).status).toBe(200);
  });

  it("a manager resetting their own password keeps the session they use, and ends their others", async () => {
    const m = await makeUser("privacy_manager");
    const here = await signIn(m.email);
    const elsewhere = await signIn(m.email);
    const res = await as(here, resetRoute, "POST", `/api/v1/users/${m.id}/reset-password`, {
      params: { id: m.id },
      json: { version: (await version(m.id)).version },
    });
    expect(res.status).toBe(200);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
  });

  it("deactivation ends the sessions, and re-activation does not revive them", async () => {
    const u = await makeUser("auditor");
    const cookie = await signIn(u.email);
    const patch = async (active: boolean) => {
      const v = await version(u.id);
      return as(managerCookie, userRoute, "PATCH", `/api/v1/users/${u.id}`, { params: { id: u.id }, json: { name: v.name, role: v.role, active, version: v.version } });
    };
    expect((await patch(false)).status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    expect(await sessionRow(cookie)).toMatchObject({ revokeReason: "deactivated" });
    expect((await patch(true)).status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    // Signing in again works.
    expect((await me(await signIn(u.email))).status).toBe(200);
  });

  it("a role change ends the sessions; a change of name alone does not", async () => {
    const u = await makeUser("hr");
    const cookie = await signIn(u.email);
    const patch = async (body: { name?: string; role?: Role }) => {
      const v = await version(u.id);
      return as(managerCookie, userRoute, "PATCH", `/api/v1/users/${u.id}`, {
        params: { id: u.id },
        json: { name: body.name ?? v.name, role: body.role ?? v.role, active: true, version: v.version },
      });
    };
    expect((await patch({ name: "Renamed" })).status).toBe(200);
    expect((await me(cookie)).status).toBe(200);
    expect((await patch({ role: "executive" })).status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    expect(await sessionRow(cookie)).toMatchObject({ revokeReason: "role_changed" });
    const again = await signIn(u.email);
    expect((await me(again)).body.role).toBe("executive");
  });

  it("sign out everywhere (any role, own sessions): every session of that user ends, audited, others untouched", async () => {
    const u = await makeUser("executive");
    const other = await makeUser("executive");
    const a = await signIn(u.email);
    const b = await signIn(u.email);
    const o = await signIn(other.email);
    const res = await as(a, revokeMineRoute, "POST", "/api/v1/me/sessions/revoke");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionsEnded: 2 });
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await me(o)).status).toBe(200);
    expect(await sessionRow(b)).toMatchObject({ revokeReason: "sign_out_everywhere" });
    // With the session gone, a second call is refused at the door.
    expect((await as(a, revokeMineRoute, "POST", "/api/v1/me/sessions/revoke")).status).toBe(401);
    const db = await getDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "user_sessions"), eq(auditLog.entityId, String(u.id))));
    expect(entry).toMatchObject({ action: "end", actorId: u.id, after: { reason: "sign_out_everywhere", sessionsEnded: 2 } });
  });

  it("the privacy manager ends a user's sessions from the users page (counted there); other roles may not", async () => {
    const u = await makeUser("hr");
    const a = await signIn(u.email);
    await signIn(u.email);
    const list = async () => (await as(managerCookie, usersRoute, "GET", `/api/v1/users?q=${encodeURIComponent(u.email)}`)).body.items[0];
    expect(await list()).toMatchObject({ id: u.id, liveSessions: 2 });

    const hr = await as(a, revokeUserRoute, "POST", `/api/v1/users/${manager.id}/sessions/revoke`, { params: { id: manager.id } });
    expect(hr.status).toBe(403);
    expect((await me(managerCookie)).status).toBe(200);

    const res = await as(managerCookie, revokeUserRoute, "POST", `/api/v1/users/${u.id}/sessions/revoke`, { params: { id: u.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionsEnded: 2 });
    expect((await me(a)).status).toBe(401);
    expect(await sessionRow(a)).toMatchObject({ revokeReason: "revoked_by_manager" });
    expect(await list()).toMatchObject({ id: u.id, liveSessions: 0 });
    expect((await me(managerCookie)).status).toBe(200);

    const missing = await as(managerCookie, revokeUserRoute, "POST", "/api/v1/users/999999/sessions/revoke", { params: { id: 999999 } });
    expect(missing.status).toBe(404);
  });
});

describe("lifetimes", () => {
  const { maxMs, idleMs } = sessionLimits();
  const at = (ms: number) => new Date(Date.now() + ms);

  it("the idle timeout ends a session nobody used; use keeps it alive, marked at most once a minute", async () => {
    const u = await makeUser("hr");
    const cookie = await signIn(u.email);
    const c = await claims(cookie);
    const seen0 = (await sessionRow(cookie)).lastSeenAt.getTime();

    // Within a minute: read only, last_seen_at unchanged.
    expect(await userForSession(c, at(TOUCH_INTERVAL_MS / 2))).toMatchObject({ id: u.id });
    expect((await sessionRow(cookie)).lastSeenAt.getTime()).toBe(seen0);

    // Used just before the idle timeout: marked seen, so the clock restarts.
    const t1 = idleMs - 5_000;
    expect(await userForSession(c, at(t1))).toMatchObject({ id: u.id });
    const seen1 = (await sessionRow(cookie)).lastSeenAt.getTime();
    expect(seen1).toBeGreaterThan(seen0 + t1 - 5_000);
    expect(await userForSession(c, at(t1 + idleMs - 5_000))).toMatchObject({ id: u.id });

    // Then left alone for longer than the idle timeout: over.
    const seen2 = (await sessionRow(cookie)).lastSeenAt.getTime();
    expect(await userForSession(c, new Date(seen2 + idleMs + 1_000))).toBeNull();
  });

  it("the absolute lifetime ends a session however busy it is", async () => {
    const u = await makeUser("hr");
    const cookie = await signIn(u.email);
    const c = await claims(cookie);
    // Busy all along: a request every half idle period until the lifetime is over.
    const step = Math.floor(idleMs / 2);
    let t = step;
    for (; t < maxMs - 1_000; t += step) expect(await userForSession(c, at(t)), `at +${t} ms`).not.toBeNull();
    expect(await userForSession(c, at(maxMs + 1_000))).toBeNull();
  });

  it("old ended sessions are purged, a bounded batch at a time; recent and live ones stay", async () => {
    const db = await getDb();
    const u = await makeUser("auditor");
    const live = await signIn(u.email);
    const old = new Date(Date.now() - (PURGE_AFTER_DAYS + 1) * 86_400_000);
    const ids = Array.from({ length: 5 }, (_, i) => `purge-old-${n}-${i}`.padEnd(43, "x"));
    await db.insert(sessions).values(ids.map((id, i) => ({ id, userId: u.id, createdAt: old, lastSeenAt: old, revokedAt: i % 2 ? old : null })));
    // Revoked recently though last seen long ago: kept for now.
    await db.insert(sessions).values({ id: `purge-recent-${n}`.padEnd(43, "x"), userId: u.id, createdAt: old, lastSeenAt: old, revokedAt: new Date() });

    expect(await purgeEndedSessions(new Date(), 3)).toBe(3);
    expect(await purgeEndedSessions(new Date(), 3)).toBe(2);
    expect(await purgeEndedSessions(new Date(), 3)).toBe(0);
    const left = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, u.id));
    expect(left.map((r) => r.id).sort()).toEqual([`purge-recent-${n}`.padEnd(43, "x"), (await claims(live)).sid].sort());
    expect((await me(live)).status).toBe(200);
  });

  it("a sign-in purges too", async () => {
    const db = await getDb();
    const u = await makeUser("auditor");
    const old = new Date(Date.now() - (PURGE_AFTER_DAYS + 2) * 86_400_000);
    await db.insert(sessions).values({ id: `purge-signin-${n}`.padEnd(43, "x"), userId: u.id, createdAt: old, lastSeenAt: old, revokedAt: old });
    await signIn(u.email);
    expect(await db.select().from(sessions).where(eq(sessions.id, `purge-signin-${n}`.padEnd(43, "x")))).toEqual([]);
  });
});

describe("changing one's own password", () => {
  const change = (cookie: string, json: unknown) => as(cookie, myPasswordRoute, "POST", "/api/v1/me/password", { json });
  const NEW = "a new and long passphrase";

  it("needs the current password; ends the user's other sessions, keeps this one, audited without the hash; the new one signs in", async () => {
    const u = await makeUser("hr");
    const other = await makeUser("auditor");
    const here = await signIn(u.email);
    const elsewhere = await signIn(u.email);
    const someoneElse = await signIn(other.email);
    const before = await version(u.id);

    const wrong = await change(here, { currentPassword: "not my password", newPassword: NEW });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: "currentPassword" })]);
    expect(await version(u.id)).toEqual(before);
    expect((await me(elsewhere)).status).toBe(200);

    const same = await change(here, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: "newPassword" })]);
    const short = await change(here, { currentPassword: PASSWORD, newPassword: "short" });
    expect(short.status).toBe(400);
    expect(await version(u.id)).toEqual(before);

    const ok = await change(here, { currentPassword: PASSWORD, newPassword: NEW });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.user).toMatchObject({ id: u.id, version: before.version + 1 });
    expect(JSON.stringify(ok.body)).not.toContain("$2");
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await me(someoneElse)).status).toBe(200);
    expect(await sessionRow(elsewhere)).toMatchObject({ revokeReason: "password_changed" });

    const db = await getDb();
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, String(u.id)), eq(auditLog.action, "change_password")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: u.id, before: { version: before.version }, after: { version: before.version + 1 } });
    expect(JSON.stringify(entries[0])).not.toMatch(/\$2[aby]\$/);

    await expect(signIn(u.email, PASSWORD)).rejects.toThrow(/sign-in/);
    expect((await me(await signIn(u.email, NEW))).status).toBe(200);
  });

  it("counts tries of the current password per user: after the limit, 429 with Retry-After even for the right one", async () => {
    const u = await makeUser("executive");
    const here = await signIn(u.email);
    for (let i = 0; i < LOGIN_LIMITS.account; i++) expect((await change(here, { currentPassword: `guess ${i}`, newPassword: NEW })).status).toBe(400);
    const locked = await change(here, { currentPassword: PASSWORD, newPassword: NEW });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    const db = await getDb();
    const [row] = await db.select().from(loginAttempts).where(and(eq(loginAttempts.scope, "password_change"), eq(loginAttempts.key, String(u.id))));
    expect(row.lockedUntil).not.toBeNull();
    expect((await signIn(u.email, PASSWORD)).length).toBeGreaterThan(0);
  });

  it("an account that signs in only through single sign-on has no password to change: 409, nothing changed", async () => {
    const u = await makeUser("auditor");
    const cookie = await signIn(u.email);
    const db = await getDb();
    await db.update(users).set({ passwordHash: null }).where(eq(users.id, u.id));
    const before = await version(u.id);
    const res = await change(cookie, { currentPassword: PASSWORD, newPassword: NEW });
    expect(res.status).toBe(409);
    expect(await version(u.id)).toEqual(before);
  });
});
