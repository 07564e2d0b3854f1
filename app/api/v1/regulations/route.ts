import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { createRegulation, listRegulations } from "@/db/queries/regulations";

export const GET = handle(ops.listRegulations, async ({ query }) => listRegulations(query));
export const POST = handle(ops.createRegulation, async ({ user, body }) => createRegulation(user, body));
