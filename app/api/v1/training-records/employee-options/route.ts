import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { listEmployeeOptions } from "@/db/queries/training-records";

export const GET = handle(ops.listTrainingRecordEmployeeOptions, async ({ query }) => listEmployeeOptions(query));
