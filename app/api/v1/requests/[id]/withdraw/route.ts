import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { withdrawRequest } from "@/db/queries/requests";

export const POST = handle(ops.withdrawRequest, async ({ user, params, body }) => withdrawRequest(user, params.id, body));
