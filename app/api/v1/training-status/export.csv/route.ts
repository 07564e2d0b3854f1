import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-status";
import { exportTrainingStatusRows } from "@/db/queries/training-status";
import { csvResponse } from "@/lib/csv/export";
import { todayInTokyo } from "@/lib/dates";
import { statusCsv } from "@/lib/training/status-csv";

export const GET = handle(ops.exportTrainingStatus, async ({ query, locale }) => {
  const today = todayInTokyo();
  const { scope, rows } = await exportTrainingStatusRows(query, today);
  const { csv, fileName } = statusCsv(rows, { locale, fiscalYear: scope.fiscalYear, today });
  return csvResponse(csv, fileName);
});
