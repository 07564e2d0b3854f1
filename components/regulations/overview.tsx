"use client";

import dynamic from "next/dynamic";
import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Card, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import type { DueState } from "@/lib/regulations/due";
import { summaryQuery, type RegulationSummary } from "@/lib/regulations/schema";
import { monthLabel, uiLocale } from "@/components/training/status/format";
import { regulationKeys } from "./labels";

const chartSkeleton = () => <Skeleton className="h-56 w-full" />;
const BarChart = dynamic(() => import("@/components/charts/bar-chart").then((m) => m.BarChart), { ssr: false, loading: chartSkeleton });

const KPIS: { key: "overdue" | "dueSoon" | "onTime"; state: DueState; className: string }[] = [
  { key: "overdue", state: "overdue", className: "border-red-300 bg-red-50 text-red-800" },
  { key: "dueSoon", state: "due_soon", className: "border-amber-300 bg-amber-50 text-amber-900" },
  { key: "onTime", state: "on_time", className: "border-emerald-300 bg-emerald-50 text-emerald-900" },
];

/** Overdue / due-soon / on-time counts (each opens the filtered list) and reviews due per month of the FY. */
export function RegulationOverview({ hrefFor }: { hrefFor: (s: DueState) => string }) {
  const t = useTranslations("regulations");
  const locale = uiLocale(useLocale());
  const [fy, setFy] = useState<number | undefined>(undefined);
  const q = useQuery({
    queryKey: regulationKeys.summary(fy),
    queryFn: () => apiFetch<RegulationSummary>(`/api/v1/regulations/summary${listSearch(summaryQuery, { fy })}`),
  });

  if (q.isError && !q.data)
    return <LoadError onRetry={q.refetch} />;
  const data = q.data;
  const fyLabel = data ? fiscalYearLabel(data.fiscalYear, locale) : "";
  const chartData = (data?.months ?? []).map((m) => ({
    key: m.month,
    label: monthLabel(m.month, locale),
    value: m.total,
  }));
  const reviewedTotal = (data?.reviewed ?? []).reduce((s, r) => s + r.count, 0);

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-label={t("kpi.overdue")} className="grid grid-cols-2 gap-3 lg:col-span-1 lg:grid-cols-1">
        {KPIS.map((k) => (
          <Link key={k.key} href={hrefFor(k.state)} className={`rounded-lg border p-3 shadow-sm hover:ring-2 hover:ring-brand-600/40 ${k.className}`}>
            <p className="text-sm font-medium">{t(`kpi.${k.key}`)}</p>
            <div className="mt-1 text-3xl font-bold tabular-nums">{data ? t("kpi.count", { count: data.counts[k.key] }) : <Skeleton className="h-8 w-12" />}</div>
          </Link>
        ))}
        <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <p className="text-sm font-medium text-slate-700">{t("kpi.pendingApproval")}</p>
          <div className="mt-1 text-3xl font-bold tabular-nums text-slate-900">{data ? t("kpi.count", { count: data.counts.pendingApproval }) : <Skeleton className="h-8 w-12" />}</div>
        </div>
      </section>
      <Card
        className="lg:col-span-2"
        title={data ? t("timeline.title", { fy: fyLabel }) : <Skeleton className="h-5 w-48" />}
        action={
          data ? (
            <div className="flex gap-1">
              <Button variant="ghost" className="whitespace-nowrap" onClick={() => setFy(data.fiscalYear - 1)} aria-label={fiscalYearLabel(data.fiscalYear - 1, locale)}>
                ◀ {fiscalYearLabel(data.fiscalYear - 1, locale)}
              </Button>
              <Button variant="ghost" className="whitespace-nowrap" onClick={() => setFy(data.fiscalYear + 1)} aria-label={fiscalYearLabel(data.fiscalYear + 1, locale)}>
                {fiscalYearLabel(data.fiscalYear + 1, locale)} ▶
              </Button>
            </div>
          ) : null
        }
      >
        <p className="mb-2 text-xs text-slate-600">{t("timeline.description")}</p>
        {!data ? (
          chartSkeleton()
        ) : chartData.every((d) => d.value === 0) ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("timeline.empty")}</p>
        ) : (
          <BarChart
            data={chartData}
            formatValue={(v) => t("timeline.value", { count: v })}
            formatTick={(v) => String(v)}
            color="var(--chart-1)"
            ariaLabel={`${t("timeline.ariaLabel", { fy: fyLabel })}: ${chartData.map((d) => `${d.label} ${d.value}`).join(locale === "ja" ? "、" : ", ")}`}
            table={{ toggle: t("timeline.toggle"), caption: t("timeline.caption", { fy: fyLabel }), labelHeader: t("timeline.month"), valueHeader: t("timeline.count") }}
          />
        )}
        {data ? <p className="mt-2 text-xs text-slate-600">{t("timeline.reviewed", { count: reviewedTotal })}</p> : null}
      </Card>
    </div>
  );
}
