"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SEVERITIES,
  incidentsQueryString,
  parseIncidentsSearchParams,
  type IncidentDto,
  type ListIncidentsQuery,
} from "@/lib/incidents/schema";
import { INCIDENT_STATUSES } from "@/lib/incidents/workflow";
import { SeverityBadge, StatusBadge, incidentKeys, useDaysText, type IncidentPage } from "./common";

/** The incident list: filters in the URL, server-side sort and paging, late rows in red. */
export function IncidentList() {
  const t = useTranslations("incidents");
  const tl = useTranslations("incidents.list");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const filters = useMemo(() => parseIncidentsSearchParams(Object.fromEntries(sp.entries())), [sp]);
  const [search, setSearch] = useState(filters.q ?? "");
  const daysText = useDaysText();
  const qs = incidentsQueryString(filters);
  const list = useQuery({
    queryKey: incidentKeys.list(qs),
    queryFn: () => apiFetch<IncidentPage>(`/api/v1/incidents${qs}`),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<ListIncidentsQuery>) => router.replace(`${pathname}${incidentsQueryString({ ...filters, page: 1, ...patch })}`, { scroll: false });
  const any = !!(filters.q || filters.status || filters.category || filters.severity || filters.reportable || filters.overdue || filters.fy);

  const columns: Column<IncidentDto>[] = [
    { key: "reference", header: tl("columns.reference"), sort: "reference", className: "whitespace-nowrap", cell: (i) => <span className="font-mono text-xs">{i.reference}</span> },
    {
      key: "title",
      header: tl("columns.title"),
      cell: (i) => (
        <span className="block min-w-48">
          <Link href={`/incidents/${i.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {i.title}
          </Link>
          <span className="mt-1 flex flex-wrap gap-1">
            {i.reportable ? <Badge tone="blue">{tl("reportableBadge")}</Badge> : null}
            {i.overdue ? <Badge tone="red">{tl("lateBadge")}</Badge> : i.dueSoon ? <Badge tone="amber">{tl("dueSoonBadge")}</Badge> : null}
          </span>
        </span>
      ),
    },
    { key: "category", header: tl("columns.category"), className: "whitespace-nowrap", cell: (i) => t(`categories.${i.category}`) },
    { key: "severity", header: tl("columns.severity"), sort: "severity", cell: (i) => <SeverityBadge severity={i.severity} /> },
    { key: "status", header: tl("columns.status"), sort: "status", cell: (i) => <StatusBadge status={i.status} /> },
    { key: "discoveredAt", header: tl("columns.discoveredAt"), sort: "discoveredAt", className: "whitespace-nowrap", cell: (i) => formatDateTime(i.discoveredAt) },
    { key: "persons", header: tl("columns.personsAffected"), sort: "personsAffected", className: "text-right whitespace-nowrap", cell: (i) => i.personsAffected.toLocaleString() },
    {
      key: "nextDue",
      header: tl("columns.nextDue"),
      sort: "nextDue",
      className: "whitespace-nowrap",
      cell: (i) => {
        if (!i.nextDue) return <span className="text-slate-600">{tl("nothingDue")}</span>;
        const open = i.obligations.filter((o) => o.doneOn === null && o.dueOn === i.nextDue);
        const days = open[0]?.daysLeft ?? 0;
        return (
          <span className={i.overdue ? "font-semibold text-red-700" : i.dueSoon ? "font-medium text-amber-800" : ""}>
            {formatDate(i.nextDue)}
            <span className="block text-xs">{daysText(days)}</span>
          </span>
        );
      },
    },
  ];

  const opt = (value: string, label: string) => (
    <option key={value} value={value}>
      {label}
    </option>
  );

  return (
    <div className="space-y-4">
      <section aria-label={tl("heading")} className="rounded-lg border border-slate-200 bg-white p-4">
        <form
          role="search"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: search.trim() || undefined });
          }}
        >
          <div className="sm:col-span-2">
            <TextField label={tl("search")} type="search" value={search} placeholder={tl("searchPlaceholder")} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <SelectField label={tl("status")} value={filters.status ?? ""} onChange={(e) => update({ status: (e.target.value || undefined) as ListIncidentsQuery["status"] })}>
            {opt("", tl("all"))}
            {opt("open", t("statuses.open"))}
            {INCIDENT_STATUSES.map((s) => opt(s, t(`statuses.${s}`)))}
          </SelectField>
          <SelectField label={tl("category")} value={filters.category ?? ""} onChange={(e) => update({ category: (e.target.value || undefined) as ListIncidentsQuery["category"] })}>
            {opt("", tl("all"))}
            {INCIDENT_CATEGORIES.map((c) => opt(c, t(`categories.${c}`)))}
          </SelectField>
          <SelectField label={tl("severity")} value={filters.severity ?? ""} onChange={(e) => update({ severity: (e.target.value || undefined) as ListIncidentsQuery["severity"] })}>
            {opt("", tl("all"))}
            {INCIDENT_SEVERITIES.map((s) => opt(s, t(`severities.${s}`)))}
          </SelectField>
          <SelectField label={tl("reportable")} value={filters.reportable ?? ""} onChange={(e) => update({ reportable: (e.target.value || undefined) as ListIncidentsQuery["reportable"] })}>
            {opt("", tl("all"))}
            {opt("true", tl("yes"))}
            {opt("false", tl("no"))}
          </SelectField>
          <SelectField label={tl("overdue")} value={filters.overdue ?? ""} onChange={(e) => update({ overdue: (e.target.value || undefined) as ListIncidentsQuery["overdue"] })}>
            {opt("", tl("all"))}
            {opt("true", tl("overdueOnly"))}
            {opt("false", tl("notOverdue"))}
          </SelectField>
          <div className="flex flex-wrap items-end gap-2">
            <Button type="submit" variant="secondary">
              {tc("search")}
            </Button>
            {any ? (
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  setSearch("");
                  router.replace(pathname, { scroll: false });
                }}
              >
                {tl("clear")}
              </Button>
            ) : null}
            <a
              href={`/api/v1/incidents/export.csv${incidentsQueryString({ ...filters, page: 1, pageSize: 50 })}`}
              download
              className="inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              {tl("export")}
            </a>
          </div>
        </form>
      </section>

      {list.data && list.data.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{tl("empty")}</p>
      ) : (
        <DataTable
          caption={tl("caption")}
          columns={columns}
          rows={list.data?.items}
          rowKey={(i) => i.id}
          loading={list.isFetching}
          error={list.isError && !list.data ? list.error : undefined}
          onRetry={() => list.refetch()}
          sort={{ sort: filters.sort, dir: filters.dir }}
          onSort={(s) => update({ sort: s.sort as ListIncidentsQuery["sort"], dir: s.dir })}
        />
      )}
      {list.data && list.data.total > 0 ? (
        <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} onPageSize={(n) => update({ pageSize: n })} />
      ) : null}
    </div>
  );
}
