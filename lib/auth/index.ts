import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./config";
import { verifyPassword } from "./password";
import { clearFailures, getLock, getUserForSignIn, markSignedIn, recordFailure } from "@/db/queries/auth";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

function clientAddress(request: Request | undefined): string {
  const h = request?.headers;
  const fwd = h?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return fwd || h?.get("x-real-ip") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const address = clientAddress(request);
        const now = new Date();
        const [accountLock, addressLock] = await Promise.all([getLock("account", email), getLock("address", address)]);
        if ((accountLock && accountLock > now) || (addressLock && addressLock > now)) throw new RateLimited();

        const user = await getUserForSignIn(email);
        // Hash even when the account does not exist, so timing does not reveal which emails exist.
        const ok = await verifyPassword(password, user?.passwordHash ?? "$2b$10$xUTT7xlO78d4gRYnqJsMsO57uRwZKVOobKka17L9goRutW.I1XIUS");
        if (!user || !ok || !user.active) {
          const [acc, addr] = await Promise.all([recordFailure("account", email), recordFailure("address", address)]);
          if ((acc.lockedUntil && acc.lockedUntil > now) || (addr.lockedUntil && addr.lockedUntil > now)) throw new RateLimited();
          throw new InvalidCredentials();
        }
        await Promise.all([clearFailures("account", email), markSignedIn(user.id)]);
        return { id: String(user.id), email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
});
