import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { customFetch } from "@auth/core";
import { SignJWT, decodeJwt, importJWK } from "jose";
import { getDb } from "@/db";
import { auditLog, sessions, userIdentities, users } from "@/db/schema";
import { accountForSession, endAllSessions } from "@/db/queries/sessions";
import { sessionClaims } from "@/lib/auth/session-token";
import type { OidcProviderConfig } from "@/lib/auth/oidc-config";
import { testPasswordHash } from "../support/passwords";
import { BASE, SESSION_COOKIE, absorb, cookieHeader, postCredentials, refusalCode, type Jar } from "../support/auth-flow";
import { TEST_CLIENT, loginAtProvider, startOidcProvider, type RunningProvider, type TestAccount } from "../support/oidc-provider";

/**
 * Single sign-on against a REAL OpenID Provider started here (oidc-provider, with its own keys):
 * the app's Auth.js configuration (lib/auth/index.ts authOptions) runs the authorization code flow
 * with PKCE, state and nonce; the provider's login form is filled in as a browser would. ID tokens
 * with the wrong issuer, audience or nonce, an expired one and an unverified e-mail are refused;
 * accounts are linked by verified e-mail, created just in time with or without a role, and a
 * deactivated account stays out. Password sign-in is switched off in this file except for the
 * break-glass manager (PMS_PASSWORD_SIGN_IN / PMS_BREAK_GLASS_EMAILS).
 */
const state = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-secret-integration-secret-0123";
  process.env.PMS_PASSWORD_SIGN_IN = "off";
  process.env.PMS_BREAK_GLASS_EMAILS = "glass@example.com, glass-hr@example.com";
  return { jar: new Map<string, string>() as Jar };
});
vi.mock("next/headers", async (importOriginal) => {
  const { headersMock } = await import("../support/auth-flow");
  return { ...(await importOriginal<typeof import("next/headers")>()), ...headersMock(state.jar) };
});

const { authOptions, oidcProvider } = await import("@/lib/auth");

const ACCOUNTS: Record<string, TestAccount> = {
  newbie: { email: "newbie@example.com", email_verified: true, name: "New Bie" },
  "hr-person": { email: "hr.person@example.com", email_verified: true, name: "Hr Person", groups: ["staff", "pms-hr"] },
  manager: { email: "mgr@example.com", email_verified: true, name: "Manager", groups: ["pms-hr", "pms-managers"] },
  linked: { email: "Linked@Example.com", email_verified: true, name: "Linked Upstream" },
  unverified: { email: "unverified@example.com", email_verified: false, name: "Not Verified" },
  gone: { email: "gone@example.com", email_verified: true, name: "Gone" },
  tampered: { email: "tampered@example.com", email_verified: true, name: "Tampered" },
};

let op: RunningProvider;
let handlers: ReturnType<typeof NextAuth>["handlers"];
/** Changes made to the next ID token the app receives (re-signed with the provider's key). */
let tamper: Record<string, unknown> | null = null;

beforeAll(async () => {
  op = await startOidcProvider({ redirectUris: [`${BASE}/api/auth/callback/corp`], accounts: ACCOUNTS });
  const config: OidcProviderConfig = {
    id: "corp",
    name: "Corp IdP",
    issuer: op.issuer,
    clientId: TEST_CLIENT.id,
    clientSecret: TEST_CLIENT.secret,
    roleClaim: "groups",
    roleMap: [
      { value: "pms-managers", role: "privacy_manager" },
      { value: "pms-hr", role: "hr" },
    ],
    trustEmail: false,
    scope: "openid email profile groups",
  };
  // The provider's token answers pass through here; a test may alter the ID token in them.
  const fetchThrough: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!tamper || !url.endsWith("/token") || !res.ok) return res;
    const body = (await res.json()) as { id_token: string };
    const claims = { ...decodeJwt(body.id_token), ...tamper };
    const key = await importJWK(op.privateJwk, "RS256");
    body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: op.privateJwk.kid }).sign(key);
    return Response.json(body, { status: res.status, headers: { "cache-control": "no-store" } });
  };
  handlers = NextAuth(authOptions([{ config, provider: oidcProvider(config, { [customFetch]: fetchThrough }) }])).handlers;
});
afterAll(async () => op?.close());

/** "Sign in with Corp IdP" in a fresh browser, the provider's form filled in as `login`. */
async function ssoSignIn(login: string, rewrite?: (url: URL) => void): Promise<{ location: string; signedIn: boolean }> {
  const jar = state.jar;
  jar.clear();
  const csrfRes = await handlers.GET(new NextRequest(`${BASE}/api/auth/csrf`));
  absorb(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const start = await handlers.POST(
    new NextRequest(`${BASE}/api/auth/signin/corp`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: BASE },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/dashboard" }),
    }),
  );
  absorb(jar, start);
  const authorization = start.headers.get("location")!;
  expect(authorization.startsWith(op.issuer), authorization).toBe(true);
  const params = new URL(authorization).searchParams;
  // Authorization code with PKCE (S256), state and nonce.
  expect(params.get("response_type")).toBe("code");
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("state")).toBeTruthy();
  expect(params.get("nonce")).toBeTruthy();
  const callback = await loginAtProvider(authorization, login, rewrite);
  expect(callback.startsWith(`${BASE}/api/auth/callback/corp`), callback).toBe(true);
  const done = await handlers.GET(new NextRequest(callback, { headers: { cookie: cookieHeader(jar) } }));
  absorb(jar, done);
  return { location: done.headers.get("location") ?? "", signedIn: jar.has(SESSION_COOKIE) };
}

async function sessionAccount() {
  const claims = await sessionClaims(`${SESSION_COOKIE}=${state.jar.get(SESSION_COOKIE)}`, process.env.AUTH_SECRET!);
  return { claims, account: claims ? await accountForSession(claims) : null };
}

async function userByEmail(email: string) {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return u;
}

async function auditFor(entity: string, action: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("accounts", () => {
  it("creates an unknown user on first sign-in without a role (waiting for access), with a session like any other", async () => {
    const res = await ssoSignIn("newbie");
    expect(res.signedIn).toBe(true);
    expect(new URL(res.location, BASE).pathname).toBe("/dashboard");
    const u = await userByEmail("newbie@example.com");
    expect(u).toMatchObject({ name: "New Bie", role: null, passwordHash: null, active: true });
    const { account, claims } = await sessionAccount();
    expect(account).toMatchObject({ id: u.id, role: null });
    const db = await getDb();
    const [s] = await db.select().from(sessions).where(eq(sessions.id, claims!.sid));
    expect(s.method).toBe("oidc:corp");
    const [identity] = await db.select().from(userIdentities).where(eq(userIdentities.userId, u.id));
    expect(identity).toMatchObject({ provider: "corp", subject: "newbie" });
    expect(await auditFor("user", "create")).toMatchObject({ entityId: String(u.id), after: expect.objectContaining({ source: "oidc:corp", role: null }) });
    expect(await auditFor("sign_in", "sign_in")).toMatchObject({ actorId: u.id, after: { method: "oidc:corp" } });
  });

  it("gives the role a group maps to (the first mapping listed wins), and signs the same person in again as the same user", async () => {
    expect((await ssoSignIn("hr-person")).signedIn).toBe(true);
    expect((await userByEmail("hr.person@example.com")).role).toBe("hr");
    expect((await ssoSignIn("manager")).signedIn).toBe(true);
    const m = await userByEmail("mgr@example.com");
    expect(m.role).toBe("privacy_manager");
    expect((await ssoSignIn("manager")).signedIn).toBe(true);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "mgr@example.com"))).toHaveLength(1);
    expect((await sessionAccount()).account).toMatchObject({ id: m.id, role: "privacy_manager" });
  });

  it("links an existing user by verified e-mail (case-insensitive), keeping their role and name", async () => {
    const db = await getDb();
    const [existing] = await db.insert(users).values({ email: "linked@example.com", name: "Linked Locally", role: "auditor", passwordHash: await testPasswordHash("x") }).returning();
    expect((await ssoSignIn("linked")).signedIn).toBe(true);
    expect((await sessionAccount()).account).toMatchObject({ id: existing.id, role: "auditor", name: "Linked Locally" });
    expect(await auditFor("user_identity", "link")).toMatchObject({ entityId: String(existing.id), after: expect.objectContaining({ provider: "corp", subject: "linked" }) });
  });

  it("refuses a deactivated user whatever the provider says, and ends SSO sessions like password ones", async () => {
    expect((await ssoSignIn("gone")).signedIn).toBe(true);
    const { claims } = await sessionAccount();
    const u = await userByEmail("gone@example.com");
    // Sign out everywhere (the manager's button): the SSO session ends at once.
    await endAllSessions({ id: u.id, email: u.email, name: u.name, role: "hr" }, u.id);
    expect(await accountForSession(claims!)).toBeNull();

    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, u.id));
    const res = await ssoSignIn("gone");
    expect(res.signedIn).toBe(false);
    expect(res.location).toContain("/login?error=sso_deactivated");
    expect(await auditFor("sign_in", "sign_in_failed")).toMatchObject({ entityId: String(u.id), after: expect.objectContaining({ reason: "deactivated" }) });
  });

  it("refuses an e-mail the provider does not say is verified, creating nothing", async () => {
    const res = await ssoSignIn("unverified");
    expect(res.signedIn).toBe(false);
    expect(res.location).toContain("/login?error=sso_email_unverified");
    expect(await userByEmail("unverified@example.com")).toBeUndefined();
    expect(await auditFor("sign_in", "sign_in_failed")).toMatchObject({ after: expect.objectContaining({ reason: "email_unverified", method: "oidc:corp" }) });
  });
});

describe("ID token checks", () => {
  /** The reason Auth.js logged for refusing the callback (its error's cause). */
  async function refusalReason(run: () => Promise<{ location: string; signedIn: boolean }>) {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await run();
      expect(res.signedIn).toBe(false);
      expect(res.location).toContain("/login?error=");
      return logged.mock.calls.map((args) => args.map((a) => String((a as { cause?: { err?: unknown } })?.cause?.err ?? a)).join(" ")).join("\n");
    } finally {
      logged.mockRestore();
    }
  }

  const refusedCases: [string, () => Record<string, unknown>, RegExp][] = [
    ["the wrong issuer", () => ({ iss: "http://127.0.0.1:1/evil" }), /"iss" \(issuer\) claim/],
    ["the wrong audience", () => ({ aud: "another-client" }), /"aud" \(audience\) claim/],
    ["an expired token", () => ({ iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 600 }), /"exp" \(expiration time\) claim/],
  ];
  it.each(refusedCases)("refuses %s", async (_name, change, reason) => {
    tamper = change();
    try {
      expect(await refusalReason(() => ssoSignIn("tampered"))).toMatch(reason);
    } finally {
      tamper = null;
    }
    expect(await userByEmail("tampered@example.com")).toBeUndefined();
  });

  it("refuses a token whose nonce is not the one the app sent", async () => {
    const reason = await refusalReason(() => ssoSignIn("tampered", (url) => url.searchParams.set("nonce", "a-nonce-the-app-never-sent")));
    expect(reason).toMatch(/"nonce" claim/);
    expect(await userByEmail("tampered@example.com")).toBeUndefined();
  });

  it("accepts the same sign-in untouched (the checks above refuse for their reason alone)", async () => {
    expect((await ssoSignIn("tampered")).signedIn).toBe(true);
  });
});

describe("password sign-in switched off", () => {
  it("refuses everyone's password but the break-glass privacy manager's (and a break-glass e-mail of another role)", async () => {
    const db = await getDb();
    const hash = await testPasswordHash("right password");
    await db.insert(users).values([
      { email: "glass@example.com", name: "Glass", role: "privacy_manager", passwordHash: hash },
      { email: "glass-hr@example.com", name: "Glass HR", role: "hr", passwordHash: hash },
      { email: "plain-manager@example.com", name: "Plain", role: "privacy_manager", passwordHash: hash },
    ]);
    state.jar.clear();
    const plain = await postCredentials(handlers, state.jar, { email: "plain-manager@example.com", password: "right password" });
    expect(plain.signedIn).toBe(false);
    expect(refusalCode(plain.location)).toBe("password_disabled");
    const hr = await postCredentials(handlers, state.jar, { email: "glass-hr@example.com", password: "right password" });
    expect(refusalCode(hr.location)).toBe("password_disabled");
    const wrong = await postCredentials(handlers, state.jar, { email: "glass@example.com", password: "wrong password" });
    expect(refusalCode(wrong.location)).toBe("invalid");
    const glass = await postCredentials(handlers, state.jar, { email: "GLASS@example.com", password: "right password" });
    expect(glass.signedIn).toBe(true);
    const { claims } = await sessionAccount();
    const [s] = await db.select().from(sessions).where(eq(sessions.id, claims!.sid));
    expect(s.method).toBe("break_glass");
    expect(await auditFor("sign_in", "sign_in")).toMatchObject({ after: { method: "break_glass" } });
    expect(await auditFor("sign_in", "sign_in_failed")).toMatchObject({ after: expect.objectContaining({ reason: "invalid" }) });
  });
});
