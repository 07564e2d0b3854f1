import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { setProvisionRetired } from "@/db/queries/provisions";

export const POST = handle(ops.restoreProvision, async ({ user, params, body }) => setProvisionRetired(user, params.id, body.version, false));
