import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { listContractorsForExport } from "@/db/queries/contractors";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

const COLUMNS = [
  ["name"],
  ["corporateNumber"],
  ["status"],
  ["services"],
  ["dataCategories"],
  ["dataVolume"],
  ["contractStart", "date"],
  ["contractEnd", "date"],
  ["latestAssessedOn", "date"],
  ["latestResult"],
  ["latestTotal", "number"],
  ["nextDueOn", "date"],
  ["certifications"],
  ["flags"],
  ["contactName"],
  ["contactEmail"],
  ["contactPhone"],
  ["reassessmentMonths", "number"],
  ["note"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportContractors, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listContractorsForExport(query);
  const t = translator(locale);
  const sep = t("contractors.listSeparator");
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`contractors.csv.${k}`), type })),
      rows: rows.map((c) => [
        c.name,
        c.corporateNumber,
        t(`contractors.status.${c.status}`),
        c.services,
        c.dataCategories.join(sep),
        c.dataVolume,
        c.contractStart,
        c.contractEnd,
        c.latest?.assessedOn,
        c.latest ? t(`assessments.result.${c.latest.result}`) : "",
        c.latest?.totalPercent ?? "",
        c.latest?.nextDueOn,
        c.certifications.map((x) => `${t(`contractors.certKind.${x.kind}`)} ${x.number}${x.expiresOn ? ` (${formatDate(x.expiresOn)})` : ""}`).join(sep),
        c.flags.map((f) => t(`contractors.flags.${f}`)).join(sep),
        c.contactName,
        c.contactEmail,
        c.contactPhone,
        c.reassessmentMonths,
        c.note,
      ]),
      fileName: `${t("contractors.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("contractors.csv.fileName"),
    },
    format,
    { user, entity: "contractor", filters: query },
  );
});
