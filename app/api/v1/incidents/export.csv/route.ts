import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { listIncidentsForExport } from "@/db/queries/incidents";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

const COLUMNS = [
  ["reference"], ["title"], ["category"], ["severity"], ["status"], ["discoveredAt", "datetime"], ["occurredAt", "datetime"], ["reporter"], ["department"], ["personsAffected", "number"],
  ["reportable"], ["reasons"], ["preliminaryReportDue", "date"], ["ppcPreliminaryReportedOn", "date"], ["finalReportDue", "date"], ["ppcFinalReportedOn", "date"], ["personsNotifiedOn", "date"],
  ["pmarkPreliminaryReportDue", "date"], ["pmarkPreliminaryReportedOn", "date"], ["pmarkFinalReportDue", "date"], ["pmarkFinalReportedOn", "date"], ["overdue"], ["description"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportIncidents, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listIncidentsForExport(query);
  const t = translator(locale);
  const yes = t("incidents.csv.yes");
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`incidents.csv.${k}`), type })),
      rows: rows.map((i) => [
        i.reference, i.title, t(`incidents.categories.${i.category}`), t(`incidents.severities.${i.severity}`), t(`incidents.statuses.${i.status}`),
        i.discoveredAt, i.occurredAt, i.reporterName, i.departmentName, i.personsAffected,
        i.reportable ? yes : "", i.reportableReasons.map((r) => t(`incidents.reasons.${r}`)).join(t("incidents.listSeparator")),
        i.preliminaryReportDue, i.ppcPreliminaryReportedOn, i.finalReportDue, i.ppcFinalReportedOn, i.personsNotifiedOn,
        i.pmarkPreliminaryReportDue, i.pmarkPreliminaryReportedOn, i.pmarkFinalReportDue, i.pmarkFinalReportedOn,
        i.overdue ? yes : "", i.description,
      ]),
      fileName: `${t("incidents.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("incidents.csv.fileName"),
    },
    format,
    { user, entity: "incident", filters: query },
  );
});
