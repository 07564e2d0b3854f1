import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/incidents";
import { getIncidentDetail, updateIncident } from "@/db/queries/incidents";

export const GET = handle(ops.getIncident, async ({ params }) => (await getIncidentDetail(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateIncident, async ({ user, params, body }) => updateIncident(user, params.id, body));
