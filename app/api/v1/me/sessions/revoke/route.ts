import { handle } from "@/lib/api/handler";
import { revokeMySessions } from "@/lib/api/contracts/sessions";
import { endAllSessions } from "@/db/queries/sessions";

export const POST = handle(revokeMySessions, async ({ user }) => endAllSessions(user, user.id));
