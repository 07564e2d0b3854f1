import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { disposeRequest } from "@/db/queries/requests";

export const POST = handle(ops.disposeRequest, async ({ user, params, body }) => disposeRequest(user, params.id, body.version));
