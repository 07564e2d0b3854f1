import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/users";
import { resetPassword } from "@/db/queries/users";
import { authSecret } from "@/lib/env";
import { sessionClaims } from "@/lib/auth/session-token";

// A reset ends every session of that user; a manager resetting their own password keeps the session
// they are using (the temporary password is shown in it), and only that one.
export const POST = handle(ops.resetUserPassword, async ({ req, user, params, body }) => {
  const own = params.id === user.id ? await sessionClaims(req.headers.get("cookie"), authSecret()) : null;
  return resetPassword(user, params.id, body, own?.sid);
});
