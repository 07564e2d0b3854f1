import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { rejectFindingVerification } from "@/db/queries/audits";

export const POST = handle(ops.rejectFindingVerification, async ({ user, params, body }) => rejectFindingVerification(user, params.id, body));
