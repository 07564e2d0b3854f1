import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { retireTrainingRecord } from "@/db/queries/training-records";

export const POST = handle(ops.retireTrainingRecord, async ({ user, params, body }) => retireTrainingRecord(user, params.id, body));
