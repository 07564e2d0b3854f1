"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ChartLegend } from "@/components/charts/chart-text";
import { Bar, BarChart as RBarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { useReducedMotion } from "@/components/charts/use-reduced-motion";
import { Alert, Card, Skeleton } from "@/components/ui/card";
import { apiFetch } from "@/lib/client/api";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { INCIDENT_CATEGORIES, type IncidentStats } from "@/lib/incidents/schema";
import { incidentKeys } from "./common";

const CATEGORY_COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)", "var(--chart-6)", "#64748b"];
const SEVERITY_COLORS: Record<string, string> = { low: "#64748b", medium: "var(--chart-1)", high: "var(--chart-6)", critical: "var(--chart-5)" };

/** Incidents per month (stacked by category), open incidents by severity, days to containment. */
export function IncidentCharts() {
  const t = useTranslations("incidents");
  const tc = useTranslations("common");
  const locale = useLocale() as "ja" | "en";
  const router = useRouter();
  const reduced = useReducedMotion();
  const stats = useQuery({ queryKey: incidentKeys.stats(undefined), queryFn: () => apiFetch<IncidentStats>("/api/v1/incidents/stats") });
  if (stats.isPending)
    return (
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-64 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  if (stats.isError) return <Alert tone="error">{tc("error")}</Alert>;
  const s = stats.data;
  const monthLabel = (m: string) => (locale === "ja" ? `${Number(m.slice(5))}月` : m.slice(0, 7));
  const monthData = s.months.map((m) => ({ month: monthLabel(m.month), ...m.counts }));
  const fy = fiscalYearLabel(s.fiscalYear, locale);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={t("charts.perMonth")} className="lg:col-span-2">
        <p className="mb-2 text-xs text-slate-600">{t("charts.perMonthDescription", { fy })}</p>
        <div role="img" aria-label={`${t("charts.perMonth")} ${fy}`} style={{ height: 280 }}>
          <RBarChart data={monthData} margin={{ top: 8, right: 8, bottom: 8, left: -8 }} style={{ width: "100%", height: "100%" }} responsive accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#334155" }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={32} />
            <Tooltip />
            <Legend content={ChartLegend} />
            {INCIDENT_CATEGORIES.map((c, i) => (
              <Bar key={c} dataKey={c} name={t(`categories.${c}`)} stackId="a" fill={CATEGORY_COLORS[i]} isAnimationActive={!reduced} />
            ))}
          </RBarChart>
        </div>
        <ChartDataTable
          toggle={t("charts.showTable")}
          caption={t("charts.perMonth")}
          labelHeader={t("charts.month")}
          valueHeader={t("charts.count")}
          rows={s.months.map((m) => ({
            key: m.month,
            label: monthLabel(m.month),
            value: `${m.total}${m.total ? tc("inParens", { text: INCIDENT_CATEGORIES.filter((c) => m.counts[c]).map((c) => `${t(`categories.${c}`)} ${m.counts[c]}`).join(t("listSeparator")) }) : ""}`,
          }))}
        />
      </Card>
      <Card title={t("charts.bySeverity")}>
        <BarChart
          data={s.openBySeverity.map((x) => ({ key: x.severity, label: t(`severities.${x.severity}`), value: x.count, href: `/incidents?status=open&severity=${x.severity}` }))}
          ariaLabel={t("charts.bySeverity")}
          direction="row"
          formatValue={(v) => String(v)}
          color={SEVERITY_COLORS.high}
          onSelect={(d) => d.href && router.push(d.href)}
          table={{ toggle: t("charts.showTable"), caption: t("charts.bySeverity"), labelHeader: t("list.severity"), valueHeader: t("charts.count") }}
        />
      </Card>
      <Card title={t("charts.containment")}>
        {s.containmentDays.length === 0 ? (
          <p className="text-sm text-slate-600">{t("charts.noData")}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700">{t("charts.containmentAverage", { days: s.averageContainmentDays ?? 0 })}</p>
            <BarChart
              data={s.containmentDays.map((x) => ({ key: String(x.id), label: x.reference, value: x.days, href: `/incidents/${x.id}` }))}
              ariaLabel={t("charts.containment")}
              direction="row"
              formatValue={(v) => `${v}`}
              color="var(--chart-2)"
              onSelect={(d) => d.href && router.push(d.href)}
              table={{ toggle: t("charts.showTable"), caption: t("charts.containment"), labelHeader: t("list.columns.reference"), valueHeader: t("charts.days") }}
            />
          </>
        )}
      </Card>
    </div>
  );
}
