import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { retireJointUse } from "@/db/queries/provisions";

export const POST = handle(ops.retireJointUse, async ({ user, params, body }) => retireJointUse(user, params.id, body.version));
