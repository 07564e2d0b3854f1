import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { auditStats } from "@/db/queries/audits";

export const GET = handle(ops.auditStats, async ({ query }) => auditStats(query.fy));
