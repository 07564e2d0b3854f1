import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register-risks";
import { riskHeatMap } from "@/db/queries/register-risks";

export const GET = handle(ops.registerRiskHeatMap, async ({ query }) => riskHeatMap(query));
