import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { incidentStats } from "@/db/queries/incidents";

export const GET = handle(ops.incidentStats, async ({ query }) => incidentStats(query.fy));
