import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-records";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { listTrainingRecordsForExport } from "@/db/queries/training-records";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

const COLUMNS = [
  ["completedOn", "date"],
  ["employeeNumber"],
  ["employeeName"],
  ["department"],
  ["courseCode"],
  ["courseTitle"],
  ["score", "number"],
  ["result"],
  ["method"],
  ["evidence"],
  ["note"],
  ["source"],
  ["recordedBy"],
  ["recordedAt", "datetime"],
  ["status"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportTrainingRecords, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listTrainingRecordsForExport(query, await getFiscalYearStartMonth());
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`records.csv.${k}`), type })),
      rows: rows.map((r) => [
        r.completedOn,
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
        r.createdAt,
        r.retiredAt ? t("common.retired") : t("common.active"),
      ]),
      fileName: `${t("records.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("records.csv.fileName"),
    },
    format,
    { user, entity: "training_record", filters: query },
  );
});
