import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-reminders";
import { getTrainingReminderSettings, updateTrainingReminderSettings } from "@/db/queries/training-reminders";

export const GET = handle(ops.getTrainingReminderSettings, async () => getTrainingReminderSettings());
export const PUT = handle(ops.updateTrainingReminderSettings, async ({ user, body }) => updateTrainingReminderSettings(user, body));
