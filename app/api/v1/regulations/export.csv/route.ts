import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { listRegulationsForExport } from "@/db/queries/regulations";
import { todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import type { ExportColumn } from "@/lib/list/export-table";
import { exportListResponse } from "@/db/queries/exports";

const COLUMNS = [
  ["code"], ["title"], ["owner"], ["version"], ["effectiveDate", "date"], ["interval", "number"], ["lastReviewedOn", "date"], ["nextReviewDue", "date"], ["dueState"], ["status"],
] as const satisfies readonly (readonly [string, ExportColumn["type"]?])[];

export const GET = handle(ops.exportRegulations, async ({ query: { format, ...query }, locale, user }) => {
  const rows = await listRegulationsForExport(query);
  const t = translator(locale);
  return exportListResponse(
    {
      columns: COLUMNS.map(([k, type]) => ({ header: t(`regulations.csv.${k}`), type })),
      rows: rows.map((r) => [
        r.code,
        r.title,
        r.ownerLabel,
        r.currentVersion === null ? "" : t("regulations.versionLabel", { n: r.currentVersion }),
        r.effectiveDate,
        r.reviewIntervalMonths,
        r.lastReviewedOn,
        r.nextReviewDue,
        t(`regulations.dueState.${r.dueState}`),
        t(`regulations.status.${r.status}`),
      ]),
      fileName: `${t("regulations.csv.fileName")}_${todayInTokyo()}`,
      sheetName: t("regulations.csv.fileName"),
    },
    format,
    { user, entity: "regulation", filters: query },
  );
});
