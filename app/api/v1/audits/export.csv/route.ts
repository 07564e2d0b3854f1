import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { listAuditsForExport } from "@/db/queries/audits";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

export const GET = handle(ops.exportAudits, async ({ query, locale }) => {
  const rows = await listAuditsForExport(query);
  const t = translator(locale);
  const keys = ["fiscalYear", "type", "title", "scope", "clauses", "plannedStart", "plannedEnd", "actualStart", "actualEnd", "lead", "team", "status", "findings", "openNc", "summary"] as const;
  const header = keys.map((k) => t(`audits.csv.${k}`));
  const data = rows.map((a) => [
    a.fiscalYear,
    t(`audits.type.${a.type}`),
    a.title,
    [...a.scopeDepartments.map((d) => d.name), ...(a.auditee ? [a.auditee] : [])].join("、"),
    a.scopeClauses.join(" "),
    formatDate(a.plannedStart),
    formatDate(a.plannedEnd),
    formatDate(a.actualStart),
    formatDate(a.actualEnd),
    a.leadAuditorName ?? "",
    a.team.map((m) => m.name).join("、"),
    t(`audits.status.${a.status}`),
    a.findingCount,
    a.openNonconformities,
    a.summary ?? "",
  ]);
  return csvResponse(toCsv(header, data), `${t("audits.csv.fileName")}_${todayInTokyo()}.csv`);
});
