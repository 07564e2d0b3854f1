import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { disposeProvision } from "@/db/queries/provisions";

export const POST = handle(ops.disposeProvision, async ({ user, params, body }) => disposeProvision(user, params.id, body));
