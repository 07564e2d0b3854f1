import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { createPurpose, listPurposes } from "@/db/queries/register";

export const GET = handle(ops.listPurposesOfUse, async ({ query }) => ({ items: await listPurposes(query.includeRetired === "true") }));
export const POST = handle(ops.createPurposeOfUse, async ({ user, body }) => createPurpose(user, body));
