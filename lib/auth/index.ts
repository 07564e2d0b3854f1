import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { checkCredentials, clientAddress } from "./authorize";
import { createSession, revokeSession } from "@/db/queries/sessions";

/** The browser's User-Agent at sign-in, kept beside the session (informational only). */
async function userAgent(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent");
  } catch {
    // Outside a request (a script or a test): there is none.
    return null;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  // A wrong password is an everyday event, answered on the form; it is no server error to log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // At sign-in (the only time `user` is given) a server-side session is created and its id put in
    // the cookie; every request is then checked against that row (lib/auth/session.ts).
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (token && params.user && typeof token.uid === "number") token.sid = await createSession(token.uid, await userAgent());
      return token;
    },
  },
  events: {
    // Sign-out ends the session on the server too: the old cookie, if kept somewhere, answers 401.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid, "sign_out");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const outcome = await checkCredentials(raw, clientAddress(request?.headers));
        if (!outcome.ok) throw outcome.reason === "rate_limited" ? new RateLimited() : new InvalidCredentials();
        const { user } = outcome;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
});
