import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { verifyFinding } from "@/db/queries/audits";

export const POST = handle(ops.verifyFinding, async ({ user, params, body }) => verifyFinding(user, params.id, body));
