"use client";

import dynamic from "next/dynamic";
import Link from "@/components/ui/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect } from "@/components/ui/field";
import { FilterBar, ListTable, useListParams, type ListPatch } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { CONTRACTOR_FLAGS, CONTRACTOR_STATUSES } from "@/lib/contractors/rules";
import { exportContractorsQuery, listContractorsQuery, type ContractorDto, type ContractorStats } from "@/lib/contractors/schema";
import { ASSESSMENT_RESULTS } from "@/lib/contractors/scoring";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import type { Page } from "@/lib/list/page";
import { FlagList, RESULT_COLOR, ResultBadge, StatusBadge, contractorKeys } from "./shared";

const chartSkeleton = () => <Skeleton className="h-56 w-full" />;
const BarChart = dynamic(() => import("@/components/charts/bar-chart").then((m) => m.BarChart), { ssr: false, loading: chartSkeleton });
const DonutChart = dynamic(() => import("@/components/charts/donut-chart").then((m) => m.DonutChart), { ssr: false, loading: chartSkeleton });

const FLAG_FILTERS = ["any", ...CONTRACTOR_FLAGS] as const;
const RESULT_FILTERS = [...ASSESSMENT_RESULTS, "none"] as const;

/** The register: charts on top (each a way into the filtered list), filters in the URL, the table. */
export function ContractorList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("contractors");
  const ta = useTranslations("assessments");
  const tc = useTranslations("common");
  const listParams = useListParams(listContractorsQuery);
  const { values: filters, search: qs, update } = listParams;

  const list = useQuery({
    queryKey: contractorKeys.list(qs),
    queryFn: () => apiFetch<Page<ContractorDto>>(`/api/v1/contractors${qs}`),
    placeholderData: keepPreviousData,
  });

  const columns: Column<ContractorDto>[] = [
    {
      key: "name",
      header: t("fields.nameAndFlags"),
      sort: "name",
      cell: (c) => (
        <span className="block min-w-44">
          <Link href={`/contractors/${c.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {c.name}
          </Link>
          <span className="block font-mono text-xs text-slate-600">{c.corporateNumber ?? ""}</span>
          {c.flags.length ? (
            <span className="mt-1 block">
              <FlagList flags={c.flags} />
            </span>
          ) : null}
        </span>
      ),
    },
    { key: "status", header: t("fields.status"), sort: "status", className: "whitespace-nowrap", cell: (c) => <StatusBadge status={c.status} /> },
    { key: "services", header: t("fields.services"), className: "hidden 2xl:table-cell", cell: (c) => <span className="block min-w-32 text-slate-700">{c.services}</span> },
    {
      key: "latest",
      header: t("fields.latestResult"),
      sort: "latestTotal",
      className: "whitespace-nowrap",
      cell: (c) =>
        c.latest ? (
          <span className="flex flex-col items-start gap-0.5">
            <ResultBadge result={c.latest.result} />
            <span className="text-xs text-slate-600">
              {c.latest.totalPercent}% · {formatDate(c.latest.assessedOn)}
            </span>
          </span>
        ) : (
          <span className="text-slate-600">{t("filters.resultNone")}</span>
        ),
    },
    { key: "next", header: t("fields.nextDueOn"), sort: "nextDueOn", className: "whitespace-nowrap", cell: (c) => (c.latest ? formatDate(c.latest.nextDueOn) : t("none")) },
    { key: "start", header: t("fields.contractStart"), sort: "contractStart", className: "whitespace-nowrap", cell: (c) => (c.contractStart ? formatDate(c.contractStart) : t("none")) },
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("registerTitle")}
        description={t("registerDescription")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/contractors/templates">{t("templates")}</ButtonLink>
            {canEdit ? <ButtonLink href="/contractors/import">{t("import.title")}</ButtonLink> : null}
            {canEdit ? (
              <ButtonLink href="/contractors/new" variant="primary">
                {t("new")}
              </ButtonLink>
            ) : null}
          </div>
        }
      />

      <ContractorCharts onFilter={update} />

      <FilterBar
        label={tc("filter")}
        search={{ label: tc("search"), placeholder: t("searchPlaceholder") }}
        params={listParams}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/contractors/export.csv", schema: exportContractorsQuery }}
      >
        <EnumSelect
          label={t("filters.status")}
          values={CONTRACTOR_STATUSES}
          value={filters.status}
          empty={tc("all")}
          optionLabel={(s) => t(`status.${s}`)}
          onValueChange={(status) => update({ status })}
        />
        <EnumSelect
          label={t("filters.flag")}
          values={FLAG_FILTERS}
          value={filters.flag}
          empty={tc("all")}
          optionLabel={(f) => t(`flags.${f}`)}
          onValueChange={(flag) => update({ flag })}
        />
        <EnumSelect
          label={t("filters.result")}
          values={RESULT_FILTERS}
          value={filters.result}
          empty={tc("all")}
          optionLabel={(r) => (r === "none" ? t("filters.resultNone") : ta(`result.${r}`))}
          onValueChange={(result) => update({ result })}
        />
        {filters.dueMonth ? (
          <p className="text-sm sm:col-span-2 lg:col-span-4">
            {t("filters.dueMonth")}: <strong>{filters.dueMonth.replace("-", "/")}</strong>{" "}
            <button type="button" className="ml-2 text-brand-700 underline" onClick={() => update({ dueMonth: undefined })}>
              {t("filters.clearDueMonth")}
            </button>
          </p>
        ) : null}
      </FilterBar>

      <ListTable caption={t("registerTitle")} columns={columns} rowKey={(c) => c.id} query={list} params={listParams} empty={listParams.filtered ? t("list.empty") : t("list.emptyAll")} />
    </div>
  );
}

/** Results distribution and assessments due per month of the fiscal year; a click filters the list. */
function ContractorCharts({ onFilter }: { onFilter: (patch: ListPatch<typeof listContractorsQuery>) => void }) {
  const t = useTranslations("contractors");
  const ta = useTranslations("assessments");
  const locale = useLocale() === "en" ? "en" : "ja";
  const stats = useQuery({ queryKey: contractorKeys.stats(undefined), queryFn: () => apiFetch<ContractorStats>("/api/v1/contractors/stats") });
  if (stats.isError) return <LoadError onRetry={() => stats.refetch()}>{t("charts.error")}</LoadError>;
  const data = stats.data;
  const results = (["approved", "conditional", "rejected", "none"] as const).map((k) => ({
    key: k,
    label: k === "none" ? t("filters.resultNone") : ta(`result.${k}`),
    value: data?.results[k] ?? 0,
    color: RESULT_COLOR[k],
    href: `/contractors?result=${k}`,
  }));
  const flagged = data?.flagged ?? 0;
  const months = (data?.dueByMonth ?? []).map((m) => ({ key: m.month, label: locale === "ja" ? `${Number(m.month.slice(5))}月` : new Date(`${m.month}-01T00:00:00Z`).toLocaleString("en", { month: "short", timeZone: "UTC" }), value: m.count, href: `/contractors?dueMonth=${m.month}` }));
  const fy = data ? fiscalYearLabel(data.fiscalYear, locale) : "";
  return (
    <div className="grid gap-4 lg:grid-cols-5">
      <Card title={t("charts.results")} className="lg:col-span-2">
        {!data ? (
          <Skeleton className="h-56 w-full" />
        ) : (
          <>
            <DonutChart
              data={results}
              formatValue={(v) => t("charts.companies", { count: v })}
              onSelect={(d) => onFilter({ result: d.key })}
              legendLabel={t("charts.results")}
              ariaLabel={`${t("charts.resultsAria")}: ${results.map((r) => `${r.label} ${r.value}`).join(locale === "ja" ? "、" : ", ")}`}
            />
            {flagged > 0 ? (
              <p className="mt-3 text-sm">
                <Link href="/contractors?flag=any" className="font-medium text-red-800 underline">
                  <span aria-hidden="true">⚠ </span>
                  {t("list.flagCount", { count: flagged })}
                </Link>
              </p>
            ) : null}
          </>
        )}
      </Card>
      <Card title={t("charts.due", { fy })} className="lg:col-span-3">
        {!data ? (
          <Skeleton className="h-56 w-full" />
        ) : (
          <BarChart
            data={months}
            formatValue={(v) => String(v)}
            color="var(--chart-1)"
            onSelect={(d) => onFilter({ dueMonth: d.key })}
            ariaLabel={`${t("charts.dueAria")} (${fy}): ${months.map((m) => `${m.label} ${m.value}`).join(locale === "ja" ? "、" : ", ")}`}
            table={{ toggle: t("charts.showTable"), caption: t("charts.due", { fy }), labelHeader: t("charts.month"), valueHeader: t("charts.count") }}
          />
        )}
      </Card>
    </div>
  );
}
