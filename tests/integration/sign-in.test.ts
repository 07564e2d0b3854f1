import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/authorize";
import { LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import { getDb } from "@/db";
import { loginAttempts, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { testPasswordHash } from "../support/passwords";

async function makeUser(email: string, active = true) {
  const db = await getDb();
  await db.insert(users).values({ email, name: email, role: "hr", passwordHash: await testPasswordHash("correct horse battery"), active });
}

describe("sign-in checks", () => {
  it("accepts the right password, case-insensitively on the email, and refuses a wrong one", async () => {
    await makeUser("Alice@Example.com");
    const ok = await checkCredentials({ email: "alice@example.com", password: "correct horse battery" }, "10.0.0.1");
    expect(ok).toMatchObject({ ok: true, user: { email: "Alice@Example.com", role: "hr" } });
    expect(await checkCredentials({ email: "alice@example.com", password: "wrong" }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: "nobody@example.com", password: "x" }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: "not an email" }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated user even with the right password", async () => {
    await makeUser("gone@example.com", false);
    expect(await checkCredentials({ email: "gone@example.com", password: "correct horse battery" }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account after ${LOGIN_LIMITS.account} failures, even with the right password, from any address`, async () => {
    await makeUser("bob@example.com");
    for (let i = 1; i < LOGIN_LIMITS.account; i++) {
      expect(await checkCredentials({ email: "bob@example.com", password: "guess" + i }, `10.1.0.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    // The last attempt of the window is still checked; its failure says the account is now locked.
    expect(await checkCredentials({ email: "bob@example.com", password: "last guess" }, "10.1.0.99")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await checkCredentials({ email: "bob@example.com", password: "correct horse battery" }, "10.1.0.100")).toEqual({ ok: false, reason: "rate_limited" });
    const db = await getDb();
    const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, "bob@example.com"));
    // Every attempt is counted, the refused one too; the refused one started the lock.
    expect(row.failures).toBe(LOGIN_LIMITS.account + 1);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("a lock expires: the same account signs in once the lock time has passed", async () => {
    await makeUser("carol@example.com");
    for (let i = 0; i <= LOGIN_LIMITS.account; i++) await checkCredentials({ email: "carol@example.com", password: "x" + i }, "10.2.0.1");
    const almost = new Date(Date.now() + (LOGIN_LIMITS.lockMinutes - 1) * 60_000);
    expect(await checkCredentials({ email: "carol@example.com", password: "correct horse battery" }, "10.2.0.2", { now: almost })).toEqual({ ok: false, reason: "rate_limited" });
    const later = new Date(Date.now() + (LOGIN_LIMITS.lockMinutes + 1) * 60_000);
    const outcome = await checkCredentials({ email: "carol@example.com", password: "correct horse battery" }, "10.2.0.2", { now: later });
    expect(outcome.ok).toBe(true);
  });

  it("a successful sign-in takes back its own attempt only: earlier mistakes still count", async () => {
    await makeUser("erin@example.com");
    const db = await getDb();
    const attempts = async () => (await db.select().from(loginAttempts).where(eq(loginAttempts.key, "erin@example.com")))[0].failures;
    await checkCredentials({ email: "erin@example.com", password: "typo 1" }, "10.3.0.1");
    await checkCredentials({ email: "erin@example.com", password: "typo 2" }, "10.3.0.1");
    expect(await attempts()).toBe(2);
    expect((await checkCredentials({ email: "erin@example.com", password: "correct horse battery" }, "10.3.0.1")).ok).toBe(true);
    expect(await attempts()).toBe(2);
    const [address] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, "10.3.0.1"));
    expect(address.failures).toBe(2);
  });

  it(`limits one address to ${LOGIN_LIMITS.address} failures across many accounts`, async () => {
    // Most of the sprayed accounts exist, with the tests' cheap hash; every tenth does not, and costs a
    // check of the app's cost-10 dummy hash (docs/testing.md): failures of both kinds count for the address.
    const passwordHash = await testPasswordHash("correct horse battery");
    const existing = Array.from({ length: LOGIN_LIMITS.address - 1 }, (_, i) => `spray${i}@example.com`).filter((_, i) => i % 10 !== 0);
    await (await getDb()).insert(users).values(existing.map((email) => ({ email, name: email, role: "hr" as const, passwordHash })));
    for (let i = 0; i < LOGIN_LIMITS.address - 1; i++) {
      expect(await checkCredentials({ email: `spray${i}@example.com`, password: "x" }, "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials({ email: "spray-last@example.com", password: "x" }, "203.0.113.9")).toEqual({ ok: false, reason: "rate_limited" });
    await makeUser("dave@example.com");
    expect(await checkCredentials({ email: "dave@example.com", password: "correct horse battery" }, "203.0.113.9")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await checkCredentials({ email: "dave@example.com", password: "correct horse battery" }, "198.51.100.1")).ok).toBe(true);
  });
});
