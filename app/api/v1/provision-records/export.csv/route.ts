import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/provisions";
import { listProvisionsForExport } from "@/db/queries/provisions";
import { exportListResponse } from "@/db/queries/exports";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";

const COLUMNS = [
  ["direction"], ["ground"], ["counterparty"], ["address"], ["representative"], ["persons"], ["dataItems"], ["providedFrom", "date"], ["providedTo", "date"],
  ["recordedOn", "date"], ["recordForm"], ["consentMethod"], ["source"], ["abroadCountry"], ["abroadBasis"], ["retainUntil", "date"], ["disposableFrom", "date"], ["disposedOn", "date"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportProvisions, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listProvisionsForExport(query);
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`provisions.csv.${k}`), type })),
      rows: rows.map((p) => [
        t(`provisions.directions.${p.direction}`), t(`provisions.grounds.${p.ground}`), p.counterpartyName, p.counterpartyAddress, p.counterpartyRepresentative, p.persons, p.dataItems,
        p.providedFrom, p.providedTo, p.recordedOn, t(`provisions.recordForms.${p.recordForm}`), p.consentMethod, p.sourceHowObtained, p.abroadCountry,
        p.abroadBasis ? t(`provisions.abroadBases.${p.abroadBasis}`) : null, p.retainUntil, p.disposableFrom, p.disposedOn,
      ]),
      fileName: `${t("provisions.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("provisions.csv.fileName"),
    },
    format,
    { user, entity: "provision_record", filters: query },
  );
});
