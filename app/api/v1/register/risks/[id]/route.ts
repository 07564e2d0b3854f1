import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/register-risks";
import { getRiskDetail, updateRisk } from "@/db/queries/register-risks";

export const GET = handle(ops.getRegisterRisk, async ({ params }) => (await getRiskDetail(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateRegisterRisk, async ({ user, params, body }) => updateRisk(user, params.id, body));
