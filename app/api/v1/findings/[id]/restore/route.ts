import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { restoreFinding } from "@/db/queries/audits";

export const POST = handle(ops.restoreFinding, async ({ user, params, body }) => restoreFinding(user, params.id, body.version));
