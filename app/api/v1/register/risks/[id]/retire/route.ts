import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register-risks";
import { setRiskRetired } from "@/db/queries/register-risks";

export const POST = handle(ops.retireRegisterRisk, async ({ user, params, body }) => setRiskRetired(user, params.id, body.version, true));
