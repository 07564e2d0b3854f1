import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { retireProvision } from "@/db/queries/provisions";

export const POST = handle(ops.retireProvision, async ({ user, params, body }) => retireProvision(user, params.id, body.version));
