import { handle } from "@/lib/api/handler";
import { listNotificationDeliveries as op } from "@/lib/api/contracts/notifications";
import { listDeliveries } from "@/db/queries/notification-outbox";

export const GET = handle(op, async ({ query }) => listDeliveries(query));
