"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect, IdSelect } from "@/components/ui/field";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { departmentKeys } from "@/components/training/departments/keys";
import { fetchDepartmentOptions } from "@/components/training/departments/queries";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { exportHref } from "@/lib/list/params";
import type { Page } from "@/lib/list/page";
import { REGISTER_KINDS } from "@/lib/register/enums";
import { REGISTER_STATUSES, exportItemsQuery, listItemsQuery, type RegisterItemDto } from "@/lib/register/schema";
import { DueBadge, KindBadge } from "./badges";
import { registerKeys } from "./keys";
import { ReviewDialog } from "./review-dialog";

/** The register 個人情報管理台帳: filters in the URL, the table (a card per item on phones), the Excel export, the whole register's review. */
export function RegisterList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("register");
  const tc = useTranslations("common");
  const listParams = useListParams(listItemsQuery);
  const { values: filters, search: qs, update } = listParams;
  const [reviewOpen, setReviewOpen] = useState(false);
  const list = useQuery({
    queryKey: registerKeys.list(qs),
    queryFn: () => apiFetch<Page<RegisterItemDto>>(`/api/v1/register/items${qs}`),
    placeholderData: keepPreviousData,
  });
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });

  const nameCell = (i: RegisterItemDto) => (
    <span className="block min-w-48">
      <Link href={`/register/${i.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {i.name}
      </Link>
      <span className="block font-mono text-xs text-slate-600">{i.code}</span>
      {i.retiredAt ? <Badge tone="slate">{t("retiredBadge")}</Badge> : null}
    </span>
  );
  const columns: Column<RegisterItemDto>[] = [
    { key: "name", header: t("fields.name"), sort: "code", cell: nameCell },
    { key: "kind", header: t("fields.kind"), sort: "kind", className: "whitespace-nowrap", cell: (i) => <KindBadge kind={i.kind} /> },
    { key: "department", header: t("fields.ownerDepartmentId"), sort: "department", className: "whitespace-nowrap", cell: (i) => i.ownerDepartmentName ?? "—" },
    {
      key: "persons",
      header: t("fields.personCount"),
      sort: "personCount",
      className: "whitespace-nowrap text-right",
      cell: (i) => (i.personCount === null ? "—" : t("persons", { count: i.personCount })),
    },
    { key: "purposes", header: t("fields.purposeIds"), className: "hidden xl:table-cell", cell: (i) => i.purposes.map((p) => p.code).join(" ") },
    {
      key: "due",
      header: t("fields.nextReviewDueOn"),
      sort: "nextReviewDueOn",
      className: "whitespace-nowrap",
      cell: (i) => (
        <span className="flex flex-col items-start gap-0.5">
          <span>{formatDate(i.nextReviewDueOn)}</span>
          <DueBadge state={i.dueState} />
        </span>
      ),
    },
    { key: "risks", header: t("fields.riskCount"), className: "whitespace-nowrap text-right", cell: (i) => i.riskCount },
  ];

  const card = (i: RegisterItemDto) => (
    <div className="space-y-1 text-sm">
      {nameCell(i)}
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={i.kind} />
        <DueBadge state={i.dueState} />
      </div>
      <p className="text-slate-700">
        {i.ownerDepartmentName ?? "—"}
        {i.personCount === null ? "" : ` · ${t("persons", { count: i.personCount })}`}
      </p>
      <p className="text-slate-700">
        {t("fields.nextReviewDueOn")}: {formatDate(i.nextReviewDueOn)}
      </p>
    </div>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/register/purposes">{t("actions.purposes")}</ButtonLink>
            {canEdit ? <ButtonLink href="/register/import">{t("actions.import")}</ButtonLink> : null}
            {canEdit ? (
              <Button type="button" variant="secondary" onClick={() => setReviewOpen(true)}>
                {t("actions.reviewRegister")}
              </Button>
            ) : null}
            {canEdit ? (
              <ButtonLink href="/register/new" variant="primary">
                {t("newItem")}
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <FilterBar label={tc("filter")} search={{ label: tc("search"), placeholder: t("filters.search") }} params={listParams} total={list.data?.total}>
        <EnumSelect
          label={t("filters.kind")}
          values={REGISTER_KINDS}
          value={filters.kind}
          empty={t("filters.any")}
          optionLabel={(k) => t(`kind.${k}`)}
          onValueChange={(kind) => update({ kind })}
        />
        <IdSelect
          label={t("filters.department")}
          options={(departments.data ?? []).map((d) => ({ id: d.id, label: d.name }))}
          value={filters.departmentId}
          empty={t("filters.any")}
          onValueChange={(departmentId) => update({ departmentId })}
        />
        <EnumSelect
          label={t("filters.status")}
          values={REGISTER_STATUSES}
          value={filters.status}
          optionLabel={(s) => t(`status.${s}`)}
          onValueChange={(status) => update({ status: status || undefined })}
        />
        <div className="flex flex-col gap-2">
          <FlagCheckbox label={t("filters.overdue")} params={listParams} name="overdue" />
          <FlagCheckbox label={t("filters.sensitive")} params={listParams} name="sensitive" />
        </div>
      </FilterBar>
      <div className="flex justify-end">
        <a
          href={exportHref("/api/v1/register/export", exportItemsQuery, filters, "xlsx")}
          download
          className="inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {t("exportRegister")}
        </a>
      </div>
      <ListTable caption={t("title")} columns={columns} rowKey={(i) => i.id} query={list} params={listParams} cards={card} empty={listParams.filtered ? t("emptyFiltered") : t("empty")} />
      {canEdit ? <ReviewDialog open={reviewOpen} onClose={() => setReviewOpen(false)} /> : null}
    </div>
  );
}
