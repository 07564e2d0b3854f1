import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/card";
import { CopyButton } from "@/components/incidents/outputs/copy-button";
import { CopyField } from "@/components/incidents/outputs/copy-field";
import { MarkMadePanel } from "@/components/incidents/outputs/mark-made";
import { madeOnOf } from "@/lib/incidents/schema";
import { loadOutputs } from "@/components/incidents/outputs/load";
import { JapaneseOnlyNote, OutputsFrame } from "@/components/incidents/outputs/outputs-frame";
import { FINAL_REPORT_ITEMS, type FinalReportItem } from "@/lib/incidents/schema";
import { ppcReport, ppcReportText } from "@/lib/incidents/regulator-outputs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents.outputs.nav"))("report") };
}

/**
 * The report to the PPC as a copy view (docs/domain.md §3, "Regulator outputs"): the PPC takes reports
 * only through its online form, so each field, in the form's order and in Japanese, has a copy button,
 * and "copy all" copies every field. Filled from the incident's report items, then its record.
 */
export default async function PpcReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { incident, context, organizationMissing, canManage } = await loadOutputs(params);
  const t = await getTranslations("incidents.outputs");
  const tItems = await getTranslations("incidents.finalReport.items");
  const ja = (await getLocale()) === "ja";
  const report = ppcReport(context);
  const hint = (key: string) => (ja ? null : FINAL_REPORT_ITEMS.includes(key as FinalReportItem) ? tItems(key) : t(`hints.${key}`));
  return (
    <OutputsFrame incidentId={incident.id} reference={incident.reference} title={t("ppc.title", { reference: incident.reference })} view="report">
      <div className="no-print space-y-2">
        <p className="text-sm text-slate-700">{t("ppc.intro")}</p>
        <JapaneseOnlyNote />
        {!incident.reportable ? <Alert tone="info">{t("ppc.notReportable")}</Alert> : null}
        {organizationMissing ? (
          <Alert tone="warning">
            {t("organizationMissing")}{" "}
            {canManage ? (
              <Link href="/settings" className="underline">
                {t("settingsLink")}
              </Link>
            ) : null}
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <CopyButton text={ppcReportText(report)} field={t("ppc.allFields")} label={t("ppc.copyAll")} variant="primary" />
          <p className="text-xs text-slate-600">{t(`ppc.kind.${report.kind}`)}</p>
        </div>
      </div>
      <article lang="ja" className="space-y-5 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
        <h2 className="text-center text-lg font-bold">{report.heading}</h2>
        {report.sections.map((s) => (
          <section key={s.key} aria-labelledby={`ppc-${s.key}`} className="space-y-2">
            <h3 id={`ppc-${s.key}`} className="border-l-4 border-brand-600 pl-2 text-base font-semibold">
              {s.heading}
            </h3>
            <dl className="space-y-2">
              {s.fields.map((f, n) => (
                <CopyField key={f.key} f={f} hint={hint(f.key)} number={s.key === "items" ? n + 1 : undefined} />
              ))}
            </dl>
          </section>
        ))}
      </article>
      {canManage ? (
        <MarkMadePanel
          incidentId={incident.id}
          version={incident.version}
          intro={t("mark.introPpc")}
          outputs={[
            { output: "ppcPreliminary", madeOn: madeOnOf(incident, "ppcPreliminary") },
            { output: "ppcFinal", madeOn: madeOnOf(incident, "ppcFinal") },
          ]}
        />
      ) : null}
    </OutputsFrame>
  );
}
