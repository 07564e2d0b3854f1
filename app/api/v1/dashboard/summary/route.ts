import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/dashboard";
import { getDashboardSummary } from "@/db/queries/dashboard";

export const GET = handle(ops.dashboardSummary, async ({ query }) => getDashboardSummary({ fiscalYear: query.fy }));
