import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { answerRequest } from "@/db/queries/requests";

export const POST = handle(ops.answerRequest, async ({ user, params, body }) => answerRequest(user, params.id, body));
