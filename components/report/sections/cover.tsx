import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/dates";
import { numberSections } from "@/lib/report/shape";
import type { ReportContext } from "./context";

/** The cover: the fiscal year, who prepared it when, and the table of contents. */
export function Cover({ ctx, user }: { ctx: ReportContext; user: SessionUser }) {
  const { t, data, fyLabel, gap: GAP, childTitle } = ctx;
  const sections = numberSections();
  return (
    <section className="report-cover report-card rounded-lg border border-slate-200 bg-white p-6 sm:p-10" aria-labelledby="report-title">
      <p className="text-sm text-slate-700">{t("subtitle")}</p>
      <h1 id="report-title" className="mt-2 text-2xl font-bold sm:text-3xl">
        {t("title")}
      </h1>
      <p className="mt-1 text-xl font-semibold">{fyLabel}</p>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-700">{t("cover.fiscalYear")}</dt>
        <dd>{fyLabel}</dd>
        <dt className="text-slate-700">{t("cover.period")}</dt>
        <dd>{t("cover.periodValue", { start: formatDate(data.period.start), end: formatDate(data.period.end) })}</dd>
        <dt className="text-slate-700">{t("cover.preparedOn")}</dt>
        <dd>{formatDate(data.today)}</dd>
        <dt className="text-slate-700">{t("cover.preparedBy")}</dt>
        <dd>{user.name}</dd>
        <dt className="text-slate-700">{t("cover.organization")}</dt>
        {data.organization.name ? (
          <dd data-testid="report-organization">{data.organization.name}</dd>
        ) : (
          <dd>
            <span className="inline-block min-w-[12rem] border-b border-slate-500">&nbsp;</span>
            <span className="mt-1 block text-xs text-slate-600">{t("cover.organizationHint")}</span>
          </dd>
        )}
        {data.organization.representative ? (
          <>
            <dt className="text-slate-700">{t("cover.representative")}</dt>
            <dd>{data.organization.representative}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-6 text-sm text-slate-700">{t("cover.basis")}</p>
      <h2 className="mt-8 text-base font-semibold">{t("cover.contents")}</h2>
      <ol className="mt-2 space-y-2 text-sm">
        {sections.map((s) => (
          <li key={s.key}>
            <a href={`#section-${s.key}`} className="font-medium underline-offset-2 hover:underline">
              {s.number}
              {GAP}
              {t(`sections.${s.key}`)}
            </a>
            {s.children.length ? (
              <ol className="mt-1 grid gap-x-6 gap-y-0.5 pl-5 sm:grid-cols-2">
                {s.children.map((c) => (
                  <li key={c.key}>
                    {c.number}
                    {GAP}
                    {childTitle(s.key === "notes" ? "summary" : s.key, c.key)}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
