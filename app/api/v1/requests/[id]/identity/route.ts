import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { recordIdentity } from "@/db/queries/requests";

export const PUT = handle(ops.recordRequestIdentity, async ({ user, params, body }) => recordIdentity(user, params.id, body));
