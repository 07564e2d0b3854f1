import { handle } from "@/lib/api/handler";
import { getSettings as getSettingsOp, updateSettings as updateSettingsOp } from "@/lib/api/contracts/settings";
import { getSettings, updateSettings } from "@/db/queries/settings";

export const GET = handle(getSettingsOp, async () => getSettings());

export const PUT = handle(updateSettingsOp, async ({ user, body }) => updateSettings(user, body));
