import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { updatePurpose } from "@/db/queries/register";

export const PATCH = handle(ops.updatePurposeOfUse, async ({ user, params, body }) => updatePurpose(user, params.id, body));
