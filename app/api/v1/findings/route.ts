import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { createFinding, listFindings } from "@/db/queries/audits";

export const GET = handle(ops.listFindings, async ({ query }) => listFindings(query));
export const POST = handle(ops.createFinding, async ({ user, body }) => createFinding(user, body));
