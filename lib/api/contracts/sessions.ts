import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { userIdParams } from "@/lib/users/schema";
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
