import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { updateJointUse } from "@/db/queries/provisions";

export const PATCH = handle(ops.updateJointUse, async ({ user, params, body }) => updateJointUse(user, params.id, body));
