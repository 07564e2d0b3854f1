"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Alert, Badge, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/fiscal-year";
import {
  RECORD_SOURCE_VALUES,
  TRAINING_METHOD_VALUES,
  parseRecordsSearchParams,
  recordsQueryString,
  type ListRecordsQuery,
  type RecordDto,
  type RecordPage,
} from "@/lib/training/records-schema";
import { RecordFormDialog } from "./record-form";
import { recordsListQueryKey, type CourseOption, type DepartmentOption } from "./types";

/** The record list: filters live in the URL, the server filters, sorts and pages. */
export function RecordList({
  canEdit,
  departments,
  courses,
  fyStartMonth,
  today,
}: {
  canEdit: boolean;
  departments: DepartmentOption[];
  /** Every course, retired ones included (old records may name them). */
  courses: CourseOption[];
  fyStartMonth: number;
  today: string;
}) {
  const t = useTranslations("records");
  const tm = useTranslations("methods");
  const tc = useTranslations("common");
  const locale = useLocale() as "ja" | "en";
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const filters = useMemo(() => parseRecordsSearchParams(Object.fromEntries(sp.entries())), [sp]);
  const [search, setSearch] = useState(filters.q ?? "");
  const [customPeriod, setCustomPeriod] = useState(Boolean(filters.from || filters.to) && filters.fy === undefined);
  const [createOpen, setCreateOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const [created, setCreated] = useState<RecordDto | null>(null);

  const list = useQuery({
    queryKey: recordsListQueryKey(recordsQueryString(filters)),
    queryFn: () => apiFetch<RecordPage>(`/api/v1/training-records${recordsQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });

  function update(patch: Partial<ListRecordsQuery>) {
    const next = { ...filters, page: 1, ...patch };
    router.replace(`${pathname}${recordsQueryString(next)}`, { scroll: false });
  }

  const currentFy = fiscalYearOf(today, fyStartMonth);
  const fyOptions = Array.from({ length: 6 }, (_, i) => currentFy - i);
  const periodValue = filters.fy !== undefined ? `fy:${filters.fy}` : customPeriod || filters.from || filters.to ? "custom" : "";
  const activeCourses = courses.filter((c) => !c.retired);
  const activeCount = [filters.departmentId, filters.courseId, filters.fy ?? filters.from ?? filters.to, filters.method, filters.passed, filters.source].filter(
    (v) => v !== undefined,
  ).length;
  const hasFilters = recordsQueryString({ ...filters, page: 1, pageSize: 50, sort: "completedOn", dir: "desc" }) !== "";
  const exportHref = `/api/v1/training-records/export.csv${recordsQueryString({ ...filters, page: 1, pageSize: 50 })}`;

  const columns: Column<RecordDto>[] = [
    {
      key: "completedOn",
      header: t("columns.completedOn"),
      sort: "completedOn",
      className: "whitespace-nowrap",
      cell: (r) => (
        <Link
          href={`/training/records/${r.id}`}
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
          aria-label={t("openRecord", { date: formatDate(r.completedOn), name: r.employeeName })}
        >
          {formatDate(r.completedOn)}
        </Link>
      ),
    },
    {
      key: "employee",
      header: t("columns.employee"),
      sort: "employee",
      cell: (r) => (
        <span className="block min-w-32">
          <span className="font-mono text-xs text-slate-600">{r.employeeNumber}</span> <span className="font-medium">{r.employeeName}</span>
          <span className="block text-xs text-slate-600">{r.departmentName}</span>
        </span>
      ),
    },
    {
      key: "course",
      header: t("columns.course"),
      sort: "course",
      cell: (r) => (
        <span className="block min-w-40">
          {r.courseTitle}
          <span className="block font-mono text-xs text-slate-600">{r.courseCode}</span>
        </span>
      ),
    },
    {
      key: "score",
      header: t("columns.score"),
      sort: "score",
      className: "text-right whitespace-nowrap",
      cell: (r) => (r.score === null ? <span className="text-slate-500">{t("noScore")}</span> : t("scoreValue", { score: r.score })),
    },
    {
      key: "result",
      header: t("columns.result"),
      cell: (r) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={r.passed ? "green" : "red"}>{r.passed ? t("result.passed") : t("result.failed")}</Badge>
          {r.retiredAt ? <Badge tone="slate">{t("retiredBadge")}</Badge> : null}
        </span>
      ),
    },
    { key: "method", header: t("columns.method"), className: "whitespace-nowrap", cell: (r) => tm(r.method) },
    { key: "source", header: t("columns.source"), className: "whitespace-nowrap", cell: (r) => t(`sources.${r.source}`) },
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit ? (
            <>
              <Button onClick={() => setCreateOpen(true)}>{t("recordCompletion")}</Button>
              <ButtonLink href="/training/records/session">{t("recordSession")}</ButtonLink>
            </>
          ) : undefined
        }
      />

      {created ? (
        <Alert tone="success">
          {t("created")}{" "}
          <Link href={`/training/records/${created.id}`} className="font-medium underline">
            {t("openRecord", { date: formatDate(created.completedOn), name: created.employeeName })}
          </Link>
        </Alert>
      ) : null}

      <section aria-label={t("filters.title")} className="rounded-lg border border-slate-200 bg-white p-4">
        <form
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: search.trim() || undefined });
          }}
        >
          <div className="sm:col-span-2">
            <TextField
              label={t("filters.search")}
              type="search"
              value={search}
              placeholder={t("filters.searchPlaceholder")}
              onChange={(e) => setSearch(e.target.value)}
              onBlur={() => search.trim() !== (filters.q ?? "") && update({ q: search.trim() || undefined })}
            />
          </div>
          <div className="sm:hidden">
            <Button variant="secondary" className="w-full" aria-expanded={moreOpen} aria-controls={moreId} onClick={() => setMoreOpen((v) => !v)}>
              {moreOpen ? t("filters.hideMore") : t("filters.showMore", { count: activeCount })}
            </Button>
          </div>
          <div id={moreId} className={`${moreOpen ? "grid" : "hidden"} gap-3 sm:contents`}>
            <SelectField label={t("filters.department")} value={filters.departmentId ?? ""} onChange={(e) => update({ departmentId: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">{t("filters.all")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("filters.course")} value={filters.courseId ?? ""} onChange={(e) => update({ courseId: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">{t("filters.all")}</option>
              {activeCourses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.title}
                </option>
              ))}
              {courses
                .filter((c) => c.retired)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {t("filters.retiredCourse", { title: `${c.code} ${c.title}` })}
                  </option>
                ))}
            </SelectField>
            <SelectField
              label={t("filters.period")}
              value={periodValue}
              onChange={(e) => {
                const v = e.target.value;
                if (v === "custom") {
                  setCustomPeriod(true);
                  update({ fy: undefined });
                } else {
                  setCustomPeriod(false);
                  update({ fy: v ? Number(v.slice(3)) : undefined, from: undefined, to: undefined });
                }
              }}
            >
              <option value="">{t("filters.allPeriods")}</option>
              {fyOptions.map((fy) => (
                <option key={fy} value={`fy:${fy}`}>
                  {fiscalYearLabel(fy, locale)}
                </option>
              ))}
              <option value="custom">{t("filters.customPeriod")}</option>
            </SelectField>
            {periodValue === "custom" ? (
              <>
                <TextField label={t("filters.from")} type="date" value={filters.from ?? ""} max={filters.to} onChange={(e) => update({ from: e.target.value || undefined })} />
                <TextField label={t("filters.to")} type="date" value={filters.to ?? ""} min={filters.from} onChange={(e) => update({ to: e.target.value || undefined })} />
              </>
            ) : null}
            <SelectField label={t("filters.method")} value={filters.method ?? ""} onChange={(e) => update({ method: (e.target.value || undefined) as ListRecordsQuery["method"] })}>
              <option value="">{t("filters.all")}</option>
              {TRAINING_METHOD_VALUES.map((m) => (
                <option key={m} value={m}>
                  {tm(m)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("filters.result")} value={filters.passed ?? ""} onChange={(e) => update({ passed: (e.target.value || undefined) as ListRecordsQuery["passed"] })}>
              <option value="">{t("filters.all")}</option>
              <option value="true">{t("result.passed")}</option>
              <option value="false">{t("result.failed")}</option>
            </SelectField>
            <SelectField label={t("filters.source")} value={filters.source ?? ""} onChange={(e) => update({ source: (e.target.value || undefined) as ListRecordsQuery["source"] })}>
              <option value="">{t("filters.all")}</option>
              {RECORD_SOURCE_VALUES.map((s) => (
                <option key={s} value={s}>
                  {t(`sources.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4">
            <CheckboxField
              label={t("filters.includeRetired")}
              checked={filters.includeRetired === "true"}
              onChange={(e) => update({ includeRetired: e.target.checked ? "true" : undefined })}
            />
            <div className="ml-auto flex flex-wrap gap-2">
              <Button type="submit" variant="secondary">
                {tc("search")}
              </Button>
              {hasFilters ? (
                <Button
                  variant="ghost"
                  onClick={() => {
                    setSearch("");
                    setCustomPeriod(false);
                    router.replace(pathname, { scroll: false });
                  }}
                >
                  {tc("clearFilters")}
                </Button>
              ) : null}
              <a
                href={exportHref}
                download
                title={t("filters.exportHint")}
                className="inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                {tc("exportCsv")}
              </a>
            </div>
          </div>
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
        onSort={(s) => update({ sort: s.sort as ListRecordsQuery["sort"], dir: s.dir })}
      />
      {list.data ? (
        <Pagination
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(p) => update({ page: p })}
          onPageSize={(n) => update({ pageSize: n })}
        />
      ) : null}

      {canEdit ? (
        <RecordFormDialog
          open={createOpen}
          onClose={() => setCreateOpen(false)}
          courses={activeCourses}
          departments={departments.filter((d) => !d.retired)}
          today={today}
          onSaved={(r) => {
            setCreateOpen(false);
            setCreated(r);
          }}
        />
      ) : null}
    </div>
  );
}
