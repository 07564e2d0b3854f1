import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/regulations";
import { getRegulationDetail, updateRegulation } from "@/db/queries/regulations";

export const GET = handle(ops.getRegulation, async ({ params }) => (await getRegulationDetail(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateRegulation, async ({ user, params, body }) => updateRegulation(user, params.id, body));
