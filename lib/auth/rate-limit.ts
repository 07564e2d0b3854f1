/** Failed sign-in limits, per account and per client address. Pure numbers; counting is in db/queries/auth.ts. */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  lockMinutes: 15,
  account: 5,
  address: 30,
} as const;

export function limitFor(scope: "account" | "address"): number {
  return scope === "account" ? LOGIN_LIMITS.account : LOGIN_LIMITS.address;
}

/** Minutes left on a lock (rounded up), or 0 when not locked. */
export function minutesLocked(lockedUntil: Date | null | undefined, now: Date): number {
  if (!lockedUntil || lockedUntil <= now) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 60000);
}
