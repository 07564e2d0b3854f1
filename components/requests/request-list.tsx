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
import { REQUEST_KINDS, REQUEST_STAGES } from "@/lib/requests/enums";
import { exportRequestsQuery, listRequestsQuery, type RequestDto } from "@/lib/requests/schema";
import { requestKeys, type RequestPage } from "./keys";
import { ClockBadge, DueCell, StageBadge } from "./labels";

const STAGE_FILTERS = ["open", ...REQUEST_STAGES] as const;

/** The request list: filters in the URL, late ones in red, one card per request on a phone. */
export function RequestList() {
  const t = useTranslations("requests");
  const tl = useTranslations("requests.list");
  const listParams = useListParams(listRequestsQuery);
  const { values: filters, search: qs, update } = listParams;
  const list = useQuery({ queryKey: requestKeys.list(qs), queryFn: () => apiFetch<RequestPage>(`/api/v1/requests${qs}`), placeholderData: keepPreviousData });

  const requester = (r: RequestDto) => (
    <Link href={`/requests/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
      {r.requesterName ?? tl("disposed")}
    </Link>
  );
  const columns: Column<RequestDto>[] = [
    { key: "reference", header: tl("columns.reference"), sort: "reference", className: "whitespace-nowrap", cell: (r) => <span className="font-mono text-xs">{r.reference}</span> },
    { key: "requester", header: tl("columns.requester"), cell: (r) => <span className="block min-w-40">{requester(r)}</span> },
    { key: "kind", header: tl("columns.kind"), cell: (r) => t(`kinds.${r.kind}`) },
    { key: "stage", header: tl("columns.stage"), cell: (r) => <StageBadge stage={r.stage} /> },
    { key: "dueOn", header: tl("columns.dueOn"), sort: "dueOn", className: "whitespace-nowrap", cell: (r) => <DueCell r={r} /> },
    { key: "clock", header: tl("columns.clock"), cell: (r) => <ClockBadge state={r.clockState} /> },
    { key: "receivedOn", header: tl("columns.receivedOn"), sort: "receivedOn", className: "whitespace-nowrap", cell: (r) => formatDate(r.receivedOn) },
    { key: "channel", header: tl("columns.channel"), cell: (r) => t(`channels.${r.channel}`) },
  ];
  const card = (r: RequestDto) => (
    <>
      <p className="font-mono text-xs text-slate-600">{r.reference}</p>
      <div className="mt-0.5">{requester(r)}</div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{tl("columns.kind")}</dt>
        <dd>{t(`kinds.${r.kind}`)}</dd>
        <dt className="text-slate-600">{tl("columns.stage")}</dt>
        <dd>
          <StageBadge stage={r.stage} /> <ClockBadge state={r.clockState} />
        </dd>
        <dt className="text-slate-600">{tl("columns.dueOn")}</dt>
        <dd>
          <DueCell r={r} />
        </dd>
        <dt className="text-slate-600">{tl("columns.receivedOn")}</dt>
        <dd>{formatDate(r.receivedOn)}</dd>
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
        exportTo={{ path: "/api/v1/requests/export.csv", schema: exportRequestsQuery, label: tl("export") }}
      >
        <EnumSelect label={tl("stage")} values={STAGE_FILTERS} value={filters.stage} empty={tl("all")} optionLabel={(s) => t(`stages.${s}`)} onValueChange={(stage) => update({ stage })} />
        <EnumSelect label={tl("kind")} values={REQUEST_KINDS} value={filters.kind} empty={tl("all")} optionLabel={(k) => t(`kinds.${k}`)} onValueChange={(kind) => update({ kind })} />
        <EnumSelect
          label={tl("late")}
          values={FLAG_VALUES}
          value={filters.late}
          empty={tl("all")}
          optionLabel={(v) => (v === "true" ? tl("lateOnly") : tl("notLate"))}
          onValueChange={(late) => update({ late })}
        />
        <EnumSelect
          label={tl("disposable")}
          values={FLAG_VALUES}
          value={filters.disposable}
          empty={tl("all")}
          optionLabel={(v) => (v === "true" ? tl("disposableOnly") : tl("notDisposable"))}
          onValueChange={(disposable) => update({ disposable })}
        />
      </FilterBar>
      <ListTable caption={tl("caption")} columns={columns} rowKey={(r) => r.id} query={list} params={listParams} cards={card} empty={tl("empty")} />
    </div>
  );
}
