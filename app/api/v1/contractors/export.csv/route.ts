import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { listContractorsForExport } from "@/db/queries/contractors";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

const COLUMNS = [
  "name",
  "corporateNumber",
  "status",
  "services",
  "dataCategories",
  "dataVolume",
  "contractStart",
  "contractEnd",
  "latestAssessedOn",
  "latestResult",
  "latestTotal",
  "nextDueOn",
  "certifications",
  "flags",
  "contactName",
  "contactEmail",
  "contactPhone",
  "reassessmentMonths",
  "note",
] as const;

export const GET = handle(ops.exportContractors, async ({ query, locale }) => {
  const rows = await listContractorsForExport(query);
  const t = translator(locale);
  const sep = t("contractors.listSeparator");
  const data = rows.map((c) => [
    c.name,
    c.corporateNumber,
    t(`contractors.status.${c.status}`),
    c.services,
    c.dataCategories.join(sep),
    c.dataVolume,
    formatDate(c.contractStart),
    formatDate(c.contractEnd),
    formatDate(c.latest?.assessedOn),
    c.latest ? t(`assessments.result.${c.latest.result}`) : "",
    c.latest?.totalPercent ?? "",
    formatDate(c.latest?.nextDueOn),
    c.certifications.map((x) => `${t(`contractors.certKind.${x.kind}`)} ${x.number}${x.expiresOn ? ` (${formatDate(x.expiresOn)})` : ""}`).join(sep),
    c.flags.map((f) => t(`contractors.flags.${f}`)).join(sep),
    c.contactName,
    c.contactEmail,
    c.contactPhone,
    c.reassessmentMonths,
    c.note,
  ]);
  return csvResponse(toCsv(COLUMNS.map((k) => t(`contractors.csv.${k}`)), data), `${t("contractors.csv.fileName")}_${todayInTokyo()}.csv`);
});
