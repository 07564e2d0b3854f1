"use client";

import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { TRAINING_STATUSES, type TrainingStatus } from "@/lib/training/status";
import { Alert, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { ButtonLink } from "@/components/ui/button";
import { statusKeys, summaryFilterFrom, summarySearch, type SummaryFilter, type TrainingStatusSummary } from "./filters";
import { STATUS_COLOR, formatCount, formatRate, monthLabel, uiLocale } from "./format";
import { FiscalYearSelect } from "./fiscal-year-select";
import { KpiCards } from "./kpi-cards";
import { CourseTable } from "./course-table";
import { recordsHref, statusListHref } from "./links";

// Recharts draws in the browser only; a skeleton holds the place meanwhile.
const chartSkeleton = () => <Skeleton className="h-56 w-full" />;
const BarChart = dynamic(() => import("@/components/charts/bar-chart").then((m) => m.BarChart), { ssr: false, loading: chartSkeleton });
const DonutChart = dynamic(() => import("@/components/charts/donut-chart").then((m) => m.DonutChart), { ssr: false, loading: chartSkeleton });

const COUNT_KEY = { compliant: "compliant", due_soon: "dueSoon", overdue: "overdue", exempt: "exempt" } as const;

export function fetchSummary(f: SummaryFilter) {
  return apiFetch<TrainingStatusSummary>(`/api/v1/training-status/summary${summarySearch(f)}`);
}

/** The training overview: KPIs, three charts and the per-course table, for one fiscal year. */
export function TrainingOverview() {
  const t = useTranslations("trainingStatus");
  const ts = useTranslations("statuses");
  const tc = useTranslations("common");
  const locale = uiLocale(useLocale());
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = summaryFilterFrom(searchParams);

  const q = useQuery({ queryKey: statusKeys.summary(filter), queryFn: () => fetchSummary(filter), placeholderData: keepPreviousData });
  const data = q.data;

  const setFiscalYear = (fy: number) => router.replace(`${pathname}${summarySearch({ ...filter, fiscalYear: fy })}`, { scroll: false });

  if (!data) {
    return (
      <div className="space-y-4">
        <PageHeader title={t("title")} />
        {q.isError ? (
          <LoadError onRetry={() => q.refetch()} />
        ) : (
          <div role="status" className="space-y-4">
            <span className="sr-only">{tc("loading")}</span>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
              {Array.from({ length: 5 }, (_, i) => (
                <Skeleton key={i} className="h-28 w-full" />
              ))}
            </div>
            <Skeleton className="h-72 w-full" />
          </div>
        )}
      </div>
    );
  }

  const scope = { ...filter, fiscalYear: data.fiscalYear };
  const fyLabel = fiscalYearLabel(data.fiscalYear, locale);
  const description = t(data.isCurrentFiscalYear ? "description" : data.asOf === `${data.byMonth[0]?.from}` ? "descriptionFuture" : "descriptionPast", {
    fiscalYear: fyLabel,
    date: formatDate(data.asOf),
  });
  // Opened filtered (a link from elsewhere): say so, with the names the data carries.
  const scopeLabel = [
    ...(filter.department.length ? data.byDepartment.map((d) => d.department.name) : []),
    ...(filter.course.length ? data.byCourse.map((c) => c.course.title) : []),
  ].join(locale === "ja" ? "、" : ", ");
  const filtered = filter.department.length > 0 || filter.course.length > 0;
  const pct = (v: number) => formatRate(v, locale);
  const count = (v: number) => formatCount(v, locale);

  const deptData = data.byDepartment.map((d) => ({
    key: String(d.department.id),
    label: d.department.name,
    value: d.rate ?? 0,
    href: statusListHref({ ...scope, department: [d.department.id] }),
  }));
  const monthData = data.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), value: m.completions, href: recordsHref(m.from, m.to, scope) }));
  const monthTotal = data.byMonth.reduce((n, m) => n + m.completions, 0);
  const statusData = TRAINING_STATUSES.map((s) => ({
    key: s,
    label: ts(s),
    value: data.overall[COUNT_KEY[s]],
    color: STATUS_COLOR[s],
    href: statusListHref(scope, { status: [s] }),
  }));
  const go = (d: { href?: string }) => {
    if (d.href) router.push(d.href);
  };
  const hrefForStatus = (s: TrainingStatus) => statusListHref(scope, { status: [s] });

  return (
    <div className="space-y-5" aria-busy={q.isFetching || undefined}>
      <PageHeader
        title={t("title")}
        description={description}
        actions={
          <>
            <FiscalYearSelect value={data.fiscalYear} years={data.fiscalYears} onChange={setFiscalYear} />
            <ButtonLink href={statusListHref(scope)} variant="primary">
              {t("viewList")}
            </ButtonLink>
          </>
        }
      />
      {filtered ? (
        <Alert>
          {t("filteredBy", { filters: scopeLabel || "—" })}{" "}
          <ButtonLink href={`${pathname}${summarySearch({ fiscalYear: filter.fiscalYear })}`} variant="ghost">
            {t("clearFilter")}
          </ButtonLink>
        </Alert>
      ) : null}
      {q.isError ? <Alert tone="error">{tc("error")}</Alert> : null}

      <KpiCards counts={data.overall} hrefFor={hrefForStatus} listHref={statusListHref(scope)} />

      <div className="grid gap-4 lg:grid-cols-5">
        <Card title={t("charts.byDepartment")} className="lg:col-span-3">
          <p className="mb-2 text-xs text-slate-600">{t("charts.byDepartmentHint")}</p>
          {deptData.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-600">{t("charts.noData")}</p>
          ) : (
            <BarChart
              data={deptData}
              direction="row"
              maxValue={1}
              formatValue={pct}
              formatTick={(v) => `${Math.round(v * 100)}%`}
              color="var(--chart-1)"
              onSelect={go}
              ariaLabel={t("charts.byDepartmentAria", { summary: deptData.map((d) => `${d.label} ${pct(d.value)}`).join(locale === "ja" ? "、" : ", ") })}
              table={{ toggle: t("charts.showTable"), caption: t("charts.byDepartment"), labelHeader: t("charts.department"), valueHeader: t("charts.rate") }}
            />
          )}
        </Card>
        <Card title={t("charts.breakdown")} className="lg:col-span-2">
          <p className="mb-2 text-xs text-slate-600">{t("charts.breakdownHint")}</p>
          {data.overall.required + data.overall.exempt === 0 ? (
            <p className="py-8 text-center text-sm text-slate-600">{t("charts.noData")}</p>
          ) : (
            <DonutChart
              data={statusData}
              formatValue={(v) => t("count", { count: v })}
              center={{ value: pct(data.overall.rate ?? 0), caption: t("charts.rateCenter") }}
              onSelect={go}
              legendLabel={t("charts.breakdown")}
              ariaLabel={t("charts.breakdownAria", { summary: statusData.map((d) => `${d.label} ${count(d.value)}`).join(locale === "ja" ? "、" : ", ") })}
            />
          )}
        </Card>
      </div>

      <Card title={t("charts.byMonth")}>
        <p className="mb-2 text-xs text-slate-600">{t("charts.byMonthHint")}</p>
        <BarChart
          data={monthData}
          direction="column"
          formatValue={count}
          color="var(--chart-2)"
          onSelect={go}
          ariaLabel={t("charts.byMonthAria", {
            fiscalYear: fyLabel,
            total: count(monthTotal),
            summary: monthData.map((m) => `${m.label} ${count(m.value)}`).join(locale === "ja" ? "、" : ", "),
          })}
          table={{ toggle: t("charts.showTable"), caption: t("charts.byMonth"), labelHeader: t("charts.month"), valueHeader: t("charts.completions") }}
        />
      </Card>

      <Card title={t("byCourse.title")}>
        <CourseTable rows={data.byCourse} hrefFor={(courseId, status) => statusListHref({ ...scope, course: [courseId] }, status ? { status: [status] } : {})} />
      </Card>
    </div>
  );
}
