import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-status";
import { getTrainingStatusSummary } from "@/db/queries/training-status";

export const GET = handle(ops.getTrainingStatusSummary, async ({ query }) => getTrainingStatusSummary(query));
