import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { restoreTrainingRecord } from "@/db/queries/training-records";

export const POST = handle(ops.restoreTrainingRecord, async ({ user, params, body }) => restoreTrainingRecord(user, params.id, body.version));
