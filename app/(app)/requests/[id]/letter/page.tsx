import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { translateKey } from "@/lib/i18n/messages";
import { PrintButton } from "@/components/ui/print-button";
import { ButtonLink } from "@/components/ui/button";
import { getRequest } from "@/db/queries/requests";
import { getOrganization } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { REQUEST_READERS } from "@/lib/requests/roles";
import { requestIdParams } from "@/lib/requests/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests.letter"))("title") };
}

/**
 * The draft of the answer letter, from the record: in Japanese (?lang=ja, the default: the person
 * wrote in Japanese) or in English (?lang=en). Laid out for paper with @media print.
 */
export default async function AnswerLetterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(REQUEST_READERS);
  const parsed = requestIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const r = await getRequest(parsed.data.id);
  if (!r || !r.answeredOn || r.disposedOn) notFound();
  const lang = (await searchParams).lang === "en" ? "en" : "ja";
  const org = await getOrganization();
  // The letter's own language, whatever the user's (translator() reads either language's messages).
  const t = (k: string, v?: Record<string, string | number>) => translateKey(lang, `requests.${k}`, v);
  const tCommon = (k: string, v?: Record<string, string | number>) => translateKey(lang, `common.${k}`, v);
  const tUi = await getTranslations("requests.letter");
  const L = (k: string, v?: Record<string, string | number>) => t(`letter.${k}`, v);
  const body =
    r.decision === "comply"
      ? L("comply")
      : r.decision === "comply_partly"
        ? L("complyPartly")
        : r.decision === "refuse"
          ? L("refuse", { ground: t(`refusalGrounds.${r.refusalGround ?? "breach_of_law"}`) })
          : L("noData");
  return (
    <div className="answer-letter mx-auto max-w-3xl space-y-4">
      <style>{`@media print {
  header, nav, aside, .no-print { display: none !important; }
  main { padding: 0 !important; margin: 0 !important; }
  .answer-letter { max-width: none; font-size: 10.5pt; }
  @page { size: A4; margin: 20mm; }
}`}</style>
      <div className="no-print flex flex-wrap items-center gap-2">
        <ButtonLink href={`/requests/${r.id}`} variant="secondary">
          {tUi("back")}
        </ButtonLink>
        <PrintButton label={tUi("print")} />
        <span className="text-sm">
          {tUi("language")}:{" "}
          <Link href={`/requests/${r.id}/letter`} aria-current={lang === "ja" ? "page" : undefined} className="text-brand-700 underline">
            日本語
          </Link>{" "}
          /{" "}
          <Link href={`/requests/${r.id}/letter?lang=en`} aria-current={lang === "en" ? "page" : undefined} className="text-brand-700 underline">
            English
          </Link>
        </span>
      </div>
      <article lang={lang} className="space-y-4 rounded-lg border border-slate-300 bg-white p-8 text-sm leading-relaxed print:border-0 print:p-0" data-testid="answer-letter">
        <p className="text-right">
          {r.reference}
          <br />
          {formatDate(r.answeredOn)}
        </p>
        <p>{L("to", { name: r.viaAgent && r.agentName ? `${r.agentName}${tCommon("inParens", { text: L("agentOf", { name: r.requesterName ?? "" }) })}` : (r.requesterName ?? "") })}</p>
        <p className="text-right">
          {org.name}
          <br />
          {org.representative}
          <br />
          {L("contact")}
        </p>
        <h1 className="text-center text-base font-bold">{L("heading", { kind: t(`kinds.${r.kind}`) })}</h1>
        <p>{L("opening", { received: formatDate(r.receivedOn), kind: t(`kinds.${r.kind}`) })}</p>
        <p>{body}</p>
        {r.decisionReason ? (
          <p className="whitespace-pre-wrap">
            {L("reason")}: {r.decisionReason}
          </p>
        ) : null}
        {r.answerNote ? <p className="whitespace-pre-wrap">{r.answerNote}</p> : null}
        {r.answerMethod ? <p>{L("method", { method: t(`disclosureMethods.${r.answerMethod}`) })}</p> : null}
        {r.feeExclTax !== null && r.feePaidOn ? (
          <p>{L("fee", { excl: r.feeExclTax.toLocaleString(), tax: (r.feeTax ?? 0).toLocaleString(), incl: (r.feeInclTax ?? 0).toLocaleString(), paid: formatDate(r.feePaidOn) })}</p>
        ) : null}
        {r.decision === "refuse" || r.decision === "comply_partly" ? <p>{L("objection")}</p> : null}
        <p className="text-right">{L("closing")}</p>
      </article>
    </div>
  );
}
