import { handle } from "@/lib/api/handler";
import { importTemplate } from "@/lib/api/contracts/training-import";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { TEMPLATE_HEADERS } from "@/lib/training/import";
import { templateExample } from "@/db/queries/training-import";

export const dynamic = "force-dynamic";

/** Japanese headers and one example row that imports cleanly against the data in the database. */
export const GET = handle(importTemplate, async () => {
  const ex = await templateExample();
  const score = ex ? (ex.passMark === null ? "" : String(Math.max(ex.passMark, 90))) : "90";
  const row = [ex?.employeeNumber ?? "E0001", ex?.courseCode ?? "PI-BASIC", formatDate(todayInTokyo()), score, "eラーニング", "LMS受講履歴"];
  return csvResponse(toCsv(TEMPLATE_HEADERS, [row]), "受講記録_取込テンプレート.csv");
});
