import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { setAuditTeam } from "@/db/queries/audits";

export const PUT = handle(ops.setAuditTeam, async ({ user, params, body }) => setAuditTeam(user, params.id, body));
