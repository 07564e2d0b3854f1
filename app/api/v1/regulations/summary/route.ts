import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { getRegulationSummary } from "@/db/queries/regulations";

export const GET = handle(ops.regulationSummary, async ({ query }) => getRegulationSummary(query.fy));
