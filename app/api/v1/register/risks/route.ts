import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register-risks";
import { createRisk, listRisks } from "@/db/queries/register-risks";

export const GET = handle(ops.listRegisterRisks, async ({ query }) => listRisks(query));
export const POST = handle(ops.createRegisterRisk, async ({ user, body }) => createRisk(user, body));
