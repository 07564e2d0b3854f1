import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-sessions";
import { exportListResponse } from "@/db/queries/exports";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { listTrainingSessionsForExport } from "@/db/queries/training-sessions";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";

const COLUMNS = [
  ["heldOn", "date"],
  ["courseCode"],
  ["courseTitle"],
  ["title"],
  ["method"],
  ["place"],
  ["instructor"],
  ["attendees", "number"],
  ["note"],
  ["recordedBy"],
  ["recordedAt", "datetime"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportTrainingSessions, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listTrainingSessionsForExport(query, await getFiscalYearStartMonth());
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`sessions.csv.${k}`), type })),
      rows: rows.map((s) => [s.heldOn, s.courseCode, s.courseTitle, s.title, t(`methods.${s.method}`), s.place, s.instructor, s.attendeeCount, s.note, s.createdByName, s.createdAt]),
      fileName: `${t("sessions.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("sessions.csv.fileName"),
    },
    format,
    { user, entity: "training_session", filters: query },
  );
});
