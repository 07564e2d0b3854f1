"use client";

import Link from "@/components/ui/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { IdSelect, SelectField } from "@/components/ui/field";
import type { Column } from "@/components/ui/data-table";
import { ExportControl, FilterBar, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/fiscal-year";
import { exportSessionsQuery, listSessionsQuery, sessionName, type SessionDto, type SessionPage } from "@/lib/training/sessions-schema";
import type { CourseOption } from "../records/types";
import { sessionKeys } from "./keys";

/** The training sessions: one row per course held on a day, with its attendee count; filters in the URL. */
export function SessionList({ canEdit, courses, fyStartMonth, today }: { canEdit: boolean; courses: CourseOption[]; fyStartMonth: number; today: string }) {
  const t = useTranslations("sessions");
  const tm = useTranslations("methods");
  const locale = useLocale() as "ja" | "en";
  const listParams = useListParams(listSessionsQuery);
  const { values: filters, search: qs, update } = listParams;
  const list = useQuery({
    queryKey: sessionKeys.list(qs),
    queryFn: () => apiFetch<SessionPage>(`/api/v1/training-sessions${qs}`),
    placeholderData: keepPreviousData,
  });
  const currentFy = fiscalYearOf(today, fyStartMonth);
  const fyOptions = Array.from({ length: 6 }, (_, i) => currentFy - i);

  const columns: Column<SessionDto>[] = [
    {
      key: "heldOn",
      header: t("columns.heldOn"),
      sort: "heldOn",
      className: "whitespace-nowrap",
      cell: (s) => (
        <Link href={`/training/sessions/${s.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline" aria-label={t("open", { date: formatDate(s.heldOn), name: sessionName(s) })}>
          {formatDate(s.heldOn)}
        </Link>
      ),
    },
    {
      key: "course",
      header: t("columns.session"),
      sort: "course",
      cell: (s) => (
        <span className="block min-w-40">
          <span className="font-medium">{sessionName(s)}</span>
          <span className="block text-xs text-slate-600">
            <span className="font-mono">{s.courseCode}</span>
            {s.title ? ` ${s.courseTitle}` : null}
          </span>
        </span>
      ),
    },
    { key: "method", header: t("columns.method"), className: "whitespace-nowrap", cell: (s) => tm(s.method) },
    { key: "place", header: t("columns.place"), cell: (s) => s.place ?? <span className="text-slate-500">{t("none")}</span> },
    { key: "instructor", header: t("columns.instructor"), cell: (s) => s.instructor ?? <span className="text-slate-500">{t("none")}</span> },
    { key: "attendees", header: t("columns.attendees"), sort: "attendees", className: "text-right whitespace-nowrap", cell: (s) => t("attendeeCount", { count: s.attendeeCount }) },
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canEdit ? <ButtonLink href="/training/records/session">{t("record")}</ButtonLink> : undefined}
      />
      <FilterBar label={t("filters.title")} search={{ label: t("filters.search"), placeholder: t("filters.searchPlaceholder"), applyOnBlur: true }} params={listParams}
        onClear={() => listParams.clear()}
        total={list.data?.total}
        actions={<ExportControl path="/api/v1/training-sessions/export.csv" schema={exportSessionsQuery} values={filters} />}
      >
        <IdSelect
          label={t("filters.course")}
          options={courses.map((c) => ({ id: c.id, label: c.retired ? t("filters.retiredCourse", { title: `${c.code} ${c.title}` }) : `${c.code} ${c.title}` }))}
          value={filters.courseId}
          empty={t("filters.all")}
          onValueChange={(courseId) => update({ courseId })}
        />
        <SelectField label={t("filters.fiscalYear")} value={filters.fy === undefined ? "" : String(filters.fy)} onChange={(e) => update({ fy: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{t("filters.allYears")}</option>
          {fyOptions.map((fy) => (
            <option key={fy} value={fy}>
              {fiscalYearLabel(fy, locale)}
            </option>
          ))}
        </SelectField>
      </FilterBar>
      <ListTable
        caption={t("tableCaption")}
        columns={columns}
        rowKey={(s) => s.id}
        query={list}
        params={listParams}
        empty={t("empty")}
        cards={(s) => (
          <Link href={`/training/sessions/${s.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-300">
            <span className="block text-sm font-medium text-brand-700">{sessionName(s)}</span>
            <span className="mt-1 block text-xs text-slate-700">
              {formatDate(s.heldOn)} · {tm(s.method)} · {t("attendeeCount", { count: s.attendeeCount })}
            </span>
            {s.place || s.instructor ? <span className="mt-1 block text-xs text-slate-600">{[s.place, s.instructor].filter(Boolean).join(" · ")}</span> : null}
          </Link>
        )}
      />
    </div>
  );
}
