import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { setPurposeRetired } from "@/db/queries/register";

export const POST = handle(ops.restorePurposeOfUse, async ({ user, params, body }) => setPurposeRetired(user, params.id, body.version, false));
