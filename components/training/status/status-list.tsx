"use client";

import Link from "@/components/ui/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { TRAINING_STATUSES, type TrainingStatus } from "@/lib/training/status";
import { hasActiveFilters } from "@/lib/list/params";
import { EMPLOYMENT_TYPE_VALUES, STATUS_SORTS, exportTrainingStatusQuery, listTrainingStatusQuery } from "@/lib/training/status-query";
import { Alert, PageHeader } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { ButtonLink } from "@/components/ui/button";
import type { Column } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { ExportControl, FilterBar, ListTable } from "@/components/ui/list";
import { statusKeys, statusListFilterFrom, statusListSearch, summarySearch, type StatusListFilter, type StatusListPage, type StatusRow } from "./filters";
import { STATUS_COLOR, uiLocale } from "./format";
import { StatusBadge } from "./status-badge";
import { DueText } from "./due-text";

export type StatusListOptions = {
  departments: { id: number; code: string; name: string }[];
  courses: { id: number; code: string; title: string }[];
  fiscalYears: number[];
  currentFiscalYear: number;
};

export function fetchStatusList(f: StatusListFilter) {
  return apiFetch<StatusListPage>(`/api/v1/training-status${statusListSearch(f)}`);
}

const MULTI = "__multi";

/** The status list: filters in the URL, server-side sort and paging, CSV of the current filter. */
export function StatusList({ options }: { options: StatusListOptions }) {
  const t = useTranslations("trainingStatus");
  const ts = useTranslations("statuses");
  const locale = uiLocale(useLocale());
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = statusListFilterFrom(searchParams);

  const list = useQuery({ queryKey: statusKeys.list(filter), queryFn: () => fetchStatusList(filter), placeholderData: keepPreviousData });

  function setFilter(next: Partial<StatusListFilter>) {
    const f = { ...filter, page: 1, ...next };
    router.replace(`${pathname}${statusListSearch(f)}`, { scroll: false });
  }
  const fy = list.data?.fiscalYear ?? filter.fiscalYear ?? options.currentFiscalYear;
  const hasFilters = hasActiveFilters(listTrainingStatusQuery, { ...filter, fiscalYear: filter.fiscalYear ?? undefined });

  function toggleStatus(s: TrainingStatus) {
    const set = new Set(filter.status);
    if (set.has(s)) set.delete(s);
    else set.add(s);
    setFilter({ status: TRAINING_STATUSES.filter((x) => set.has(x)) });
  }
  /** One value in the select; several from a link show as "several" until changed. */
  const selectValue = (values: (string | number)[]) => (values.length === 0 ? "" : values.length === 1 ? String(values[0]) : MULTI);
  const fromSelect = (v: string) => (v === "" ? [] : [v]);

  const columns: Column<StatusRow>[] = [
    { key: "number", header: t("columns.employeeNumber"), sort: "employeeNumber", cell: (r) => <span className="tabular-nums">{r.employee.number}</span> },
    {
      key: "name",
      header: t("columns.name"),
      sort: "name",
      cell: (r) => <span className="whitespace-nowrap font-medium">{r.employee.name}</span>,
    },
    { key: "department", header: t("columns.department"), sort: "department", cell: (r) => <span className="whitespace-nowrap">{r.employee.department.name}</span> },
    {
      key: "course",
      header: t("columns.course"),
      sort: "course",
      className: "min-w-[11rem]",
      cell: (r) => (
        <span>
          {r.course.title}
          <span className="block text-xs text-slate-500">{r.course.code}</span>
        </span>
      ),
    },
    {
      key: "status",
      header: t("columns.status"),
      sort: "status",
      cell: (r) => (
        <>
          <StatusBadge status={r.status} />
          {r.exemptionReason ? <span className="mt-0.5 block text-xs text-slate-600">{r.exemptionReason}</span> : null}
        </>
      ),
    },
    { key: "last", header: t("columns.lastCompletedOn"), cell: (r) => <span className="tabular-nums">{formatDate(r.lastCompletedOn) || "—"}</span> },
    { key: "due", header: t("columns.dueOn"), sort: "dueOn", cell: (r) => <DueText row={r} /> },
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("listTitle")}
        description={list.data ? t("listDescription", { fiscalYear: fiscalYearLabel(list.data.fiscalYear, locale), date: formatDate(list.data.asOf) }) : undefined}
        actions={<ButtonLink href={`/training${summarySearch({ fiscalYear: filter.fiscalYear })}`}>{t("backToOverview")}</ButtonLink>}
      />

      <FilterBar
        label={t("filters.label")}
        search={{ label: t("filters.search"), placeholder: t("filters.searchPlaceholder"), value: filter.q, onSearch: (q) => setFilter({ q: q ?? "" }) }}
        filtered={hasFilters}
        onClear={() => router.replace(pathname, { scroll: false })}
        clearLabel={t("filters.clear")}
        total={list.data?.total}
        actions={
          <span title={t("exportHint")}>
            <ExportControl path="/api/v1/training-status/export.csv" schema={exportTrainingStatusQuery} values={{ ...filter, fiscalYear: fy }} />
          </span>
        }
      >
        <SelectField label={t("filters.fiscalYear")} value={fy} onChange={(e) => setFilter({ fiscalYear: Number(e.target.value) })}>
          {(options.fiscalYears.includes(fy) ? options.fiscalYears : [fy, ...options.fiscalYears].sort((a, b) => b - a)).map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("filters.employmentType")}
          value={selectValue(filter.employmentType)}
          onChange={(e) => e.target.value !== MULTI && setFilter({ employmentType: EMPLOYMENT_TYPE_VALUES.filter((v) => v === e.target.value) })}
        >
          <option value="">{t("filters.all")}</option>
          {filter.employmentType.length > 1 ? <option value={MULTI}>{t("filters.multiple", { count: filter.employmentType.length })}</option> : null}
          {EMPLOYMENT_TYPE_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`employmentTypes.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("filters.department")}
          value={selectValue(filter.department)}
          onChange={(e) => e.target.value !== MULTI && setFilter({ department: fromSelect(e.target.value).map(Number) })}
        >
          <option value="">{t("filters.all")}</option>
          {filter.department.length > 1 ? <option value={MULTI}>{t("filters.multiple", { count: filter.department.length })}</option> : null}
          {options.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("filters.course")}
          value={selectValue(filter.course)}
          onChange={(e) => e.target.value !== MULTI && setFilter({ course: fromSelect(e.target.value).map(Number) })}
        >
          <option value="">{t("filters.all")}</option>
          {filter.course.length > 1 ? <option value={MULTI}>{t("filters.multiple", { count: filter.course.length })}</option> : null}
          {options.courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("filters.status")}</legend>
          <div className="flex flex-wrap gap-2">
            {TRAINING_STATUSES.map((s) => {
              const on = filter.status.includes(s);
              return (
                <button
                  key={s}
                  type="button"
                  aria-pressed={on}
                  onClick={() => toggleStatus(s)}
                  className={`inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3 py-1 text-sm ${
                    on ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
                  }`}
                >
                  <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: STATUS_COLOR[s] }} />
                  {ts(s)}
                  {on ? <span aria-hidden="true">✓</span> : null}
                </button>
              );
            })}
          </div>
        </fieldset>
      </FilterBar>

      {list.isError ? (
        list.error instanceof Error && "status" in list.error && (list.error as { status: number }).status === 400 ? (
          <Alert tone="error">
            {list.error.message}{" "}
            <Link href={pathname} className="underline">
              {t("filters.clear")}
            </Link>
          </Alert>
        ) : (
          <LoadError onRetry={() => list.refetch()} />
        )
      ) : (
        <ListTable
          caption={t("list.caption")}
          columns={columns}
          rowKey={(r) => `${r.employee.id}:${r.course.id}`}
          query={list}
          empty={t("list.empty")}
          params={{
            // "priority" is the list's own order (overdue first), not a column: no column shows as sorted.
            sortProps: {
              sort: filter.sort === "priority" ? undefined : { sort: filter.sort, dir: filter.dir },
              onSort: (s) => setFilter({ sort: STATUS_SORTS.find((x) => x === s.sort) ?? "priority", dir: s.dir }),
            },
            pageProps: (page) => ({ page: page.page, pageSize: page.pageSize, total: page.total, onPage: (p) => setFilter({ page: p }), onPageSize: (n) => setFilter({ pageSize: n }) }),
          }}
          cards={(r) => <StatusCard row={r} />}
        />
      )}
    </div>
  );
}

/** Phones: one card per row instead of a wide table (ListTable shows them below md). */
function StatusCard({ row: r }: { row: StatusRow }) {
  const t = useTranslations("trainingStatus");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusBadge status={r.status} />
        <span className="text-sm">
          <DueText row={r} />
        </span>
      </div>
      <p className="mt-1 font-medium">
        {r.employee.name} <span className="text-xs font-normal text-slate-600">{r.employee.number}</span>
      </p>
      <p className="text-sm text-slate-700">{r.employee.department.name}</p>
      <p className="text-sm text-slate-700">{r.course.title}</p>
      <p className="mt-1 text-xs text-slate-600">
        {t("list.lastCompleted", { date: formatDate(r.lastCompletedOn) || "—" })}
        {r.exemptionReason ? <span className="block">{t("list.reason", { reason: r.exemptionReason })}</span> : null}
      </p>
    </>
  );
}
