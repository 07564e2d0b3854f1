import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { listRegulationsForExport } from "@/db/queries/regulations";
import { csvResponse, toCsv } from "@/lib/csv/export";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";

export const GET = handle(ops.exportRegulations, async ({ query, locale }) => {
  const rows = await listRegulationsForExport(query);
  const t = translator(locale);
  const keys = ["code", "title", "owner", "version", "effectiveDate", "interval", "lastReviewedOn", "nextReviewDue", "dueState", "status"] as const;
  const header = keys.map((k) => t(`regulations.csv.${k}`));
  const data = rows.map((r) => [
    r.code,
    r.title,
    r.ownerLabel,
    r.currentVersion === null ? "" : t("regulations.versionLabel", { n: r.currentVersion }),
    formatDate(r.effectiveDate),
    r.reviewIntervalMonths,
    formatDate(r.lastReviewedOn),
    formatDate(r.nextReviewDue),
    t(`regulations.dueState.${r.dueState}`),
    t(`regulations.status.${r.status}`),
  ]);
  return csvResponse(toCsv(header, data), `${t("regulations.csv.fileName")}_${todayInTokyo()}.csv`);
});
