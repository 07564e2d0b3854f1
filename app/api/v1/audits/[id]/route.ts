import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/audits";
import { getAuditDetail, updateAudit } from "@/db/queries/audits";

export const GET = handle(ops.getAudit, async ({ params }) => (await getAuditDetail(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateAudit, async ({ user, params, body }) => updateAudit(user, params.id, body));
