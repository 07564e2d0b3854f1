import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { createJointUse, listJointUses } from "@/db/queries/provisions";

export const GET = handle(ops.listJointUses, async ({ query }) => listJointUses(query));
export const POST = handle(ops.createJointUse, async ({ user, body }) => createJointUse(user, body));
