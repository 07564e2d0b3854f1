import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/training-records";
import { getTrainingRecordDetail, updateTrainingRecord } from "@/db/queries/training-records";

export const GET = handle(ops.getTrainingRecord, async ({ params }) => (await getTrainingRecordDetail(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateTrainingRecord, async ({ user, params, body }) => updateTrainingRecord(user, params.id, body));
