"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { EnumSelect, IdSelect } from "@/components/ui/field";
import type { Column } from "@/components/ui/data-table";
import { FilterBar, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { DUE_STATES, REGULATION_STATUSES } from "@/lib/regulations/due";
import type { Page } from "@/lib/list/page";
import { exportRegulationsQuery, listRegulationsQuery, type RegulationDto } from "@/lib/regulations/schema";
import { DateText, DueBadge, StatusBadge, regulationKeys, useVersionLabel } from "./labels";
import { RegulationFormDialog, type OwnerOption } from "./regulation-form";
import { RegulationOverview } from "./overview";


/** The regulation register: counts and the FY timeline on top, then the list (filters in the URL). */
export function RegisterList({ canEdit, owners }: { canEdit: boolean; owners: OwnerOption[] }) {
  const t = useTranslations("regulations");
  const tc = useTranslations("common");
  const router = useRouter();
  const listParams = useListParams(listRegulationsQuery);
  const { values: filters, search: qs, update } = listParams;
  const [createOpen, setCreateOpen] = useState(false);
  const versionLabel = useVersionLabel();

  const list = useQuery({
    queryKey: regulationKeys.list(qs),
    queryFn: () => apiFetch<Page<RegulationDto>>(`/api/v1/regulations${qs}`),
    placeholderData: keepPreviousData,
  });

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

      <RegulationOverview hrefFor={(dueState) => listParams.href({ dueState })} />

      <FilterBar
        label={tc("filter")}
        search={{ label: t("search"), placeholder: t("searchPlaceholder") }}
        params={listParams}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/regulations/export.csv", schema: exportRegulationsQuery }}
      >
        <EnumSelect
          label={t("filters.status")}
          values={REGULATION_STATUSES}
          value={filters.status}
          empty={t("filters.any")}
          optionLabel={(s) => t(`status.${s}`)}
          onValueChange={(status) => update({ status })}
        />
        <EnumSelect
          label={t("filters.dueState")}
          values={DUE_STATES}
          value={filters.dueState}
          empty={t("filters.any")}
          optionLabel={(s) => t(`dueState.${s}`)}
          onValueChange={(dueState) => update({ dueState })}
        />
        <IdSelect
          label={t("filters.owner")}
          options={owners.map((o) => ({ id: o.id, label: o.name }))}
          value={filters.owner}
          empty={t("filters.any")}
          onValueChange={(owner) => update({ owner })}
        />
      </FilterBar>

      <ListTable caption={t("tableCaption")} columns={columns} rowKey={(r) => r.id} query={list} params={listParams} />

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
