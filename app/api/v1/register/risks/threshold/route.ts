import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register-risks";
import { getRiskThreshold, updateRiskThreshold } from "@/db/queries/settings";

export const GET = handle(ops.getRegisterRiskThreshold, async () => getRiskThreshold());
export const PUT = handle(ops.updateRegisterRiskThreshold, async ({ user, body }) => updateRiskThreshold(user, body));
