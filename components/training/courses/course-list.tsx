"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import type { Column } from "@/components/ui/data-table";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/list/page";
import { exportCoursesQuery, listCoursesQuery, type CourseDto } from "@/lib/training/courses-schema";
import { coursesListQueryKey, type DepartmentOption } from "../records/types";
import { CourseFormDialog } from "./course-form";
import { useAudienceText } from "./course-rules";

/** Courses: search, show retired, sort, page (all in the URL); add a course. */
export function CourseList({ canEdit, departments, today }: { canEdit: boolean; departments: DepartmentOption[]; today: string }) {
  const t = useTranslations("courses");
  const tc = useTranslations("common");
  const router = useRouter();
  const listParams = useListParams(listCoursesQuery);
  const { search: qs } = listParams;
  const [createOpen, setCreateOpen] = useState(false);
  const audienceText = useAudienceText(departments);

  const list = useQuery({
    queryKey: coursesListQueryKey(qs),
    queryFn: () => apiFetch<Page<CourseDto>>(`/api/v1/courses${qs}`),
    placeholderData: keepPreviousData,
  });

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

      <FilterBar
        label={tc("filter")}
        search={{ label: t("search"), placeholder: t("searchPlaceholder") }}
        params={listParams}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/courses/export.csv", schema: exportCoursesQuery }}
      >
        <div className="pb-2">
          <FlagCheckbox label={tc("showRetired")} params={listParams} name="includeRetired" />
        </div>
      </FilterBar>

      <ListTable caption={t("tableCaption")} columns={columns} rowKey={(c) => c.id} query={list} params={listParams} />

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
