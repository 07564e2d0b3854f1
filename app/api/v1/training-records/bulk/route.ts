import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { bulkCreateTrainingRecords } from "@/db/queries/training-records";

export const POST = handle(ops.bulkCreateTrainingRecords, async ({ user, body }) => bulkCreateTrainingRecords(user, body));
