"use client";

import Link from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { LazyLineChart } from "@/components/charts/lazy-charts";
import { Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { SCORE_INDICATORS } from "@/lib/dashboard/score";
import { dashboardLinks } from "@/lib/dashboard/links";
import { formatPercent } from "./format";
import { dashboardKeys, fetchScore } from "./keys";
import { scoreTrendChart } from "./score-trend";
import { bandTone, rateTone } from "./tone";
import { TONE_STYLES, ToneBadge, ToneIcon } from "./tone-icon";
import { Section } from "./section";
import type { ComplianceScoreDto } from "@/lib/dashboard/schema";

const CARD = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** The compliance score now, its band, its six indicators and its trend over the fiscal year. */
export function ScorePanel({ fy }: { fy: number | null }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const q = useQuery({ queryKey: dashboardKeys.score(fy), queryFn: () => fetchScore(fy) });
  return (
    <Section id="score" title={t("sections.score")}>
      {q.isError ? (
        <LoadError onRetry={() => q.refetch()}>{t("loadError")}</LoadError>
      ) : !q.data ? (
        <ScoreSkeleton fy={fy} />
      ) : (
        <ScoreBody data={q.data} locale={locale} />
      )}
    </Section>
  );
}

/** The panel's own shape while the months are recomputed: same cards, same heights, values pending. */
function ScoreSkeleton({ fy }: { fy: number | null }) {
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  return (
    <div role="status" className="grid gap-3 lg:grid-cols-3">
      <span className="sr-only">{tc("loading")}</span>
      <div className={`${CARD} border-l-4 ${TONE_STYLES.info.border}`}>
        <div className="flex items-start justify-between gap-2">
          <h3 className="text-sm font-medium text-slate-700">{t("score.title")}</h3>
          <Skeleton className="h-[22px] w-16" />
        </div>
        <Skeleton className="mt-1 h-12 w-28" />
        <ul className="mt-3 space-y-1 text-sm">
          {SCORE_INDICATORS.map((k) => (
            <li key={k} className="flex items-center justify-between gap-2">
              <span className="flex items-center gap-1">
                <span aria-hidden="true" className="h-3.5 w-3.5" />
                <span className="text-slate-700">{t(`score.indicators.${k}`)}</span>
              </span>
              <Skeleton className="h-4 w-10" />
            </li>
          ))}
        </ul>
        <Link href={dashboardLinks.score(fy ?? undefined)} className="mt-3 inline-block text-sm text-brand-700 underline">
          {t("score.explain")}
        </Link>
      </div>
      <div className={`${CARD} lg:col-span-2`}>
        <h3 className="mb-2 text-sm font-medium text-slate-700">{t("score.trend")}</h3>
        <Skeleton className="h-60 w-full" />
        <div aria-hidden="true" className="mt-2 h-5" />
      </div>
    </div>
  );
}

function ScoreBody({ data, locale }: { data: ComplianceScoreDto; locale: string }) {
  const t = useTranslations("dashboard");
  const cur = data.current;
  const tone = bandTone(cur?.band ?? null);
  return (
    <div className="grid gap-3 lg:grid-cols-3">
      <div data-testid="score-now" className={`${CARD} border-l-4 ${TONE_STYLES[tone].border}`}>
        <div className="flex items-start justify-between gap-2">
          <h3 className="text-sm font-medium text-slate-700">{t("score.title")}</h3>
          {cur?.band ? <ToneBadge tone={tone} label={t(`score.band.${cur.band}`)} /> : null}
        </div>
        {cur?.score !== null && cur ? (
          <p className="mt-1">
            <Link href={dashboardLinks.score(data.fiscalYear)} className="text-5xl font-bold tabular-nums text-slate-900 underline decoration-slate-300 decoration-2 underline-offset-4">
              {cur.score}
            </Link>{" "}
            <span className="text-sm text-slate-600">{t("score.outOf")}</span>
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{t("score.noScore")}</p>
        )}
        <ul className="mt-3 space-y-1 text-sm">
          {SCORE_INDICATORS.map((k) => {
            const v = cur?.indicators[k] ?? null;
            const itone = v === null ? "info" : rateTone(v);
            return (
              <li key={k} className="flex items-center justify-between gap-2">
                <span className={`flex items-center gap-1 ${TONE_STYLES[itone].text}`}>
                  <ToneIcon tone={itone} className="h-3.5 w-3.5" />
                  <span className="text-slate-700">{t(`score.indicators.${k}`)}</span>
                </span>
                <span className="tabular-nums font-medium">{formatPercent(v, locale)}</span>
              </li>
            );
          })}
        </ul>
        <Link href={dashboardLinks.score(data.fiscalYear)} className="mt-3 inline-block text-sm text-brand-700 underline">
          {t("score.explain")}
        </Link>
      </div>
      <div className={`${CARD} lg:col-span-2`}>
        <h3 className="mb-2 text-sm font-medium text-slate-700">{t("score.trend")}</h3>
        <LazyLineChart {...scoreTrendChart(data, t, locale)} />
      </div>
    </div>
  );
}
