import { handle } from "@/lib/api/handler";
import { markNotificationsRead as op } from "@/lib/api/contracts/notifications";
import { markRead } from "@/db/queries/notifications";

export const POST = handle(op, async ({ user, body }) => markRead(user, body));
