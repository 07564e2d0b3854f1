"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { LineChart } from "@/components/charts/line-chart";
import { Card, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { formatDate } from "@/lib/dates";
import { AUDIT_PART_WEIGHTS, LOOKBACK_MONTHS, PMARK_VALUES, SCORE_INDICATORS, SCORE_WEIGHTS } from "@/lib/dashboard/score";
import { formatPercent } from "./format";
import { dashboardKeys, fetchScore } from "./keys";
import { SCORE_ATTENTION, SCORE_GOOD, scoreTrendChart } from "./score-trend";
import { bandTone } from "./tone";
import { TONE_STYLES, ToneBadge } from "./tone-icon";
import { ScrollArea } from "@/components/ui/data-table";

/**
 * /dashboard/score: the formula in words, rendered from the constants of lib/dashboard/score.ts
 * (weights, bands, look-back, part weights), with the current values and the monthly trend.
 */
export function ScoreExplainer({ fy }: { fy: number | null }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const q = useQuery({ queryKey: dashboardKeys.score(fy), queryFn: () => fetchScore(fy) });
  const good = SCORE_GOOD;
  const attention = SCORE_ATTENTION;
  const pct = (v: number) => formatPercent(v, locale);
  const cur = q.data?.current ?? null;
  const tone = bandTone(cur?.band ?? null);
  const definition = (k: (typeof SCORE_INDICATORS)[number]) =>
    t(`scorePage.definitions.${k}`, {
      months: LOOKBACK_MONTHS,
      internal: pct(AUDIT_PART_WEIGHTS.internalAudit),
      review: pct(AUDIT_PART_WEIGHTS.managementReview),
      actions: pct(AUDIT_PART_WEIGHTS.correctiveActions),
      valid: PMARK_VALUES.valid,
      windowClosed: PMARK_VALUES.windowClosed,
      none: PMARK_VALUES.none,
    });

  return (
    <div className="space-y-4">
      {q.isError ? (
        <LoadError onRetry={() => q.refetch()}>{t("loadError")}</LoadError>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="score-current" className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${TONE_STYLES[tone].border}`} data-testid="score-current">
          <h2 id="score-current" className="text-base font-semibold text-slate-900">
            {t("scorePage.current")}
          </h2>
          {q.isPending ? (
            <Skeleton className="mt-2 h-12 w-32" />
          ) : cur && cur.score !== null ? (
            <>
              <p className="mt-1 flex items-baseline gap-2">
                <span className="text-5xl font-bold tabular-nums text-slate-900">{cur.score}</span>
                <span className="text-sm text-slate-600">{t("score.outOf")}</span>
              </p>
              {cur.band ? <ToneBadge tone={tone} label={t(`score.band.${cur.band}`)} /> : null}
              <p className="mt-2 text-xs text-slate-600">{t("asOf", { date: formatDate(cur.asOf) })}</p>
            </>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{t("score.noScore")}</p>
          )}
        </section>
        <Card title={t("scorePage.formulaTitle")} className="lg:col-span-2">
          <p className="text-sm text-slate-800">{t("scorePage.formula")}</p>
          <p className="mt-2 text-sm text-slate-700">{t("scorePage.missing")}</p>
          <h3 className="mt-3 text-sm font-semibold text-slate-900">{t("scorePage.bandsTitle")}</h3>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-800">
            <ToneBadge tone="good" label={t("score.band.good")} />
            <ToneBadge tone="attention" label={t("score.band.attention")} />
            <ToneBadge tone="critical" label={t("score.band.critical")} />
          </p>
          <p className="mt-1 text-sm text-slate-700">{t("scorePage.bands", { good, attention })}</p>
        </Card>
      </div>

      <Card title={t("scorePage.weightsTitle")}>
        <ScrollArea label={t("scorePage.tableCaption")}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("scorePage.tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">{t("scorePage.columns.indicator")}</th>
                <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right font-medium">{t("scorePage.columns.weight")}</th>
                <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right font-medium">{t("scorePage.columns.value")}</th>
                <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right font-medium">{t("scorePage.columns.points")}</th>
                <th scope="col" className="py-2 font-medium">{t("scorePage.columns.definition")}</th>
              </tr>
            </thead>
            <tbody>
              {SCORE_INDICATORS.map((k) => (
                <tr key={k} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                    <div className="min-w-[7rem] lg:min-w-0">{t(`score.indicators.${k}`)}</div>
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">{SCORE_WEIGHTS[k]}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{cur ? (cur.indicators[k] === null ? t("scorePage.notApplicable") : pct(cur.indicators[k]!)) : "—"}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{cur?.points[k] ?? "—"}</td>
                  <td className="py-2 text-slate-700">{definition(k)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
        <h3 className="mt-4 text-sm font-semibold text-slate-900">{t("scorePage.whyTitle")}</h3>
        <p className="mt-1 text-sm text-slate-700">{t("scorePage.why")}</p>
        <p className="mt-2 text-sm text-slate-600">{t("scorePage.approximations")}</p>
      </Card>

      <Card title={t("score.trend")}>
        {q.data ? (
          <>
            <LineChart {...scoreTrendChart(q.data, t, locale)} />
            <ScrollArea label={t("scorePage.trendCaption")} className="mt-4">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <caption className="mb-1 text-left text-sm font-medium text-slate-700">{t("scorePage.trendCaption")}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    <th scope="col" className="py-1 pr-3 font-medium">{t("charts.month")}</th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">{t("charts.score")}</th>
                    {SCORE_INDICATORS.map((k) => (
                      <th key={k} scope="col" className="py-1 pr-3 text-right font-medium">
                        <div className="min-w-[7rem] lg:min-w-0">{t(`score.indicators.${k}`)}</div>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {q.data.months.map((m) => (
                    <tr key={m.month} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 font-normal">{formatDate(m.asOf)}</th>
                      <td className="py-1 pr-3 text-right font-semibold tabular-nums">{m.score ?? "—"}</td>
                      {SCORE_INDICATORS.map((k) => (
                        <td key={k} className="py-1 pr-3 text-right tabular-nums">{m.indicators[k] === null ? t("scorePage.notApplicable") : pct(m.indicators[k]!)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </>
        ) : q.isPending ? (
          <Skeleton className="h-60 w-full" />
        ) : null}
      </Card>
    </div>
  );
}
