import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { setItemRetired } from "@/db/queries/register";

export const POST = handle(ops.retireRegisterItem, async ({ user, params, body }) => setItemRetired(user, params.id, body.version, true));
