import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { setJointUseRetired } from "@/db/queries/provisions";

export const POST = handle(ops.restoreJointUse, async ({ user, params, body }) => setJointUseRetired(user, params.id, body.version, false));
