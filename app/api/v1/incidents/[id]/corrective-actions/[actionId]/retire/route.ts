import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { retireCorrectiveAction } from "@/db/queries/incidents";

export const POST = handle(ops.retireCorrectiveAction, async ({ user, params, body }) => retireCorrectiveAction(user, params.id, params.actionId, body.version));
