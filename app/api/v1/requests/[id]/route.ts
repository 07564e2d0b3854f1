import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/requests";
import { getRequest, updateRequest } from "@/db/queries/requests";

export const GET = handle(ops.getRequest, async ({ params }) => (await getRequest(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateRequest, async ({ user, params, body }) => updateRequest(user, params.id, body));
