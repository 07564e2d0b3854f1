import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { createContractor, listContractors } from "@/db/queries/contractors";

export const GET = handle(ops.listContractors, async ({ query }) => listContractors(query));
export const POST = handle(ops.createContractor, async ({ user, body }) => createContractor(user, body));
