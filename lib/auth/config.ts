import type { NextAuthConfig } from "next-auth";
import { authSecret } from "@/lib/env";

/**
 * The part of the Auth.js configuration the proxy uses: no database, no password hashing.
 * The JWT carries the user id and the role it had at sign-in; the server re-reads the user on
 * every request (lib/auth/session.ts), so a deactivation or role change bites at once.
 */
export const authConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (pathname === "/login" || pathname.startsWith("/api/")) return true;
      return !!auth?.user;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.uid ?? "");
        (session.user as { role?: unknown }).role = token.role;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
