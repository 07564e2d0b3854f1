import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { listFindingsForExport } from "@/db/queries/audits";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

const COLUMNS = [
  ["audit"], ["fiscalYear", "number"], ["clause"], ["grade"], ["department"], ["description"], ["correctiveAction"], ["owner"], ["dueDate", "date"], ["status"],
  ["doneOn", "date"], ["verifiedOn", "date"], ["verifiedBy"], ["overdue"], ["retiredOn", "date"], ["retireReason"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportFindings, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listFindingsForExport(query);
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`findings.csv.${k}`), type })),
      rows: rows.map((f) => [
        f.auditTitle,
        f.auditFiscalYear,
        f.clauseRef ?? "",
        t(`findings.grade.${f.grade}`),
        f.departmentName ?? "",
        f.description,
        f.correctiveAction ?? "",
        f.ownerLabel,
        f.dueDate,
        t(`findings.status.${f.status}`),
        f.doneOn,
        f.verifiedOn,
        f.verifiedByName ?? "",
        f.overdue ? t("findings.csv.yes") : "",
        f.retiredAt,
        f.retireReason ?? "",
      ]),
      fileName: `${t("findings.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("findings.csv.fileName"),
    },
    format,
    { user, entity: "audit_finding", filters: query },
  );
});
