import { z } from "zod";
import { verifyPassword } from "./password";
import { clearFailures, getLock, getUserForSignIn, markSignedIn, recordFailure } from "@/db/queries/auth";
import type { SessionUser } from "./roles";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

// A real bcrypt hash of nothing anybody knows: unknown emails cost the same time as known ones.
const DUMMY_HASH = "$2b$10$xUTT7xlO78d4gRYnqJsMsO57uRwZKVOobKka17L9goRutW.I1XIUS";

export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "rate_limited" };

export function clientAddress(headers: Headers | undefined): string {
  const fwd = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return fwd || headers?.get("x-real-ip") || "unknown";
}

/**
 * Checks a sign-in. Failures are counted per account and per client address in the database, so
 * the limit holds however many app instances serve the requests; a locked account or address is
 * refused before the password is even looked at.
 */
export async function checkCredentials(raw: unknown, address: string, now = new Date()): Promise<SignInOutcome> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const [accountLock, addressLock] = await Promise.all([getLock("account", email), getLock("address", address)]);
  if ((accountLock && accountLock > now) || (addressLock && addressLock > now)) return { ok: false, reason: "rate_limited" };

  const user = await getUserForSignIn(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    const [acc, addr] = await Promise.all([recordFailure("account", email), recordFailure("address", address)]);
    const locked = (acc.lockedUntil && acc.lockedUntil > now) || (addr.lockedUntil && addr.lockedUntil > now);
    return { ok: false, reason: locked ? "rate_limited" : "invalid" };
  }
  await Promise.all([clearFailures("account", email), markSignedIn(user.id)]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
