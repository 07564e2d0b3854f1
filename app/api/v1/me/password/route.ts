import { handle } from "@/lib/api/handler";
import { changeMyPassword } from "@/lib/api/contracts/sessions";
import { changeOwnPassword } from "@/db/queries/users";
import { authSecret } from "@/lib/env";
import { sessionClaims } from "@/lib/auth/session-token";

// The session making the change stays signed in; every other one of the user ends.
export const POST = handle(changeMyPassword, async ({ req, user, body }) => {
  const own = await sessionClaims(req.headers.get("cookie"), authSecret());
  return changeOwnPassword(user, body, own?.sid);
});
