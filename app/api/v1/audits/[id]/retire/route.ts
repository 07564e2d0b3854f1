import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { retireAudit } from "@/db/queries/audits";

export const POST = handle(ops.retireAudit, async ({ user, params, body }) => retireAudit(user, params.id, body.version));
