import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { checkCredentials, clientAddress as signInAddress } from "@/lib/auth/authorize";
import { LOGIN_LIMITS, countAttempt, isAdmitted, limitFor, refundAttempt, type AttemptCounter } from "@/lib/auth/rate-limit";
import { verifyPassword } from "@/lib/auth/password";
import { PEER_ADDRESS_HEADER, clientAddress, markPeerAddressHookInstalled } from "@/lib/security/client-address";
import { countSignInAttempt, purgeSpentLoginAttempts, refundSignInAttempt } from "@/db/queries/auth";
import { getDb, openDatabase, type DbOrTx } from "@/db";
import { loginAttempts, users } from "@/db/schema";
import { testPasswordHash } from "../support/passwords";

/**
 * Sign-in limits under attack (issue 12 point 2; docs/security.md "Sign-in limits"). On a real
 * Postgres (DATABASE_URL) the bursts run through two independent connection pools, standing for two
 * app instances; on PGlite through the one in-memory database.
 */
const PASSWORD = "correct horse battery";
let hash = "";
let instances: { a: DbOrTx; b: DbOrTx; close: () => Promise<void> };

beforeAll(async () => {
  hash = await testPasswordHash(PASSWORD);
  const url = process.env.DATABASE_URL;
  if (url) {
    const [h1, h2] = await Promise.all([openDatabase({ migrate: false, url }), openDatabase({ migrate: false, url })]);
    instances = { a: h1.db, b: h2.db, close: async () => void (await Promise.all([h1.close(), h2.close()])) };
  } else {
    const db = await getDb();
    instances = { a: db, b: db, close: async () => {} };
  }
});

afterAll(async () => {
  await instances?.close();
});

async function makeUser(email: string) {
  const db = await getDb();
  await db.insert(users).values({ email, name: email, role: "hr", passwordHash: hash });
}

/**
 * The accounts `${prefix}${i}@example.com` for i < n, every tenth of them left unknown: a sprayed
 * attempt on an unknown e-mail checks the app's cost-10 dummy hash (as it should, see "unknown emails
 * are counted…" below), one on an account made here the tests' cheap hash (docs/testing.md). Both
 * kinds take part in each spray.
 */
async function makeSprayedUsers(prefix: string, n: number) {
  const emails = Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`).filter((_, i) => i % 10 !== 0);
  await (await getDb()).insert(users).values(emails.map((email) => ({ email, name: email, role: "hr" as const, passwordHash: hash })));
}

async function counter(scope: "account" | "address", key: string) {
  const db = await getDb();
  const [row] = await db.select().from(loginAttempts).where(sql`${loginAttempts.scope} = ${scope} and ${loginAttempts.key} = ${key}`);
  return row;
}

/** A password verifier that counts the hashes it checks, by password. */
function countingVerifier() {
  const calls: string[] = [];
  return {
    calls,
    verify: async (plain: string, h: string) => {
      calls.push(plain);
      return verifyPassword(plain, h);
    },
  };
}

describe("a burst of parallel attempts", () => {
  it(`200 parallel wrong passwords over two instances verify at most ${LOGIN_LIMITS.account} hashes`, async () => {
    await makeUser("burst@example.com");
    const v = countingVerifier();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        // 200 addresses, so only the account limit is in play; half through each instance.
        checkCredentials({ email: "burst@example.com", password: `guess ${i}` }, `10.200.${i >> 8}.${i & 255}`, {
          db: i % 2 ? instances.a : instances.b,
          verify: v.verify,
          purgeChance: 0,
        }),
      ),
    );
    expect(v.calls.length).toBeLessThanOrEqual(LOGIN_LIMITS.account);
    expect(v.calls.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(outcomes.filter((o) => !o.ok && o.reason === "rate_limited").length).toBeGreaterThanOrEqual(200 - LOGIN_LIMITS.account);
    const row = await counter("account", "burst@example.com");
    expect(row.failures).toBe(200);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("the right password is refused during the lock, without a hash being checked, and accepted once it has ended", async () => {
    const v = countingVerifier();
    expect(await checkCredentials({ email: "burst@example.com", password: PASSWORD }, "10.201.0.1", { verify: v.verify, purgeChance: 0 })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect(v.calls).toEqual([]);
    const { lockedUntil } = await counter("account", "burst@example.com");
    const justBefore = new Date(lockedUntil!.getTime() - 1000);
    expect((await checkCredentials({ email: "burst@example.com", password: PASSWORD }, "10.201.0.2", { now: justBefore, verify: v.verify, purgeChance: 0 })).ok).toBe(false);
    expect(v.calls).toEqual([]);
    const after = new Date(lockedUntil!.getTime() + 1000);
    expect((await checkCredentials({ email: "burst@example.com", password: PASSWORD }, "10.201.0.3", { now: after, verify: v.verify, purgeChance: 0 })).ok).toBe(true);
    expect(v.calls).toEqual([PASSWORD]);
  });

  it("a correct password inside a burst does not reset the window: the guesses after it stay refused, and the account stays locked", async () => {
    await makeUser("inside@example.com");
    const v = countingVerifier();
    const attempts = Array.from({ length: 60 }, (_, i) => (i === 2 ? PASSWORD : `guess ${i}`));
    const outcomes = await Promise.all(
      attempts.map((password, i) =>
        checkCredentials({ email: "inside@example.com", password }, `10.202.0.${i}`, { db: i % 2 ? instances.a : instances.b, verify: v.verify, purgeChance: 0 }),
      ),
    );
    const wrongChecked = v.calls.filter((p) => p !== PASSWORD).length;
    expect(wrongChecked).toBeLessThanOrEqual(LOGIN_LIMITS.account);
    // The success (if its attempt was admitted at all) gave back only its own attempt.
    const succeeded = outcomes.filter((o) => o.ok).length;
    expect(succeeded).toBeLessThanOrEqual(1);
    expect(v.calls.length).toBeLessThanOrEqual(LOGIN_LIMITS.account + succeeded);
    const row = await counter("account", "inside@example.com");
    expect(row.failures).toBe(60 - succeeded);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // After the burst the right password is refused until the lock ends.
    expect(await checkCredentials({ email: "inside@example.com", password: PASSWORD }, "10.202.1.1", { verify: v.verify, purgeChance: 0 })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("unknown emails are counted and locked like known ones (and cost one hash while admitted)", async () => {
    const v = countingVerifier();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkCredentials({ email: "nobody-here@example.com", password: `x${i}` }, `10.203.0.${i}`, { db: i % 2 ? instances.a : instances.b, verify: v.verify, purgeChance: 0 }),
      ),
    );
    expect(v.calls.length).toBe(LOGIN_LIMITS.account);
    expect(outcomes.filter((o) => !o.ok && o.reason === "rate_limited").length).toBeGreaterThanOrEqual(20 - LOGIN_LIMITS.account);
  });

  it(`one address is held to ${LOGIN_LIMITS.address} verified attempts across any number of accounts, over two instances`, async () => {
    await makeSprayedUsers("spray", 120);
    const v = countingVerifier();
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        checkCredentials({ email: `spray${i}@example.com`, password: "Summer2026!" }, "198.51.100.200", { db: i % 2 ? instances.a : instances.b, verify: v.verify, purgeChance: 0 }),
      ),
    );
    expect(v.calls.length).toBe(LOGIN_LIMITS.address);
    // Refused by the address, those attempts never reached the accounts' counters.
    const db = await getDb();
    const accounts = await db.select().from(loginAttempts).where(sql`${loginAttempts.scope} = 'account' and ${loginAttempts.key} like 'spray%'`);
    expect(accounts.length).toBe(LOGIN_LIMITS.address);
  });
});

describe("the client address cannot be chosen by the client", () => {
  beforeAll(() => {
    // As instrumentation.ts does at start; the header below is what the hook stamps from the socket.
    markPeerAddressHookInstalled();
  });

  const request = (socket: string, forwardedFor?: string) =>
    new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { [PEER_ADDRESS_HEADER]: socket, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    });

  it("a fresh X-Forwarded-For on every attempt does not escape the address limit", async () => {
    await makeSprayedUsers("rotate", LOGIN_LIMITS.address + 5);
    const v = countingVerifier();
    const outcomes = [];
    for (let i = 0; i < LOGIN_LIMITS.address + 5; i++) {
      const address = signInAddress(request("203.0.113.77", `192.0.2.${i}`).headers);
      expect(address).toBe("203.0.113.77");
      outcomes.push(await checkCredentials({ email: `rotate${i}@example.com`, password: "guess" }, address, { verify: v.verify, purgeChance: 0 }));
    }
    expect(v.calls.length).toBe(LOGIN_LIMITS.address);
    expect(outcomes.slice(LOGIN_LIMITS.address).every((o) => !o.ok && o.reason === "rate_limited")).toBe(true);
  });

  it("naming someone else's address in X-Forwarded-For does not lock them out", async () => {
    await makeUser("victim@example.com");
    await makeSprayedUsers("frame", LOGIN_LIMITS.address + 5);
    for (let i = 0; i < LOGIN_LIMITS.address + 5; i++) {
      await checkCredentials({ email: `frame${i}@example.com`, password: "guess" }, signInAddress(request("203.0.113.78", "198.51.100.9").headers), { purgeChance: 0 });
    }
    expect(await counter("address", "198.51.100.9")).toBeUndefined();
    const victim = await checkCredentials({ email: "victim@example.com", password: PASSWORD }, signInAddress(request("198.51.100.9").headers), { purgeChance: 0 });
    expect(victim.ok).toBe(true);
  });

  it("behind one trusted proxy the address is the entry that proxy appended, whatever the client prepended", () => {
    const viaProxy = (spoof: string) => clientAddress(request("10.0.0.1", `${spoof}, 203.0.113.79`).headers, 1);
    expect(new Set(["198.51.100.1", "198.51.100.2", "garbage", "203.0.113.1, 203.0.113.2"].map(viaProxy))).toEqual(new Set(["203.0.113.79"]));
  });
});

describe("purging spent counters", () => {
  it("deletes rows whose window and lock have ended, keeps running windows and locks, in bounded batches", async () => {
    const db = await getDb();
    await db.delete(loginAttempts).where(sql`true`);
    const t0 = new Date("2030-01-01T00:00:00Z");
    const min = (m: number) => new Date(t0.getTime() + m * 60_000);
    for (let i = 0; i < 7; i++) await countSignInAttempt("address", `192.0.2.${i}`, min(0)); // spent at +15
    await countSignInAttempt("address", "192.0.2.100", min(10)); // window until +25
    for (let i = 0; i <= LOGIN_LIMITS.account; i++) await countSignInAttempt("account", "locked@example.com", min(5)); // locked until +20
    expect(await purgeSpentLoginAttempts(min(16), 5)).toBe(5);
    expect(await purgeSpentLoginAttempts(min(16), 5)).toBe(2);
    expect(await purgeSpentLoginAttempts(min(16), 5)).toBe(0);
    expect((await db.select().from(loginAttempts)).map((r) => r.key).sort()).toEqual(["192.0.2.100", "locked@example.com"]);
    expect(await purgeSpentLoginAttempts(min(20), 5)).toBe(1);
    expect(await purgeSpentLoginAttempts(min(25), 5)).toBe(1);
    expect(await db.select().from(loginAttempts)).toEqual([]);
  });

  it("sign-in attempts purge as they go", async () => {
    const db = await getDb();
    const old = new Date(Date.now() - 60 * 60_000);
    for (let i = 0; i < 20; i++) await countSignInAttempt("account", `old${i}@example.com`, old);
    expect((await db.select().from(loginAttempts).where(sql`${loginAttempts.key} like 'old%'`)).length).toBe(20);
    await checkCredentials({ email: "someone@example.com", password: "x" }, "192.0.2.200", { purgeChance: 1 });
    expect((await db.select().from(loginAttempts).where(sql`${loginAttempts.key} like 'old%'`)).length).toBe(0);
    expect(await counter("account", "someone@example.com")).toBeDefined();
  });
});

describe("the database applies the rule of lib/auth/rate-limit.ts", () => {
  it("attempts and refunds at many moments give the counters the pure model computes", async () => {
    const t0 = new Date("2031-01-01T00:00:00Z");
    let model: AttemptCounter | null = null;
    const limit = limitFor("account");
    // Minutes of each event; "r" = a successful sign-in's refund of the attempt just counted.
    const script: Array<[number, "a" | "r"]> = [
      [0, "a"], [1, "a"], [1, "r"], [2, "a"], [3, "a"], [4, "a"], [5, "a"], [6, "a"], [7, "a"], [8, "r"], [20, "a"], [21, "a"], [22, "a"],
      [40, "a"], [41, "a"], [41, "r"], [56, "a"], [57, "a"], [57, "a"], [57, "a"], [57, "a"], [57, "a"], [57, "a"], [71, "a"], [72, "a"],
    ];
    let lastWindow: Date | null = null;
    for (const [minute, kind] of script) {
      const now = new Date(t0.getTime() + minute * 60_000);
      if (kind === "a") {
        model = countAttempt(model, now, limit);
        const stored = await countSignInAttempt("account", "model@example.com", now, instances.a);
        expect(stored, `attempt at +${minute}`).toEqual(model);
        expect(isAdmitted(stored, now, limit)).toBe(isAdmitted(model, now, limit));
        lastWindow = stored.windowStartedAt;
      } else {
        model = refundAttempt(model!, lastWindow!);
        await refundSignInAttempt("account", "model@example.com", lastWindow!, instances.b);
        const row = await counter("account", "model@example.com");
        expect({ attempts: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil }, `refund at +${minute}`).toEqual(model);
      }
    }
  });

  it("a refund for a window that has since been replaced changes nothing", async () => {
    const t0 = new Date("2032-01-01T00:00:00Z");
    const first = await countSignInAttempt("account", "late@example.com", t0);
    const later = new Date(t0.getTime() + 30 * 60_000);
    await countSignInAttempt("account", "late@example.com", later);
    await countSignInAttempt("account", "late@example.com", later);
    await refundSignInAttempt("account", "late@example.com", first.windowStartedAt);
    const db = await getDb();
    const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, "late@example.com"));
    expect(row.failures).toBe(2);
  });
});
