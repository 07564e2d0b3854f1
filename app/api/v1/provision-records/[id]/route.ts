import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/provisions";
import { getProvision, updateProvision } from "@/db/queries/provisions";

export const GET = handle(ops.getProvision, async ({ params }) => (await getProvision(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateProvision, async ({ user, params, body }) => updateProvision(user, params.id, body));
