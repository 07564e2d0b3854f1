"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { BarDatum } from "@/components/charts/bar-chart";
import { LazyBarChart, LazyLineChart } from "@/components/charts/lazy-charts";
import { EmptyState, Skeleton } from "@/components/ui/card";
import { formatCount, formatPercent, monthLabel } from "./format";
import { dashboardKeys, fetchScore } from "./keys";

/**
 * The dashboard's charts: the only parts of its sections that run in the browser (the cards are
 * rendered on the server). A click on a bar opens the list behind it.
 */

export function DepartmentRatesChart({ data, fyLabel }: { data: BarDatum[]; fyLabel: string }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const router = useRouter();
  const pct = (v: number) => formatPercent(v, locale);
  return (
    <LazyBarChart
      direction="row"
      data={data}
      ariaLabel={`${t("training.byDepartment")} ${fyLabel}`}
      formatValue={pct}
      formatTick={pct}
      maxValue={1}
      onSelect={(d) => d.href && router.push(d.href)}
      table={{ toggle: t("charts.showTable"), caption: t("training.byDepartment"), labelHeader: t("charts.department"), valueHeader: t("charts.rate") }}
    />
  );
}

export function IncidentsPerMonthChart({ data, fyLabel }: { data: BarDatum[]; fyLabel: string }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const router = useRouter();
  return (
    <LazyBarChart
      data={data}
      ariaLabel={`${t("incidents.perMonth")} ${fyLabel}`}
      formatValue={(v) => formatCount(v, locale)}
      onSelect={(d) => d.href && router.push(d.href)}
      height={220}
      table={{ toggle: t("charts.showTable"), caption: t("incidents.perMonth"), labelHeader: t("charts.month"), valueHeader: t("charts.count") }}
    />
  );
}

/** The training indicator of the score, month by month (one request with the score panel). */
export function TrainingTrendChart({ fy, fyLabel }: { fy: number | null; fyLabel: string }) {
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  const locale = useLocale();
  const score = useQuery({ queryKey: dashboardKeys.score(fy), queryFn: () => fetchScore(fy) });
  const table = { toggle: t("charts.showTable"), caption: t("training.trend"), labelHeader: t("charts.month"), valueHeader: t("charts.rate") };
  const ariaLabel = `${t("training.trend")} ${fyLabel}`;
  if (!score.data) {
    // As tall as the chart and its table toggle, so that nothing moves when the months arrive.
    return (
      <div role="status">
        <span className="sr-only">{tc("loading")}</span>
        <Skeleton className="h-60 w-full" />
        <div aria-hidden="true" className="mt-2 h-5" />
      </div>
    );
  }
  const trend = score.data.months
    .filter((m) => m.details.training.required > 0)
    .map((m) => ({ key: m.month, label: monthLabel(m.month, locale), value: Math.round((m.details.training.compliant / m.details.training.required) * 1000) / 10 }));
  if (!trend.length) return <EmptyState>{t("training.noRequired")}</EmptyState>;
  return <LazyLineChart data={trend} ariaLabel={ariaLabel} formatValue={(v) => `${v}%`} domain={[0, 100]} table={table} />;
}
