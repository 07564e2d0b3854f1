import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { transitionAuditStatus } from "@/db/queries/audits";

export const POST = handle(ops.transitionAudit, async ({ user, params, body }) => transitionAuditStatus(user, params.id, body));
