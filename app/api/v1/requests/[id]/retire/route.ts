import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { retireRequest } from "@/db/queries/requests";

export const POST = handle(ops.retireRequest, async ({ user, params, body }) => retireRequest(user, params.id, body.version));
