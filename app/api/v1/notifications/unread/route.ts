import { handle } from "@/lib/api/handler";
import { getUnreadNotifications as op } from "@/lib/api/contracts/notifications";
import { unreadCount } from "@/db/queries/notifications";

export const GET = handle(op, async ({ user }) => ({ unread: await unreadCount(user.id) }));
