"use client";

import Link from "@/components/ui/link";
import { useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Alert, Badge, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { EnumSelect, IdSelect, SelectField, TextField } from "@/components/ui/field";
import type { Column } from "@/components/ui/data-table";
import { ExportControl, FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { FLAG_VALUES } from "@/lib/list/params";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/fiscal-year";
import { RECORD_SOURCE_VALUES, TRAINING_METHOD_VALUES, exportRecordsQuery, listRecordsQuery, type RecordDto, type RecordPage } from "@/lib/training/records-schema";
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
  const locale = useLocale() as "ja" | "en";
  const listParams = useListParams(listRecordsQuery);
  const { values: filters, search: qs, update } = listParams;
  const [customPeriod, setCustomPeriod] = useState(Boolean(filters.from || filters.to) && filters.fy === undefined);
  const [createOpen, setCreateOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const [created, setCreated] = useState<RecordDto | null>(null);

  const list = useQuery({
    queryKey: recordsListQueryKey(qs),
    queryFn: () => apiFetch<RecordPage>(`/api/v1/training-records${qs}`),
    placeholderData: keepPreviousData,
  });

  const currentFy = fiscalYearOf(today, fyStartMonth);
  const fyOptions = Array.from({ length: 6 }, (_, i) => currentFy - i);
  const periodValue = filters.fy !== undefined ? `fy:${filters.fy}` : customPeriod || filters.from || filters.to ? "custom" : "";
  const activeCourses = courses.filter((c) => !c.retired);
  const activeCount = [filters.departmentId, filters.courseId, filters.fy ?? filters.from ?? filters.to, filters.method, filters.passed, filters.source].filter(
    (v) => v !== undefined,
  ).length;

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

      <FilterBar
        label={t("filters.title")}
        search={{ label: t("filters.search"), placeholder: t("filters.searchPlaceholder"), applyOnBlur: true }}
        params={listParams}
        onClear={() => {
          setCustomPeriod(false);
          listParams.clear();
        }}
        total={list.data?.total}
        actions={
          <>
            <FlagCheckbox label={t("filters.includeRetired")} params={listParams} name="includeRetired" />
            <span title={t("filters.exportHint")}>
              <ExportControl path="/api/v1/training-records/export.csv" schema={exportRecordsQuery} values={filters} />
            </span>
          </>
        }
      >
          <div className="sm:hidden">
            <Button variant="secondary" className="w-full" aria-expanded={moreOpen} aria-controls={moreId} onClick={() => setMoreOpen((v) => !v)}>
              {moreOpen ? t("filters.hideMore") : t("filters.showMore", { count: activeCount })}
            </Button>
          </div>
          <div id={moreId} className={`${moreOpen ? "grid" : "hidden"} gap-3 sm:contents`}>
            <IdSelect
              label={t("filters.department")}
              options={departments.map((d) => ({ id: d.id, label: d.name }))}
              value={filters.departmentId}
              empty={t("filters.all")}
              onValueChange={(departmentId) => update({ departmentId })}
            />
            <IdSelect
              label={t("filters.course")}
              options={[
                ...activeCourses.map((c) => ({ id: c.id, label: `${c.code} ${c.title}` })),
                ...courses.filter((c) => c.retired).map((c) => ({ id: c.id, label: t("filters.retiredCourse", { title: `${c.code} ${c.title}` }) })),
              ]}
              value={filters.courseId}
              empty={t("filters.all")}
              onValueChange={(courseId) => update({ courseId })}
            />
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
            <EnumSelect
              label={t("filters.method")}
              values={TRAINING_METHOD_VALUES}
              value={filters.method}
              empty={t("filters.all")}
              optionLabel={(m) => tm(m)}
              onValueChange={(method) => update({ method })}
            />
            <EnumSelect
              label={t("filters.result")}
              values={FLAG_VALUES}
              value={filters.passed}
              empty={t("filters.all")}
              optionLabel={(v) => (v === "true" ? t("result.passed") : t("result.failed"))}
              onValueChange={(passed) => update({ passed })}
            />
            <EnumSelect
              label={t("filters.source")}
              values={RECORD_SOURCE_VALUES}
              value={filters.source}
              empty={t("filters.all")}
              optionLabel={(s) => t(`sources.${s}`)}
              onValueChange={(source) => update({ source })}
            />
          </div>
      </FilterBar>

      <ListTable caption={t("tableCaption")} columns={columns} rowKey={(r) => r.id} query={list} params={listParams} />

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
