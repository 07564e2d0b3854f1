import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { updateCorrectiveAction } from "@/db/queries/incidents";

export const PATCH = handle(ops.updateCorrectiveAction, async ({ user, params, body }) => updateCorrectiveAction(user, params.id, params.actionId, body));
