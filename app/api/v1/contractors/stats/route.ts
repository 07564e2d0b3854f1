import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { contractorStats } from "@/db/queries/contractors";
import { getFiscalYearStartMonth } from "@/db/queries/settings";

export const GET = handle(ops.contractorStats, async ({ query }) => contractorStats(query.fy, await getFiscalYearStartMonth()));
