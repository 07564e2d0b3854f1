import { handle } from "@/lib/api/handler";
import { listNotifications as op } from "@/lib/api/contracts/notifications";
import { listNotifications } from "@/db/queries/notifications";

export const GET = handle(op, async ({ user, query, locale }) => listNotifications(user, query, locale));
