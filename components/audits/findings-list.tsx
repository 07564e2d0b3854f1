"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/card";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { FINDING_GRADES, FINDING_STATUSES, LATENESS_BUCKETS, type LatenessBucket } from "@/lib/audits/rules";
import type { FindingDto } from "@/lib/audits/schema";
import { apiFetch, toQueryString } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { FindingStatusBadge, GradeBadge, RetiredBadge, type Dept } from "./labels";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function FindingsList({ departments, fyOptions }: { departments: Dept[]; fyOptions: number[] }) {
  const t = useTranslations("findings");
  const ta = useTranslations("audits");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const filters = {
    fy: sp.get("fy") ?? "",
    grade: sp.get("grade") ?? "",
    status: sp.get("status") ?? "",
    department: sp.get("department") ?? "",
    overdue: sp.get("overdue") === "true" ? "true" : "",
    late: (LATENESS_BUCKETS as readonly string[]).includes(sp.get("late") ?? "") ? (sp.get("late") as LatenessBucket) : "",
    includeRetired: sp.get("includeRetired") === "true" ? "true" : "",
    sort: sp.get("sort") ?? "dueDate",
    dir: (sp.get("dir") ?? "asc") as "asc" | "desc",
    page: Number(sp.get("page") ?? 1) || 1,
    pageSize: 50,
  };
  const qs = toQueryString(filters);
  const list = useQuery({ queryKey: ["audits", "findings", qs], queryFn: () => apiFetch<Page<FindingDto>>(`/api/v1/findings${qs}`) });
  function setParams(next: Record<string, string | number | null>) {
    const p = new URLSearchParams(sp.toString());
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === "") p.delete(k);
      else p.set(k, String(v));
    }
    if (!("page" in next)) p.delete("page");
    router.replace(`${pathname}?${p.toString()}`, { scroll: false });
  }
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
              {t("retire.retiredBy", { date: formatDate(f.retiredAt), name: f.retiredByName ?? "—" })} ・ {t("retire.reason")}: {f.retireReason ?? "—"}
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
      cell: (f) => (
        <Link className="text-brand-700 underline" href={`/audits/${f.auditId}`}>
          {f.auditTitle}
        </Link>
      ),
    },
    { key: "dept", header: t("fields.departmentId"), cell: (f) => f.departmentName ?? "—" },
    { key: "owner", header: t("fields.ownerUserId"), cell: (f) => f.ownerLabel || "—" },
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
        actions={
          <a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" href={`/api/v1/findings/export.csv${toQueryString({ ...filters, page: undefined, pageSize: undefined })}`}>
            {tc("exportCsv")}
          </a>
        }
      />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label={t("filters.fy")} value={filters.fy} onChange={(e) => setParams({ fy: e.target.value })}>
          <option value="">{t("filters.any")}</option>
          {fyOptions.map((y) => (
            <option key={y} value={y}>
              {ta("fyLabel", { fy: y })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("filters.grade")} value={filters.grade} onChange={(e) => setParams({ grade: e.target.value })}>
          <option value="">{t("filters.any")}</option>
          {FINDING_GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`grade.${g}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("filters.status")} value={filters.status} onChange={(e) => setParams({ status: e.target.value })}>
          <option value="">{t("filters.any")}</option>
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("filters.department")} value={filters.department} onChange={(e) => setParams({ department: e.target.value })}>
          <option value="">{t("filters.any")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("filters.late")} value={filters.late} onChange={(e) => setParams({ late: e.target.value })}>
          <option value="">{t("filters.any")}</option>
          {LATENESS_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {ta(`charts.lateness.${b}`)}
            </option>
          ))}
        </SelectField>
        <div className="pb-2">
          <CheckboxField label={t("filters.overdueOnly")} checked={filters.overdue === "true"} onChange={(e) => setParams({ overdue: e.target.checked ? "true" : null })} />
        </div>
        <div className="pb-2">
          <CheckboxField label={t("filters.includeRetired")} checked={filters.includeRetired === "true"} onChange={(e) => setParams({ includeRetired: e.target.checked ? "true" : null })} />
        </div>
        {sp.toString() ? (
          <button type="button" className="pb-2 text-sm text-brand-700 underline" onClick={() => router.replace(pathname)}>
            {tc("clearFilters")}
          </button>
        ) : null}
      </div>
      <DataTable
        caption={t("tableCaption")}
        columns={columns}
        rows={list.data?.items}
        rowKey={(f) => f.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        sort={{ sort: filters.sort, dir: filters.dir }}
        onSort={(s) => setParams({ sort: s.sort, dir: s.dir })}
      />
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => setParams({ page: p })} /> : null}
    </div>
  );
}
