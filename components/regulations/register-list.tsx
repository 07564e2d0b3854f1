"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { apiFetch } from "@/lib/client/api";
import { DUE_STATES, REGULATION_STATUSES } from "@/lib/regulations/due";
import { parseRegulationsSearchParams, regulationsQueryString, type ListRegulationsQuery, type RegulationDto } from "@/lib/regulations/schema";
import { DateText, DueBadge, StatusBadge, regulationKeys, useVersionLabel } from "./labels";
import { RegulationFormDialog, type OwnerOption } from "./regulation-form";
import { RegulationOverview } from "./overview";

type Page = { items: RegulationDto[]; total: number; page: number; pageSize: number };


/** The regulation register: counts and the FY timeline on top, then the list (filters in the URL). */
export function RegisterList({ canEdit, owners }: { canEdit: boolean; owners: OwnerOption[] }) {
  const t = useTranslations("regulations");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const filters = useMemo(() => parseRegulationsSearchParams(Object.fromEntries(sp.entries())), [sp]);
  const [search, setSearch] = useState(filters.q ?? "");
  const [createOpen, setCreateOpen] = useState(false);
  const versionLabel = useVersionLabel();
  const qs = regulationsQueryString(filters);

  const list = useQuery({
    queryKey: regulationKeys.list(qs),
    queryFn: () => apiFetch<Page>(`/api/v1/regulations${qs}`),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<ListRegulationsQuery>) =>
    router.replace(`${pathname}${regulationsQueryString({ ...filters, page: 1, ...patch })}`, { scroll: false });

  const columns: Column<RegulationDto>[] = [
    { key: "code", header: t("fields.code"), sort: "code", className: "whitespace-nowrap", cell: (r) => <span className="font-mono text-xs">{r.code}</span> },
    {
      key: "title",
      header: t("fields.title"),
      sort: "title",
      cell: (r) => (
        <Link href={`/regulations/${r.id}`} className="block min-w-40 font-medium text-brand-700 underline-offset-2 hover:underline">
          {r.title}
        </Link>
      ),
    },
    { key: "owner", header: t("fields.owner"), cell: (r) => <span className="block min-w-24">{r.ownerLabel}</span> },
    {
      key: "version",
      header: t("fields.currentVersion"),
      className: "whitespace-nowrap",
      cell: (r) => (
        <span>
          {versionLabel(r.currentVersion)}
          {r.pendingReviewId ? <span className="block text-xs text-amber-800">{t("reviewStates.draft")}</span> : null}
        </span>
      ),
    },
    { key: "effective", header: t("fields.effectiveDate"), sort: "effectiveDate", cell: (r) => <DateText value={r.effectiveDate} /> },
    { key: "due", header: t("fields.nextReviewDue"), sort: "nextReviewDue", cell: (r) => <DateText value={r.nextReviewDue} /> },
    { key: "dueState", header: t("columns.dueState"), cell: (r) => <DueBadge state={r.dueState} days={r.daysUntilDue} /> },
    { key: "status", header: t("fields.status"), sort: "status", className: "whitespace-nowrap", cell: (r) => <StatusBadge status={r.status} /> },
  ];

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setCreateOpen(true)}>{t("new")}</Button> : undefined} />

      <RegulationOverview hrefFor={(dueState) => `${pathname}${regulationsQueryString({ dueState })}`} />

      <section aria-label={tc("filter")} className="rounded-lg border border-slate-200 bg-white p-4">
        <form
          role="search"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: search.trim() || undefined });
          }}
        >
          <div className="min-w-56 flex-1">
            <TextField label={t("search")} type="search" value={search} placeholder={t("searchPlaceholder")} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary">
            {tc("search")}
          </Button>
          <SelectField label={t("filters.status")} value={filters.status ?? ""} onChange={(e) => update({ status: (e.target.value || undefined) as ListRegulationsQuery["status"] })}>
            <option value="">{t("filters.any")}</option>
            {REGULATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("filters.dueState")} value={filters.dueState ?? ""} onChange={(e) => update({ dueState: (e.target.value || undefined) as ListRegulationsQuery["dueState"] })}>
            <option value="">{t("filters.any")}</option>
            {DUE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`dueState.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("filters.owner")} value={filters.owner ? String(filters.owner) : ""} onChange={(e) => update({ owner: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t("filters.any")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          {filters.q || filters.status || filters.dueState || filters.owner ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setSearch("");
                router.replace(pathname, { scroll: false });
              }}
            >
              {tc("clearFilters")}
            </Button>
          ) : null}
          <a
            href={`/api/v1/regulations/export.csv${regulationsQueryString({ ...filters, page: 1, pageSize: 50 })}`}
            download
            className="ml-auto inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {tc("exportCsv")}
          </a>
        </form>
      </section>

      <DataTable
        caption={t("tableCaption")}
        columns={columns}
        rows={list.data?.items}
        rowKey={(r) => r.id}
        loading={list.isFetching}
        error={list.isError && !list.data ? list.error : undefined}
        onRetry={() => list.refetch()}
        sort={{ sort: filters.sort, dir: filters.dir }}
        onSort={(s) => update({ sort: s.sort as ListRegulationsQuery["sort"], dir: s.dir })}
      />
      {list.data ? (
        <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} onPageSize={(n) => update({ pageSize: n })} />
      ) : null}

      {canEdit ? (
        <RegulationFormDialog
          open={createOpen}
          onClose={() => setCreateOpen(false)}
          owners={owners}
          onSaved={(r) => {
            setCreateOpen(false);
            router.push(`/regulations/${r.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
