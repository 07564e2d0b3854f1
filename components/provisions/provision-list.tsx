"use client";

import Link from "@/components/ui/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { EnumSelect } from "@/components/ui/field";
import type { Column } from "@/components/ui/data-table";
import { FilterBar, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { FLAG_VALUES } from "@/lib/list/params";
import { PROVISION_DIRECTIONS, PROVISION_GROUNDS, PROVISION_STATUSES, RETENTION_STATES } from "@/lib/provisions/enums";
import { exportProvisionsQuery, listProvisionsQuery, type ProvisionDto } from "@/lib/provisions/schema";
import { provisionKeys, type ProvisionPage } from "./keys";
import { RetentionBadge } from "./labels";

/** The provision records: filters in the URL, the retention state and the disposal date of each. */
export function ProvisionList() {
  const t = useTranslations("provisions");
  const tl = useTranslations("provisions.list");
  const listParams = useListParams(listProvisionsQuery);
  const { values: filters, search: qs, update } = listParams;
  const list = useQuery({ queryKey: provisionKeys.list(qs), queryFn: () => apiFetch<ProvisionPage>(`/api/v1/provision-records${qs}`), placeholderData: keepPreviousData });
  const period = (p: ProvisionDto) => (p.providedTo ? `${formatDate(p.providedFrom)} – ${formatDate(p.providedTo)}` : formatDate(p.providedFrom));
  const name = (p: ProvisionDto) => (
    <Link href={`/provisions/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
      {p.counterpartyName}
      {p.abroadCountry ? ` (${p.abroadCountry})` : ""}
    </Link>
  );
  const disposable = (p: ProvisionDto) => (p.disposableFrom ? formatDate(p.disposableFrom) : <span className="text-slate-600">{tl("noRecordNeeded")}</span>);
  const columns: Column<ProvisionDto>[] = [
    { key: "counterparty", header: tl("columns.counterparty"), sort: "counterpartyName", cell: (p) => <span className="block min-w-40">{name(p)}</span> },
    { key: "direction", header: tl("columns.direction"), cell: (p) => t(`directions.${p.direction}`) },
    { key: "ground", header: tl("columns.ground"), cell: (p) => t(`grounds.${p.ground}`) },
    { key: "period", header: tl("columns.period"), sort: "providedFrom", className: "whitespace-nowrap", cell: period },
    { key: "items", header: tl("columns.items"), cell: (p) => <span className="block min-w-32">{p.dataItems}</span> },
    { key: "retention", header: tl("columns.retention"), cell: (p) => <RetentionBadge state={p.retentionState} /> },
    { key: "disposableFrom", header: tl("columns.disposableFrom"), sort: "disposableFrom", className: "whitespace-nowrap", cell: disposable },
  ];
  const card = (p: ProvisionDto) => (
    <>
      <div>{name(p)}</div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{tl("columns.ground")}</dt>
        <dd>{t(`grounds.${p.ground}`)}</dd>
        <dt className="text-slate-600">{tl("columns.period")}</dt>
        <dd>{period(p)}</dd>
        <dt className="text-slate-600">{tl("columns.retention")}</dt>
        <dd>
          <RetentionBadge state={p.retentionState} />
        </dd>
        <dt className="text-slate-600">{tl("columns.disposableFrom")}</dt>
        <dd>{disposable(p)}</dd>
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
        exportTo={{ path: "/api/v1/provision-records/export.csv", schema: exportProvisionsQuery, label: tl("export") }}
      >
        <EnumSelect label={tl("direction")} values={PROVISION_DIRECTIONS} value={filters.direction} empty={tl("all")} optionLabel={(v) => t(`directions.${v}`)} onValueChange={(direction) => update({ direction })} />
        <EnumSelect label={tl("ground")} values={PROVISION_GROUNDS} value={filters.ground} empty={tl("all")} optionLabel={(v) => t(`grounds.${v}`)} onValueChange={(ground) => update({ ground })} />
        <EnumSelect label={tl("retention")} values={RETENTION_STATES} value={filters.retention} empty={tl("all")} optionLabel={(v) => t(`retentionStates.${v}`)} onValueChange={(retention) => update({ retention })} />
        <EnumSelect label={tl("status")} values={PROVISION_STATUSES} value={filters.status} optionLabel={(v) => tl(`statuses.${v}`)} onValueChange={(status) => update({ status: status || undefined })} />
        <EnumSelect label={tl("abroad")} values={FLAG_VALUES} value={filters.abroad} empty={tl("all")} optionLabel={(v) => (v === "true" ? tl("abroadOnly") : tl("domesticOnly"))} onValueChange={(abroad) => update({ abroad })} />
      </FilterBar>
      {filters.jointUse ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {tl("jointUseFilter", { title: list.data?.items[0]?.jointUseTitle ?? `#${filters.jointUse}` })}
          <button type="button" className="text-brand-700 underline underline-offset-2" onClick={() => update({ jointUse: undefined })}>
            {tl("jointUseFilterClear")}
          </button>
        </p>
      ) : null}
      <ListTable caption={tl("caption")} columns={columns} rowKey={(p) => p.id} query={list} params={listParams} cards={card} empty={tl("empty")} />
    </div>
  );
}
