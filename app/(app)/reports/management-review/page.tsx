import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ManagementReviewReport } from "@/components/report/management-review-report";
import { PrintButton } from "@/components/ui/print-button";
import { getManagementReviewReport } from "@/db/queries/report";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearLabel } from "@/lib/fiscal-year";
import { parseFiscalYearParam, printPageCss } from "@/lib/report/shape";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("report"))("title") };
}

/** The print rules: the app's frame and the buttons stay off the paper; sections start on a new sheet. */
const PRINT_CSS = `
  html, body { background: #fff !important; }
  .no-print, #mobile-nav { display: none !important; }
  main#main { padding: 0 !important; }
  .report-page { max-width: none !important; }
  .report { font-size: 9.5pt; }
  .report-card { border: 0 !important; border-radius: 0 !important; box-shadow: none !important; padding: 0 !important; background: transparent !important; }
  .report-cover { break-after: page; padding-top: 30mm !important; }
  .report-section { break-before: page; }
  .report-section + .report-section { margin-top: 0 !important; }
  .report-keep, .paper-chart, tr, .report-blank { break-inside: avoid; }
  .report-part-title, h2, h3, h4, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  .paper-chart, .report-blank { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit !important; text-decoration: none !important; }
`;

/** マネジメントレビュー資料: every role reads it (executives read reports); `?fy=` picks the fiscal year. */
export default async function ManagementReviewReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const today = todayInTokyo();
  const currentFy = currentFiscalYear(today, await getFiscalYearStartMonth());
  const fy = parseFiscalYearParam((await searchParams).fy, currentFy);
  const [data, t, locale] = await Promise.all([getManagementReviewReport(fy, today), getTranslations("report"), getLocale()]);
  const fyLabel = (y: number) => fiscalYearLabel(y, locale === "en" ? "en" : "ja");
  const years = [...new Set([...data.fiscalYears, fy])].sort((a, b) => b - a);
  const css = `@media print {${PRINT_CSS}}\n${printPageCss({ header: t("print.header", { title: t("title"), fiscalYear: fyLabel(fy) }), date: t("print.date", { date: formatDate(today) }) })}`;

  return (
    <div className="report-page mx-auto max-w-4xl space-y-4">
      <style>{css}</style>
      <div role="group" aria-label={t("toolbar.label")} className="no-print flex flex-wrap items-end justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <form method="get" className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block text-slate-700">{t("toolbar.fiscalYear")}</span>
            <select name="fy" defaultValue={String(fy)} className="mt-1 min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
              {years.map((y) => (
                <option key={y} value={y}>
                  {fyLabel(y)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-9 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100">
            {t("toolbar.show")}
          </button>
        </form>
        <div className="flex flex-col items-start gap-1 sm:items-end">
          <PrintButton label={t("toolbar.print")} />
          <p className="max-w-md text-xs text-slate-600 sm:text-right">{t("toolbar.printHint")}</p>
        </div>
      </div>
      <ManagementReviewReport data={data} user={user} />
    </div>
  );
}
