import { describe, expect, it } from "vitest";
import { LOGIN_LIMITS, countAttempt, isAdmitted, isExhausted, isLocked, isSpent, minutesLocked, refundAttempt, type AttemptCounter } from "./rate-limit";

const T0 = new Date("2026-04-01T00:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LIMIT = LOGIN_LIMITS.account;

/** Counts `n` attempts at `when`, returning the counter and how many were admitted. */
function burst(c: AttemptCounter | null, n: number, when: Date, limit = LIMIT) {
  let admitted = 0;
  for (let i = 0; i < n; i++) {
    c = countAttempt(c, when, limit);
    if (isAdmitted(c, when, limit)) admitted++;
  }
  return { c: c!, admitted };
}

describe("counting before verifying", () => {
  it(`admits the first ${LIMIT} attempts of a window and refuses the rest unverified`, () => {
    const { c, admitted } = burst(null, 200, at(0));
    expect(admitted).toBe(LIMIT);
    expect(c.attempts).toBe(200);
    expect(isLocked(c, at(0))).toBe(true);
  });

  it("the first attempt over the limit starts a lock of lockMinutes, which further attempts do not extend", () => {
    let { c } = burst(null, LIMIT, at(0));
    expect(c.lockedUntil).toBeNull();
    c = countAttempt(c, at(2), LIMIT);
    expect(c.lockedUntil).toEqual(at(2 + LOGIN_LIMITS.lockMinutes));
    c = countAttempt(c, at(10), LIMIT);
    expect(c.lockedUntil).toEqual(at(2 + LOGIN_LIMITS.lockMinutes));
  });

  it("a lock refuses every attempt (the right password is never even checked) until it ends", () => {
    let { c } = burst(null, LIMIT + 1, at(1));
    // The window (from minute 1) has ended at minute 16, the lock (from minute 1) too at 16.
    c = countAttempt(c, at(15.9), LIMIT);
    expect(isAdmitted(c, at(15.9), LIMIT)).toBe(false);
    c = countAttempt(c, at(16), LIMIT);
    expect(c).toEqual({ attempts: 1, windowStartedAt: at(16), lockedUntil: null });
    expect(isAdmitted(c, at(16), LIMIT)).toBe(true);
  });

  it("a lock that started late in a window outlives it", () => {
    let { c } = burst(null, LIMIT, at(0));
    c = countAttempt(c, at(14), LIMIT); // locks until 29
    c = countAttempt(c, at(20), LIMIT); // window over, lock not: still refused
    expect(isAdmitted(c, at(20), LIMIT)).toBe(false);
    expect(c.windowStartedAt).toEqual(at(0));
    expect(isSpent(c, at(28.9))).toBe(false);
    expect(isSpent(c, at(29))).toBe(true);
  });

  it("a window without a lock simply ends: the next attempt opens a new one", () => {
    const { c } = burst(null, LIMIT - 1, at(0));
    expect(isSpent(c, at(LOGIN_LIMITS.windowMinutes - 0.01))).toBe(false);
    const next = countAttempt(c, at(LOGIN_LIMITS.windowMinutes), LIMIT);
    expect(next).toEqual({ attempts: 1, windowStartedAt: at(LOGIN_LIMITS.windowMinutes), lockedUntil: null });
  });

  it("says a failure has used the last attempt of the window", () => {
    const { c } = burst(null, LIMIT - 1, at(0));
    expect(isExhausted(c, at(0), LIMIT)).toBe(false);
    const last = countAttempt(c, at(1), LIMIT);
    expect(isAdmitted(last, at(1), LIMIT)).toBe(true);
    expect(isExhausted(last, at(1), LIMIT)).toBe(true);
  });
});

describe("what a successful sign-in does to the counter", () => {
  it("takes back only its own attempt: a person who mistyped twice keeps the two", () => {
    let { c } = burst(null, 2, at(0));
    c = countAttempt(c, at(1), LIMIT);
    const window = c.windowStartedAt;
    c = refundAttempt(c, window);
    expect(c.attempts).toBe(2);
    expect(c.windowStartedAt).toEqual(window);
  });

  it("never clears or shortens a lock, and never moves the window", () => {
    let { c } = burst(null, LIMIT + 3, at(0));
    const before = { ...c };
    c = refundAttempt(c, c.windowStartedAt);
    expect(c.lockedUntil).toEqual(before.lockedUntil);
    expect(c.windowStartedAt).toEqual(before.windowStartedAt);
    expect(isAdmitted(countAttempt(c, at(1), LIMIT), at(1), LIMIT)).toBe(false);
  });

  it("does nothing to a window other than the one its attempt was counted in", () => {
    const old = countAttempt(null, at(0), LIMIT);
    const renewed = burst(countAttempt(old, at(20), LIMIT), 2, at(21)).c;
    expect(refundAttempt(renewed, old.windowStartedAt)).toEqual(renewed);
  });

  it("a correct password inside a burst lets through no more wrong guesses than the limit", () => {
    // Attempts arrive in every order; one of them has the right password (it succeeds when admitted).
    for (let position = 0; position < 40; position++) {
      let c: AttemptCounter | null = null;
      let wrongVerified = 0;
      for (let i = 0; i < 40; i++) {
        c = countAttempt(c, at(0), LIMIT);
        if (!isAdmitted(c, at(0), LIMIT)) continue;
        if (i === position) c = refundAttempt(c, c.windowStartedAt);
        else wrongVerified++;
      }
      expect(wrongVerified).toBeLessThanOrEqual(LIMIT);
      expect(isLocked(c!, at(0))).toBe(true);
    }
  });

  it("never goes below zero", () => {
    const c: AttemptCounter = { attempts: 0, windowStartedAt: at(0), lockedUntil: null };
    expect(refundAttempt(c, at(0)).attempts).toBe(0);
  });
});

describe("minutesLocked", () => {
  it("rounds up and is 0 without a running lock", () => {
    expect(minutesLocked(at(10), at(0))).toBe(10);
    expect(minutesLocked(at(0.5), at(0))).toBe(1);
    expect(minutesLocked(at(0), at(0))).toBe(0);
    expect(minutesLocked(null, at(0))).toBe(0);
  });
});
