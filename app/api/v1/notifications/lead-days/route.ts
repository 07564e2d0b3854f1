import { handle } from "@/lib/api/handler";
import { getNotificationLeadDays as getOp, updateNotificationLeadDays as putOp } from "@/lib/api/contracts/notifications";
import { getLeadDays, updateLeadDays } from "@/db/queries/notifications";

export const GET = handle(getOp, async () => getLeadDays());

export const PUT = handle(putOp, async ({ user, body }) => updateLeadDays(user, body));
