import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { transitionIncident } from "@/db/queries/incidents";

export const POST = handle(ops.transitionIncident, async ({ user, params, body }) => transitionIncident(user, params.id, body));
