import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/card";
import { CopyButton } from "@/components/incidents/outputs/copy-button";
import { DraftDocument } from "@/components/incidents/outputs/draft-document";
import { MarkMadePanel } from "@/components/incidents/outputs/mark-made";
import { madeOnOf } from "@/lib/incidents/schema";
import { loadOutputs } from "@/components/incidents/outputs/load";
import { JapaneseOnlyNote, OutputsFrame } from "@/components/incidents/outputs/outputs-frame";
import { todayInTokyo } from "@/lib/dates";
import { personsNoticeDraft } from "@/lib/incidents/regulator-outputs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents.outputs.nav"))("notice") };
}

/** A draft of the notice to the persons 本人への通知, in Japanese, from the incident's record; printable. */
export default async function PersonsNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { incident, context, canManage } = await loadOutputs(params);
  const t = await getTranslations("incidents.outputs");
  const separator = (await getLocale()) === "ja" ? "、" : ", ";
  const madeOn = madeOnOf(incident, "personsNotice");
  const draft = personsNoticeDraft(context, madeOn ?? todayInTokyo());
  return (
    <OutputsFrame incidentId={incident.id} reference={incident.reference} title={t("notice.title", { reference: incident.reference })} view="notice">
      <div className="no-print space-y-2">
        <p className="text-sm text-slate-700">{t("notice.intro")}</p>
        <JapaneseOnlyNote />
        {!incident.reportable ? <Alert tone="info">{t("notice.notReportable")}</Alert> : null}
        {draft.missing.length ? <Alert tone="warning">{t("missing", { items: draft.missing.join(separator) })}</Alert> : null}
        <CopyButton text={draft.text} field={t("nav.notice")} label={t("notice.copy")} variant="primary" />
      </div>
      <DraftDocument draft={draft} />
      {canManage ? <MarkMadePanel incidentId={incident.id} version={incident.version} intro={t("mark.introNotice")} outputs={[{ output: "personsNotice", madeOn }]} /> : null}
    </OutputsFrame>
  );
}
