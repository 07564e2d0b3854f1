import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { listFindingsForExport } from "@/db/queries/audits";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

export const GET = handle(ops.exportFindings, async ({ query, locale }) => {
  const rows = await listFindingsForExport(query);
  const t = translator(locale);
  const keys = ["audit", "fiscalYear", "clause", "grade", "department", "description", "correctiveAction", "owner", "dueDate", "status", "doneOn", "verifiedOn", "verifiedBy", "overdue", "retiredOn", "retireReason"] as const;
  const header = keys.map((k) => t(`findings.csv.${k}`));
  const data = rows.map((f) => [
    f.auditTitle,
    f.auditFiscalYear,
    f.clauseRef ?? "",
    t(`findings.grade.${f.grade}`),
    f.departmentName ?? "",
    f.description,
    f.correctiveAction ?? "",
    f.ownerLabel,
    formatDate(f.dueDate),
    t(`findings.status.${f.status}`),
    formatDate(f.doneOn),
    formatDate(f.verifiedOn),
    f.verifiedByName ?? "",
    f.overdue ? t("findings.csv.yes") : "",
    formatDate(f.retiredAt),
    f.retireReason ?? "",
  ]);
  return csvResponse(toCsv(header, data), `${t("findings.csv.fileName")}_${todayInTokyo()}.csv`);
});
