import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { listAuditsForExport } from "@/db/queries/audits";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

const COLUMNS = [
  ["fiscalYear", "number"], ["type"], ["title"], ["scope"], ["clauses"], ["plannedStart", "date"], ["plannedEnd", "date"], ["actualStart", "date"], ["actualEnd", "date"],
  ["lead"], ["team"], ["status"], ["findings", "number"], ["openNc", "number"], ["summary"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportAudits, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listAuditsForExport(query);
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`audits.csv.${k}`), type })),
      rows: rows.map((a) => [
        a.fiscalYear,
        t(`audits.type.${a.type}`),
        a.title,
        [...a.scopeDepartments.map((d) => d.name), ...(a.auditee ? [a.auditee] : [])].join("、"),
        a.scopeClauses.join(" "),
        a.plannedStart,
        a.plannedEnd,
        a.actualStart,
        a.actualEnd,
        a.leadAuditorName ?? "",
        a.team.map((m) => m.name).join("、"),
        t(`audits.status.${a.status}`),
        a.findingCount,
        a.openNonconformities,
        a.summary ?? "",
      ]),
      fileName: `${t("audits.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("audits.csv.fileName"),
    },
    format,
    { user, entity: "audit", filters: query },
  );
});
