import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/print-button";
import { ButtonLink } from "@/components/ui/button";
import { getIncidentDetail } from "@/db/queries/incidents";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, formatDateTime, todayInTokyo } from "@/lib/dates";
import { FINAL_REPORT_ITEMS, incidentIdParams } from "@/lib/incidents/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations({ locale: "ja", namespace: "incidents.finalReport" }))("heading") };
}

/**
 * A draft of the final report 確報 to the PPC, with its nine items, in Japanese (the report is filed
 * in Japanese whatever the user's language). Laid out for paper with @media print.
 */
export default async function FinalReportDraftPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const parsed = incidentIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getIncidentDetail(parsed.data.id);
  if (!detail) notFound();
  const i = detail.incident;
  const t = await getTranslations({ locale: "ja", namespace: "incidents.finalReport" });
  const tUi = await getTranslations("incidents.finalReport");
  return (
    <div className="final-report mx-auto max-w-3xl space-y-4">
      <style>{`@media print {
  header, nav, aside, .no-print { display: none !important; }
  main { padding: 0 !important; margin: 0 !important; }
  .final-report { max-width: none; font-size: 10.5pt; }
  .final-report section { break-inside: avoid; }
  @page { size: A4; margin: 18mm; }
}`}</style>
      <div className="no-print flex flex-wrap gap-2">
        <ButtonLink href={`/incidents/${i.id}`} variant="secondary">
          {tUi("back")}
        </ButtonLink>
        <PrintButton label={tUi("printButton")} />
      </div>
      <article lang="ja" className="space-y-4 rounded-lg border border-slate-300 bg-white p-6 print:border-0 print:p-0">
        <p className="text-right text-xs text-slate-600">{t("draft")}</p>
        <h1 className="text-center text-lg font-bold">{t("heading")}</h1>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("reference")}</dt>
          <dd>{i.reference}</dd>
          <dt className="text-slate-600">{t("occurredAt")}</dt>
          <dd>{formatDateTime(i.occurredAt) || "—"}</dd>
          <dt className="text-slate-600">{t("discoveredAt")}</dt>
          <dd>{formatDateTime(i.discoveredAt)}</dd>
          <dt className="text-slate-600">{t("preparedOn")}</dt>
          <dd>{formatDate(todayInTokyo())}</dd>
        </dl>
        <ol className="space-y-3">
          {FINAL_REPORT_ITEMS.map((k, n) => (
            <li key={k}>
              <section className="rounded border border-slate-300">
                <h2 className="border-b border-slate-300 bg-slate-50 px-3 py-1.5 text-sm font-semibold print:bg-transparent">
                  {n + 1}. {t(`items.${k}`)}
                </h2>
                <p className={`min-h-12 whitespace-pre-wrap px-3 py-2 text-sm ${i[k] ? "" : "text-slate-500"}`}>{i[k] || t("notFilled")}</p>
              </section>
            </li>
          ))}
        </ol>
      </article>
    </div>
  );
}
