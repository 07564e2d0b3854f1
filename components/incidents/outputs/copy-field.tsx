import { getLocale, getTranslations } from "next-intl/server";
import type { OutputField } from "@/lib/incidents/regulator-outputs";
import { CopyButton } from "./copy-button";

const SOURCE_STYLE = {
  entered: "bg-slate-100 text-slate-700",
  record: "bg-blue-50 text-blue-800",
  missing: "bg-amber-100 text-amber-900",
} as const;

/**
 * One field of the PPC report: the Japanese label of the form (with its meaning in the UI language
 * when that is not Japanese), the value, where the value comes from, and a copy button.
 */
export async function CopyField({ f, hint, number }: { f: OutputField; hint: string | null; number?: number }) {
  const t = await getTranslations("incidents.outputs");
  // The document is lang="ja"; what is in the UI language says so.
  const ui = await getLocale();
  const label = number !== undefined ? `${number}. ${f.label}` : f.label;
  return (
    <div className="keep rounded-md border border-slate-300 print:rounded-none">
      <dt className="border-b border-slate-200 bg-slate-50 px-3 py-2 print:bg-transparent">
        <span className="block text-sm font-semibold text-slate-900">{label}</span>
        {hint ? (
          <span className="no-print block text-xs text-slate-600" lang={ui}>
            {hint}
          </span>
        ) : null}
      </dt>
      <dd className="flex items-start justify-between gap-3 px-3 py-2">
        <div className="min-w-0 space-y-1">
          {f.value ? <p className="whitespace-pre-wrap text-sm text-slate-900">{f.value}</p> : <p className="text-sm text-amber-800">【要記入】</p>}
          <p className="no-print" lang={ui}>
            <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${SOURCE_STYLE[f.source]}`}>{t(`source.${f.source}`)}</span>
          </p>
        </div>
        <CopyButton text={f.value} field={f.label} />
      </dd>
    </div>
  );
}
