import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { createIncident, listIncidents } from "@/db/queries/incidents";

export const GET = handle(ops.listIncidents, async ({ query }) => listIncidents(query));
export const POST = handle(ops.createIncident, async ({ user, body }) => createIncident(user, body));
