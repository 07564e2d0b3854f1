import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { createItem, listItems } from "@/db/queries/register";

export const GET = handle(ops.listRegisterItems, async ({ query }) => listItems(query));
export const POST = handle(ops.createRegisterItem, async ({ user, body }) => createItem(user, body));
