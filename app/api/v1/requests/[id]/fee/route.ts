import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { recordFee } from "@/db/queries/requests";

export const PUT = handle(ops.recordRequestFee, async ({ user, params, body }) => recordFee(user, params.id, body));
