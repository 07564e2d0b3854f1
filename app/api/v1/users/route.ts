import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/users";
import { createUser, listUsers } from "@/db/queries/users";

export const GET = handle(ops.listUsers, async ({ query }) => listUsers(query));
export const POST = handle(ops.createUser, async ({ user, body }) => createUser(user, body));
