import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-status";
import { exportTrainingStatusRows } from "@/db/queries/training-status";
import { todayInTokyo } from "@/lib/dates";
import { exportListResponse } from "@/db/queries/exports";
import { statusTable } from "@/lib/training/status-csv";

export const GET = handle(ops.exportTrainingStatus, async ({ query: { format, ...query }, locale, user }) => {
  const today = todayInTokyo();
  const { scope, rows } = await exportTrainingStatusRows(query, today);
  return exportListResponse(statusTable(rows, { locale, fiscalYear: scope.fiscalYear, today }), format, { user, entity: "training_status", filters: query });
});
