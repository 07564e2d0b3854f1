import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/contractors";
import { getContractorDetail, updateContractor } from "@/db/queries/contractors";

export const GET = handle(ops.getContractor, async ({ params, locale }) => (await getContractorDetail(params.id, locale)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateContractor, async ({ user, params, body }) => updateContractor(user, params.id, body));
