import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { updateFinding } from "@/db/queries/audits";

export const PATCH = handle(ops.updateFinding, async ({ user, params, body }) => updateFinding(user, params.id, body));
