import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/users";
import { updateUser } from "@/db/queries/users";

export const PATCH = handle(ops.updateUser, async ({ user, params, body }) => updateUser(user, params.id, body));
