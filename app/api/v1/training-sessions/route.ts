import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-sessions";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { listTrainingSessions } from "@/db/queries/training-sessions";

export const GET = handle(ops.listTrainingSessions, async ({ query }) => listTrainingSessions(query, await getFiscalYearStartMonth()));
