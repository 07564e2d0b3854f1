import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { checkCredentials, clientAddress } from "./authorize";

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
