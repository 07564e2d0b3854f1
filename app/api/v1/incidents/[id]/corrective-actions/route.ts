import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { createCorrectiveAction, listCorrectiveActions } from "@/db/queries/incidents";

export const GET = handle(ops.listCorrectiveActions, async ({ params }) => listCorrectiveActions(params.id));
export const POST = handle(ops.createCorrectiveAction, async ({ user, params, body }) => createCorrectiveAction(user, params.id, body));
