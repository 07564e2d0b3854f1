import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { createProvision, listProvisions } from "@/db/queries/provisions";

export const GET = handle(ops.listProvisions, async ({ query }) => listProvisions(query));
export const POST = handle(ops.createProvision, async ({ user, body }) => createProvision(user, body));
