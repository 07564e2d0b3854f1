import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { createTrainingRecord, listTrainingRecords } from "@/db/queries/training-records";

export const GET = handle(ops.listTrainingRecords, async ({ query }) => listTrainingRecords(query, await getFiscalYearStartMonth()));
export const POST = handle(ops.createTrainingRecord, async ({ user, body }) => createTrainingRecord(user, body));
