import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-status";
import { listTrainingStatus } from "@/db/queries/training-status";

export const GET = handle(ops.listTrainingStatus, async ({ query }) => listTrainingStatus(query));
