import { handle } from "@/lib/api/handler";
import { revokeUserSessions } from "@/lib/api/contracts/sessions";
import { endAllSessions } from "@/db/queries/sessions";

export const POST = handle(revokeUserSessions, async ({ user, params }) => endAllSessions(user, params.id));
