import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { createAudit, listAudits } from "@/db/queries/audits";

export const GET = handle(ops.listAudits, async ({ query }) => listAudits(query));
export const POST = handle(ops.createAudit, async ({ user, body }) => createAudit(user, body));
