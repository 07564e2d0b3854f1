"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { coursesQueryString, parseCoursesSearchParams, type CourseDto, type ListCoursesQuery } from "@/lib/training/courses-schema";
import { coursesListQueryKey, type DepartmentOption } from "../records/types";
import { CourseFormDialog } from "./course-form";
import { useAudienceText } from "./course-rules";

type CoursePage = { items: CourseDto[]; total: number; page: number; pageSize: number };

/** Courses: search, show retired, sort, page (all in the URL); add a course. */
export function CourseList({ canEdit, departments, today }: { canEdit: boolean; departments: DepartmentOption[]; today: string }) {
  const t = useTranslations("courses");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const filters = useMemo(() => parseCoursesSearchParams(Object.fromEntries(sp.entries())), [sp]);
  const [search, setSearch] = useState(filters.q ?? "");
  const [createOpen, setCreateOpen] = useState(false);
  const audienceText = useAudienceText(departments);

  const list = useQuery({
    queryKey: coursesListQueryKey(coursesQueryString(filters)),
    queryFn: () => apiFetch<CoursePage>(`/api/v1/courses${coursesQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<ListCoursesQuery>) => router.replace(`${pathname}${coursesQueryString({ ...filters, page: 1, ...patch })}`, { scroll: false });

  const columns: Column<CourseDto>[] = [
    {
      key: "code",
      header: t("fields.code"),
      sort: "code",
      className: "whitespace-nowrap",
      cell: (c) => <span className="font-mono text-xs">{c.code}</span>,
    },
    {
      key: "title",
      header: t("fields.title"),
      sort: "title",
      cell: (c) => (
        <span className="block min-w-40">
          <Link href={`/training/courses/${c.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {c.title}
          </Link>
          {c.retiredAt ? (
            <span className="ml-2">
              <Badge tone="slate">{tc("retired")}</Badge>
            </span>
          ) : null}
        </span>
      ),
    },
    { key: "audience", header: t("fields.audience"), cell: (c) => <span className="block min-w-32">{audienceText(c)}</span> },
    {
      key: "recurrence",
      header: t("columns.recurrence"),
      sort: "recurrenceMonths",
      className: "whitespace-nowrap",
      cell: (c) => (c.recurrenceMonths === null ? t("table.recurrenceOnce") : t("table.recurrenceMonths", { months: c.recurrenceMonths })),
    },
    { key: "due", header: t("columns.newHireDue"), className: "whitespace-nowrap", cell: (c) => t("table.dueDays", { days: c.newHireDueDays }) },
    {
      key: "pass",
      header: t("columns.passMark"),
      className: "whitespace-nowrap",
      cell: (c) => (c.passMark === null ? <span className="text-slate-600">{t("table.passMarkNone")}</span> : t("table.passMarkValue", { mark: c.passMark })),
    },
    { key: "from", header: t("columns.requiredFrom"), sort: "requiredFrom", className: "whitespace-nowrap", cell: (c) => formatDate(c.requiredFrom) },
    {
      key: "records",
      header: t("columns.records"),
      className: "text-right whitespace-nowrap",
      cell: (c) => (
        <Link href={`/training/records?courseId=${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          {t("table.recordCount", { count: c.recordCount })}
        </Link>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setCreateOpen(true)}>{t("new")}</Button> : undefined} />

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
          <div className="pb-2">
            <CheckboxField label={tc("showRetired")} checked={filters.includeRetired === "true"} onChange={(e) => update({ includeRetired: e.target.checked ? "true" : undefined })} />
          </div>
          <a
            href={`/api/v1/courses/export.csv${coursesQueryString({ ...filters, page: 1, pageSize: 50 })}`}
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
        rowKey={(c) => c.id}
        loading={list.isFetching}
        error={list.isError && !list.data ? list.error : undefined}
        onRetry={() => list.refetch()}
        sort={{ sort: filters.sort, dir: filters.dir }}
        onSort={(s) => update({ sort: s.sort as ListCoursesQuery["sort"], dir: s.dir })}
      />
      {list.data ? (
        <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} onPageSize={(n) => update({ pageSize: n })} />
      ) : null}

      {canEdit ? (
        <CourseFormDialog
          open={createOpen}
          onClose={() => setCreateOpen(false)}
          departments={departments}
          today={today}
          onSaved={(c) => {
            setCreateOpen(false);
            router.push(`/training/courses/${c.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
