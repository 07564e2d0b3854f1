import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { listTrainingRecordsForExport } from "@/db/queries/training-records";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, formatDateTime, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

const COLUMNS = [
  "completedOn",
  "employeeNumber",
  "employeeName",
  "department",
  "courseCode",
  "courseTitle",
  "score",
  "result",
  "method",
  "evidence",
  "note",
  "source",
  "recordedBy",
  "recordedAt",
  "status",
] as const;

export const GET = handle(ops.exportTrainingRecords, async ({ query, locale }) => {
  const rows = await listTrainingRecordsForExport(query, await getFiscalYearStartMonth());
  const t = translator(locale);
  const header = COLUMNS.map((k) => t(`records.csv.${k}`));
  const data = rows.map((r) => [
    formatDate(r.completedOn),
    r.employeeNumber,
    r.employeeName,
    r.departmentName,
    r.courseCode,
    r.courseTitle,
    r.score,
    r.passed ? t("records.result.passed") : t("records.result.failed"),
    t(`methods.${r.method}`),
    r.evidence,
    r.note,
    t(`records.sources.${r.source}`),
    r.recordedByName,
    formatDateTime(r.createdAt),
    r.retiredAt ? t("common.retired") : t("common.active"),
  ]);
  return csvResponse(toCsv(header, data), `${t("records.csv.fileName")}_${todayInTokyo()}.csv`);
});
