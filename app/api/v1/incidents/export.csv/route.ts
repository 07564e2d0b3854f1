import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { listIncidentsForExport } from "@/db/queries/incidents";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, formatDateTime, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

const COLUMNS = [
  "reference", "title", "category", "severity", "status", "discoveredAt", "occurredAt", "reporter", "department", "personsAffected",
  "reportable", "reasons", "preliminaryReportDue", "ppcPreliminaryReportedOn", "finalReportDue", "ppcFinalReportedOn", "personsNotifiedOn",
  "pmarkPreliminaryReportDue", "pmarkPreliminaryReportedOn", "pmarkFinalReportDue", "pmarkFinalReportedOn", "overdue", "description",
] as const;

export const GET = handle(ops.exportIncidents, async ({ query, locale }) => {
  const rows = await listIncidentsForExport(query);
  const t = translator(locale);
  const yes = t("incidents.csv.yes");
  const header = COLUMNS.map((k) => t(`incidents.csv.${k}`));
  const data = rows.map((i) => [
    i.reference, i.title, t(`incidents.categories.${i.category}`), t(`incidents.severities.${i.severity}`), t(`incidents.statuses.${i.status}`),
    formatDateTime(i.discoveredAt), formatDateTime(i.occurredAt), i.reporterName, i.departmentName, i.personsAffected,
    i.reportable ? yes : "", i.reportableReasons.map((r) => t(`incidents.reasons.${r}`)).join(t("incidents.listSeparator")),
    formatDate(i.preliminaryReportDue), formatDate(i.ppcPreliminaryReportedOn), formatDate(i.finalReportDue), formatDate(i.ppcFinalReportedOn), formatDate(i.personsNotifiedOn),
    formatDate(i.pmarkPreliminaryReportDue), formatDate(i.pmarkPreliminaryReportedOn), formatDate(i.pmarkFinalReportDue), formatDate(i.pmarkFinalReportedOn),
    i.overdue ? yes : "", i.description,
  ]);
  return csvResponse(toCsv(header, data), `${t("incidents.csv.fileName")}_${todayInTokyo()}.csv`);
});
