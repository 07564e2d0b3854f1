import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PackPreview } from "@/components/renewal/pack-preview";
import { ButtonLink } from "@/components/ui/button";
import { Alert, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { PrintButton } from "@/components/ui/print-button";
import { getRenewalPack, packContext } from "@/db/queries/renewal-pack";
import type { FieldError } from "@/lib/api/errors";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { translateKey } from "@/lib/i18n/messages";
import { printPageCss } from "@/lib/report/shape";
import { PACK_READERS, buildPack, dateRange, defaultPackPeriod, packQuery, resolvePackParams, type PackQuery, type Translate } from "@/lib/renewal/pack";
import { issuesToFieldErrors } from "@/lib/validation/issues";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("renewalPack"))("title") };
}

/** The print rules: the app's frame and the toolbar stay off the paper; each document starts a new sheet. */
const PRINT_CSS = `
  html, body { background: #fff !important; }
  .no-print, #mobile-nav { display: none !important; }
  main#main { padding: 0 !important; }
  .pack-page { max-width: none !important; }
  .pack-doc { border: 0 !important; border-radius: 0 !important; box-shadow: none !important; padding: 0 !important; }
  .pack-break { break-before: page; }
  .pack-scroll { overflow: visible !important; }
  .pack-table { font-size: 7.5pt; min-width: 0 !important; width: 100%; }
  .pack-table th, .pack-table td { min-width: 0 !important; overflow-wrap: anywhere; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * 更新申請サマリー: the renewal pack for a period (default: the last two complete fiscal years),
 * previewed document by document, printable, and downloadable as one workbook from
 * /api/v1/renewal/pack with the same parameters. Who may open it: PACK_READERS.
 */
export default async function RenewalPackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(PACK_READERS);
  const raw = await searchParams;
  const input = { from: first(raw.from), to: first(raw.to), since: first(raw.since), lang: first(raw.lang) };
  const [t, locale, ctx] = await Promise.all([getTranslations("renewalPack"), getLocale(), packContext()]);
  const ui = locale === "en" ? "en" : "ja";

  let errors: FieldError[] = [];
  let query: PackQuery;
  const parsed = packQuery.safeParse(input);
  if (parsed.success) query = parsed.data;
  else {
    errors = issuesToFieldErrors(parsed.error.issues);
    query = packQuery.parse({});
  }
  let resolved = resolvePackParams(query, ctx);
  if (resolved.errors) {
    errors = resolved.errors;
    resolved = resolvePackParams({ ...packQuery.parse({}), lang: query.lang }, ctx);
  }
  const params = resolved.params!;
  const docT: Translate = (key, values) => translateKey(params.lang, key, values);
  const uiT: Translate = (key, values) => translateKey(ui, key, values);
  const documents = buildPack(await getRenewalPack(params, ctx.today), docT);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? uiT(e.messageKey, e.values) : undefined;
  };
  const search = new URLSearchParams({ from: params.from, to: params.to, since: params.since, lang: params.lang });
  const period = defaultPackPeriod(ctx.today, ctx.startMonth);
  const periodText = dateRange(params.from, params.to, uiT);
  const css = `@media print {${PRINT_CSS}}\n${printPageCss({ header: t("printHeader", { title: t("title"), period: periodText }), date: t("printDate", { date: formatDate(ctx.today) }) })}`;

  return (
    <div className="pack-page mx-auto max-w-6xl space-y-4">
      <style>{css}</style>
      <div className="no-print">
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={
            <ButtonLink href="/renewal" variant="ghost">
              {t("readiness")}
            </ButtonLink>
          }
        />
      </div>
      <section aria-label={t("toolbarLabel")} className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {errors.length ? <Alert tone="error">{t("errors.invalid")}</Alert> : null}
        <form method="get" noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
          <TextField label={t("form.from")} name="from" type="date" defaultValue={errors.length ? input.from : params.from} error={errorOf("from")} />
          <TextField
            label={t("form.to")}
            name="to"
            type="date"
            defaultValue={errors.length ? input.to : params.to}
            error={errorOf("to")}
            hint={t("form.periodHint", { from: formatDate(period.from), to: formatDate(period.to) })}
          />
          <TextField label={t("form.since")} name="since" type="date" defaultValue={errors.length ? input.since : params.since} error={errorOf("since")} hint={t("form.sinceHint")} />
          <SelectField label={t("form.lang")} name="lang" defaultValue={params.lang} error={errorOf("lang")}>
            <option value="ja">{t("form.langJa")}</option>
            <option value="en">{t("form.langEn")}</option>
          </SelectField>
          <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
            <button type="submit" className="inline-flex min-h-9 items-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("form.show")}
            </button>
            <ButtonLink href="/renewal/pack" variant="ghost">
              {t("form.reset")}
            </ButtonLink>
          </div>
        </form>
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
          <a
            href={`/api/v1/renewal/pack?${search.toString()}`}
            download
            className="inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t("download")}
          </a>
          <PrintButton label={t("print")} />
          <p className="text-xs text-slate-600">{t("printHint")}</p>
        </div>
        <nav aria-label={t("contents")} className="text-sm">
          <ol className="flex flex-wrap gap-x-4 gap-y-1">
            {documents.map((d, i) => (
              <li key={d.key}>
                <a href={`#doc-${d.key}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {i + 1}. {d.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </section>
      <PackPreview documents={documents} lang={params.lang} emptyText={docT("renewalPack.empty")} rowsText={(n) => uiT("renewalPack.rows", { count: n })} />
    </div>
  );
}
