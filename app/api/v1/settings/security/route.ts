import { handle } from "@/lib/api/handler";
import { getSecuritySettings as getOp, updateSecuritySettings as updateOp } from "@/lib/api/contracts/second-factor";
import { getSecuritySettings, updateSecuritySettings } from "@/db/queries/settings";

export const GET = handle(getOp, async () => getSecuritySettings());
export const PUT = handle(updateOp, async ({ user, body }) => updateSecuritySettings(user, body));
