import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/users";
import { resetPassword } from "@/db/queries/users";

export const POST = handle(ops.resetUserPassword, async ({ user, params, body }) => resetPassword(user, params.id, body));
