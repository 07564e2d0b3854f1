import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { listRequestsForExport } from "@/db/queries/requests";
import { exportListResponse } from "@/db/queries/exports";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";

const COLUMNS = [
  ["reference"], ["kind"], ["channel"], ["receivedOn", "date"], ["requester"], ["agent"], ["stage"], ["identityCheckedOn", "date"],
  ["feeExclTax", "number"], ["feeTax", "number"], ["feePaidOn", "date"], ["dueOn", "date"], ["pausedDays", "number"], ["clockState"],
  ["decision"], ["refusalGround"], ["answeredOn", "date"], ["withdrawnOn", "date"], ["disposedOn", "date"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportRequests, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listRequestsForExport(query);
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`requests.csv.${k}`), type })),
      rows: rows.map((r) => [
        r.reference, t(`requests.kinds.${r.kind}`), t(`requests.channels.${r.channel}`), r.receivedOn, r.requesterName, r.viaAgent ? r.agentName : null,
        t(`requests.stages.${r.stage}`), r.identityCheckedOn, r.feeExclTax, r.feeTax, r.feePaidOn, r.dueOn, r.pausedDays, t(`requests.clockStates.${r.clockState}`),
        r.decision ? t(`requests.decisions.${r.decision}`) : null, r.refusalGround ? t(`requests.refusalGrounds.${r.refusalGround}`) : null, r.answeredOn, r.withdrawnOn, r.disposedOn,
      ]),
      fileName: `${t("requests.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("requests.csv.fileName"),
    },
    format,
    { user, entity: "disclosure_request", filters: query },
  );
});
