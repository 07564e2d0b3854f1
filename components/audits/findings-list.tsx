"use client";

import Link from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/card";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect, IdSelect } from "@/components/ui/field";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { FINDING_GRADES, FINDING_STATUS_FILTERS, LATENESS_BUCKETS } from "@/lib/audits/rules";
import { exportFindingsQuery, listFindingsQuery, type FindingDto } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/list/page";
import { FindingStatusBadge, GradeBadge, RetiredBadge, type Dept } from "./labels";

export function FindingsList({ departments, fyOptions }: { departments: Dept[]; fyOptions: number[] }) {
  const t = useTranslations("findings");
  const ta = useTranslations("audits");
  const tc = useTranslations("common");
  const listParams = useListParams(listFindingsQuery);
  const { values: filters, search: qs, update } = listParams;
  const list = useQuery({ queryKey: ["audits", "findings", qs], queryFn: () => apiFetch<Page<FindingDto>>(`/api/v1/findings${qs}`) });
  const columns: Column<FindingDto>[] = [
    { key: "grade", header: t("fields.grade"), sort: "grade", cell: (f) => <GradeBadge grade={f.grade} /> },
    {
      key: "description",
      header: t("fields.description"),
      cell: (f) => (
        <div className="min-w-[16rem]">
          <p className={f.retiredAt ? "text-slate-600 line-through decoration-slate-400" : undefined}>{f.description}</p>
          {f.retiredAt ? (
            <p className="mt-1 text-xs text-slate-700">
              {t("retire.retiredBy", { date: formatDate(f.retiredAt), name: f.retiredByName ?? "—" })}
              {tc("dot")}
              {t("retire.reason")}: {f.retireReason ?? "—"}
            </p>
          ) : null}
          {f.correctiveAction ? <p className="mt-1 text-xs text-slate-600">{t("fields.correctiveAction")}: {f.correctiveAction}</p> : null}
        </div>
      ),
    },
    {
      key: "audit",
      header: t("fields.audit"),
      sort: "auditTitle",
      textWidth: "title",
      cell: (f) => (
        <Link className="text-brand-700 underline" href={`/audits/${f.auditId}`}>
          {f.auditTitle}
        </Link>
      ),
    },
    { key: "dept", header: t("fields.departmentId"), textWidth: "name", cell: (f) => f.departmentName ?? "—" },
    { key: "owner", header: t("fields.ownerUserId"), textWidth: "name", cell: (f) => f.ownerLabel || "—" },
    { key: "due", header: t("fields.dueDate"), sort: "dueDate", cell: (f) => <span className="whitespace-nowrap">{formatDate(f.dueDate) || "—"}</span> },
    { key: "status", header: t("fields.status"), sort: "status", cell: (f) => (
        <span className="inline-flex flex-wrap gap-1">
          {f.retiredAt ? <RetiredBadge /> : null}
          <FindingStatusBadge status={f.status} overdue={f.overdue} />
        </span>
      ),
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <FilterBar
        label={tc("filter")}
        params={listParams}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/findings/export.csv", schema: exportFindingsQuery }}
      >
        <IdSelect
          label={t("filters.fy")}
          options={fyOptions.map((y) => ({ id: y, label: ta("fyLabel", { fy: y }) }))}
          value={filters.fy}
          empty={t("filters.any")}
          onValueChange={(fy) => update({ fy })}
        />
        <EnumSelect label={t("filters.grade")} values={FINDING_GRADES} value={filters.grade} empty={t("filters.any")} optionLabel={(g) => t(`grade.${g}`)} onValueChange={(grade) => update({ grade })} />
        <EnumSelect
          label={t("filters.status")}
          values={FINDING_STATUS_FILTERS}
          value={filters.status}
          empty={t("filters.any")}
          optionLabel={(s) => (s === "unverified" ? t("filters.unverified") : t(`status.${s}`))}
          onValueChange={(status) => update({ status })}
        />
        <IdSelect
          label={t("filters.department")}
          options={departments.map((d) => ({ id: d.id, label: d.name }))}
          value={filters.department}
          empty={t("filters.any")}
          onValueChange={(department) => update({ department })}
        />
        <EnumSelect
          label={t("filters.late")}
          values={LATENESS_BUCKETS}
          value={filters.late}
          empty={t("filters.any")}
          optionLabel={(b) => ta(`charts.lateness.${b}`)}
          onValueChange={(late) => update({ late })}
        />
        <div className="pb-2">
          <FlagCheckbox label={t("filters.overdueOnly")} params={listParams} name="overdue" />
        </div>
        <div className="pb-2">
          <FlagCheckbox label={t("filters.includeRetired")} params={listParams} name="includeRetired" />
        </div>
      </FilterBar>
      <ListTable caption={t("tableCaption")} columns={columns} rowKey={(f) => f.id} query={list} params={listParams} />
    </div>
  );
}
