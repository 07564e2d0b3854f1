import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { markOutputMade } from "@/db/queries/incidents";

export const PUT = handle(ops.markIncidentOutputMade, async ({ user, params, body }) => markOutputMade(user, params.id, params.output, body));
