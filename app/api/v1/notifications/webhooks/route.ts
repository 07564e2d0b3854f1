import { handle } from "@/lib/api/handler";
import { getNotificationWebhooks as getOp, updateNotificationWebhooks as putOp } from "@/lib/api/contracts/notifications";
import { getWebhooks, saveWebhooks } from "@/db/queries/notification-webhooks";

export const GET = handle(getOp, async () => getWebhooks());

export const PUT = handle(putOp, async ({ user, body }) => saveWebhooks(user, body));
