"use client";

import Link from "@/components/ui/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { EnumSelect } from "@/components/ui/field";
import type { Column } from "@/components/ui/data-table";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { FLAG_VALUES } from "@/lib/list/params";
import { formatDate, formatDateTime } from "@/lib/dates";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES, exportIncidentsQuery, listIncidentsQuery, type IncidentDto } from "@/lib/incidents/schema";
import { INCIDENT_STATUSES } from "@/lib/incidents/workflow";
import { SeverityBadge, StatusBadge, incidentKeys, useDaysText, type IncidentPage } from "./common";

const STATUS_FILTERS = ["open", ...INCIDENT_STATUSES] as const;
/** The incident list: filters in the URL, server-side sort and paging, late rows in red. */
export function IncidentList() {
  const t = useTranslations("incidents");
  const tl = useTranslations("incidents.list");
  const listParams = useListParams(listIncidentsQuery);
  const { values: filters, search: qs, update } = listParams;
  const daysText = useDaysText();
  const list = useQuery({
    queryKey: incidentKeys.list(qs),
    queryFn: () => apiFetch<IncidentPage>(`/api/v1/incidents${qs}`),
    placeholderData: keepPreviousData,
  });

  const title = (i: IncidentDto) => (
    <>
      <Link href={`/incidents/${i.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {i.title}
      </Link>
      <span className="mt-1 flex flex-wrap gap-1">
        {i.reportable ? <Badge tone="blue">{tl("reportableBadge")}</Badge> : null}
        {i.overdue ? <Badge tone="red">{tl("lateBadge")}</Badge> : i.dueSoon ? <Badge tone="amber">{tl("dueSoonBadge")}</Badge> : null}
      </span>
    </>
  );
  const nextDue = (i: IncidentDto) => {
    if (!i.nextDue) return <span className="text-slate-600">{tl("nothingDue")}</span>;
    const open = i.obligations.filter((o) => o.doneOn === null && o.dueOn === i.nextDue);
    const days = open[0]?.daysLeft ?? 0;
    return (
      <span className={i.overdue ? "font-semibold text-red-700" : i.dueSoon ? "font-medium text-amber-800" : ""}>
        {formatDate(i.nextDue)}
        <span className="block text-xs">{daysText(days)}</span>
      </span>
    );
  };
  // The reporting clock comes right after the status: on a laptop it is in view without scrolling;
  // what is further right scrolls inside the table's card.
  const columns: Column<IncidentDto>[] = [
    { key: "reference", header: tl("columns.reference"), sort: "reference", className: "whitespace-nowrap", cell: (i) => <span className="font-mono text-xs">{i.reference}</span> },
    { key: "title", header: tl("columns.title"), cell: (i) => <span className="block min-w-48">{title(i)}</span> },
    { key: "status", header: tl("columns.status"), sort: "status", cell: (i) => <StatusBadge status={i.status} /> },
    { key: "nextDue", header: tl("columns.nextDue"), sort: "nextDue", className: "whitespace-nowrap", cell: nextDue },
    { key: "severity", header: tl("columns.severity"), sort: "severity", cell: (i) => <SeverityBadge severity={i.severity} /> },
    { key: "discoveredAt", header: tl("columns.discoveredAt"), sort: "discoveredAt", className: "whitespace-nowrap", cell: (i) => formatDateTime(i.discoveredAt) },
    { key: "category", header: tl("columns.category"), className: "whitespace-nowrap", cell: (i) => t(`categories.${i.category}`) },
    { key: "persons", header: tl("columns.personsAffected"), sort: "personsAffected", className: "text-right whitespace-nowrap", cell: (i) => i.personsAffected.toLocaleString() },
  ];
  // On a phone one card per incident: the title, its status and clock first, the rest below.
  const card = (i: IncidentDto) => (
    <>
      <p className="font-mono text-xs text-slate-600">{i.reference}</p>
      <div className="mt-0.5">{title(i)}</div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{tl("columns.status")}</dt>
        <dd>
          <StatusBadge status={i.status} /> <SeverityBadge severity={i.severity} />
        </dd>
        <dt className="text-slate-600">{tl("columns.nextDue")}</dt>
        <dd>{nextDue(i)}</dd>
        <dt className="text-slate-600">{tl("columns.discoveredAt")}</dt>
        <dd>{formatDateTime(i.discoveredAt)}</dd>
        <dt className="text-slate-600">{tl("columns.category")}</dt>
        <dd>{t(`categories.${i.category}`)}</dd>
        <dt className="text-slate-600">{tl("columns.personsAffected")}</dt>
        <dd>{i.personsAffected.toLocaleString()}</dd>
      </dl>
    </>
  );

  return (
    <div className="space-y-4">
      <FilterBar
        label={tl("heading")}
        search={{ label: tl("search"), placeholder: tl("searchPlaceholder") }}
        params={listParams}
        clearLabel={tl("clear")}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/incidents/export.csv", schema: exportIncidentsQuery, label: tl("export") }}
      >
        <EnumSelect
          label={tl("status")}
          values={STATUS_FILTERS}
          value={filters.status}
          empty={tl("all")}
          optionLabel={(s) => t(`statuses.${s}`)}
          onValueChange={(status) => update({ status })}
        />
        <EnumSelect
          label={tl("category")}
          values={INCIDENT_CATEGORIES}
          value={filters.category}
          empty={tl("all")}
          optionLabel={(c) => t(`categories.${c}`)}
          onValueChange={(category) => update({ category })}
        />
        <EnumSelect
          label={tl("severity")}
          values={INCIDENT_SEVERITIES}
          value={filters.severity}
          empty={tl("all")}
          optionLabel={(s) => t(`severities.${s}`)}
          onValueChange={(severity) => update({ severity })}
        />
        <EnumSelect
          label={tl("reportable")}
          values={FLAG_VALUES}
          value={filters.reportable}
          empty={tl("all")}
          optionLabel={(v) => (v === "true" ? tl("yes") : tl("no"))}
          onValueChange={(reportable) => update({ reportable })}
        />
        <EnumSelect
          label={tl("overdue")}
          values={FLAG_VALUES}
          value={filters.overdue}
          empty={tl("all")}
          optionLabel={(v) => (v === "true" ? tl("overdueOnly") : tl("notOverdue"))}
          onValueChange={(overdue) => update({ overdue })}
        />
        <FlagCheckbox label={tl("pmarkLate")} params={listParams} name="pmarkLate" />
      </FilterBar>

      <ListTable caption={tl("caption")} columns={columns} rowKey={(i) => i.id} query={list} params={listParams} cards={card} empty={tl("empty")} />
    </div>
  );
}
