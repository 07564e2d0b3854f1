import { handle } from "@/lib/api/handler";
import { getNotificationPreferences as getOp, updateNotificationPreferences as putOp } from "@/lib/api/contracts/notifications";
import { getPreferences, updatePreferences } from "@/db/queries/notifications";

export const GET = handle(getOp, async ({ user, locale }) => getPreferences(user, locale));

export const PUT = handle(putOp, async ({ user, body }) => updatePreferences(user, body));
