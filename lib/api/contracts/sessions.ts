import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { changeOwnPasswordSchema, userIdParams, userSchema } from "@/lib/users/schema";
import { defineOperation } from "../operation";

const ended = z.object({ sessionsEnded: z.number().int().describe("How many live sessions ended") });

export const revokeMySessions = defineOperation({
  id: "revokeMySessions",
  method: "post",
  path: "/api/v1/me/sessions/revoke",
  roles: ANY_ROLE,
  tag: "sessions",
  summary: "Sign out everywhere: end every session of the signed-in user, this one included",
  description: "Every device signed in as this user must sign in again; their old cookies answer 401 on every app instance. Audited.",
  response: ended,
});

export const changeMyPassword = defineOperation({
  id: "changeMyPassword",
  method: "post",
  path: "/api/v1/me/password",
  roles: ANY_ROLE,
  tag: "sessions",
  summary: "Change the signed-in user's own password (the current one is required)",
  description:
    "Every other session of the user ends; this one stays. 400 when the current password is wrong or the new one is too short or unchanged; 409 for an account that signs in only through single sign-on; the current password is rate-limited per user like sign-in (429 with Retry-After). Audited without the password.",
  rateLimit: "current passwords typed per user: 5 per 15 minutes, then a 15-minute lock",
  body: changeOwnPasswordSchema,
  example: { currentPassword: "demo-password", newPassword: "a-new-long-passphrase" },
  response: z.object({ user: userSchema }),
});

export const revokeUserSessions = defineOperation({
  id: "revokeUserSessions",
  method: "post",
  path: "/api/v1/users/{id}/sessions/revoke",
  roles: ADMINS,
  tag: "sessions",
  summary: "End every session of a user (they must sign in again)",
  description: "For a lost device or a suspected account compromise. Audited; the account itself is unchanged.",
  params: userIdParams,
  response: ended,
});
