import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/print-button";

export const OUTPUT_VIEWS = ["report", "notice", "statement"] as const;
export type OutputView = (typeof OUTPUT_VIEWS)[number];

/**
 * The frame of an incident's regulator outputs (the PPC report, the notice, the statement): back link,
 * heading and tabs in the UI language, a print button, and the print rules — only the document prints,
 * on A4, without the app's header, navigation and forms.
 */
export async function OutputsFrame({ incidentId, reference, title, view, children }: { incidentId: number; reference: string; title: string; view: OutputView; children: ReactNode }) {
  const t = await getTranslations("incidents.outputs");
  return (
    <div className="regulator-output mx-auto max-w-4xl space-y-4">
      <style>{`@media print {
  header, nav, aside, .no-print { display: none !important; }
  main { padding: 0 !important; margin: 0 !important; }
  .regulator-output { max-width: none; }
  .regulator-output article { border: 0 !important; padding: 0 !important; box-shadow: none !important; font-size: 10.5pt; }
  .regulator-output .keep { break-inside: avoid; }
  @page { size: A4; margin: 18mm; }
}`}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link href={`/incidents/${incidentId}`} className="text-sm text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t("back", { reference })}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <div className="no-print">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        <nav aria-label={t("nav.label")} className="mt-3 border-b border-slate-200">
          {/* One row at any width: auto grid columns give the short names their full width first, so on a
              phone only the longest name wraps inside its tab (phrase by phrase in Japanese) rather than
              the last tab dropping to a second row. */}
          <ul className="-mb-px grid auto-cols-auto grid-flow-col justify-start gap-1">
            {OUTPUT_VIEWS.map((v) => (
              <li key={v} className="flex">
                <Link
                  href={`/incidents/${incidentId}/${v}`}
                  aria-current={v === view ? "page" : undefined}
                  className={`flex w-full items-center justify-center rounded-t-md border px-2 py-2 sm:px-3 text-center text-sm leading-snug [overflow-wrap:anywhere] [word-break:auto-phrase] ${
                    v === view ? "border-slate-200 border-b-white bg-white font-semibold text-slate-900" : "border-transparent text-brand-700 hover:bg-slate-50"
                  }`}
                >
                  {t(`nav.${v}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {children}
    </div>
  );
}

/** The note every output carries in the UI language: why the document is in Japanese. */
export async function JapaneseOnlyNote() {
  const t = await getTranslations("incidents.outputs");
  return <p className="no-print text-sm text-slate-600">{t("japaneseOnly")}</p>;
}

