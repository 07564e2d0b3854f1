import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/dashboard";
import { getComplianceScoreTrend } from "@/db/queries/dashboard";

export const GET = handle(ops.complianceScore, async ({ query }) => getComplianceScoreTrend({ fiscalYear: query.fy }));
