"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, EmptyState, PageHeader, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { CourseDto } from "@/lib/training/courses-schema";
import type { HistoryEntry } from "@/lib/audit-history";
import { listSearch } from "@/lib/list/params";
import { listRecordsQuery, type RecordPage } from "@/lib/training/records-schema";
import { HistoryList } from "../records/history-list";
import { queryKeys, type DepartmentOption } from "../records/types";
import { CourseFormDialog } from "./course-form";
import { CourseRules, useAudienceText } from "./course-rules";

type Detail = { course: CourseDto; history: HistoryEntry[] };

/** A course: its rules in words, audience, description, recent records and change history. */
export function CourseDetail({
  id,
  initial,
  canEdit,
  departments,
  today,
}: {
  id: number;
  initial: Detail;
  canEdit: boolean;
  departments: DepartmentOption[];
  today: string;
}) {
  const t = useTranslations("courses");
  const tr = useTranslations("records");
  const tm = useTranslations("methods");
  const tc = useTranslations("common");
  const audienceText = useAudienceText(departments);
  const detail = useQuery({ queryKey: queryKeys.course(id), queryFn: () => apiFetch<Detail>(`/api/v1/courses/${id}`), initialData: initial });
  const recentQuery = listSearch(listRecordsQuery, { courseId: id, pageSize: 10 });
  const recent = useQuery({
    queryKey: [...queryKeys.records, recentQuery],
    queryFn: () => apiFetch<RecordPage>(`/api/v1/training-records${recentQuery}`),
  });
  const [editOpen, setEditOpen] = useState(false);
  const [confirm, setConfirm] = useState<"retire" | "restore" | null>(null);
  // Retire/restore and the edit form's "saved" share one message under the header.
  const action = useAction({ invalidate: [queryKeys.course(id), queryKeys.courses] });

  const c = detail.data.course;

  async function toggleRetired(kind: "retire" | "restore") {
    await action.run(() => apiFetch<CourseDto>(`/api/v1/courses/${id}/${kind}`, { method: "POST", json: { version: c.version } }), {
      success: kind === "retire" ? t("retiredDone") : t("restoredDone"),
    });
    setConfirm(null);
  }

  const deptName = (v: number) => departments.find((d) => d.id === v)?.name ?? `#${v}`;
  const formatValue = (field: string, v: unknown): string => {
    switch (field) {
      case "audienceAll":
        return v ? t("audience.all") : t("audience.some");
      case "audienceDepartmentIds":
        return Array.isArray(v) ? v.map((x) => deptName(Number(x))).join(t("listSeparator")) : String(v);
      case "audienceEmploymentTypes":
        return Array.isArray(v) ? v.map((x) => t(`employmentTypes.${x}`)).join(t("listSeparator")) : String(v);
      case "recurrenceMonths":
        return t("table.recurrenceMonths", { months: Number(v) });
      case "newHireDueDays":
        return t("table.dueDays", { days: Number(v) });
      case "passMark":
        return t("table.passMarkValue", { mark: Number(v) });
      case "requiredFrom":
        return formatDate(String(v));
      case "retiredAt":
        return formatDateTime(String(v));
      default:
        return String(v);
    }
  };
  // A course that became once-only shows 「1回のみ」 rather than an empty value.
  const history = detail.data.history.map((h) => ({
    ...h,
    changes: h.changes.map((ch) =>
      ch.field === "recurrenceMonths" && ch.after === null && h.action !== "create" ? { ...ch, afterLabel: t("table.recurrenceOnce") } : ch.field === "recurrenceMonths" && ch.before === null && h.action !== "create" ? { ...ch, beforeLabel: t("table.recurrenceOnce") } : ch,
    ),
  }));

  return (
    <div className="space-y-4">
      <PageHeader
        title={c.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.code}</span>
            {c.retiredAt ? <Badge tone="slate">{tc("retired")}</Badge> : <Badge tone="green">{tc("active")}</Badge>}
          </span>
        }
        actions={
          <>
            <ButtonLink href="/training/courses">{t("detail.back")}</ButtonLink>
            {canEdit ? (
              <>
                <Button onClick={() => setEditOpen(true)}>{tc("edit")}</Button>
                {c.retiredAt ? (
                  <Button variant="secondary" onClick={() => setConfirm("restore")}>
                    {t("restore.button")}
                  </Button>
                ) : (
                  <Button variant="danger" onClick={() => setConfirm("retire")}>
                    {t("retire.button")}
                  </Button>
                )}
              </>
            ) : null}
          </>
        }
      />

      <ActionMessage message={action.message} />
      {c.retiredAt ? <Alert tone="warning">{t("detail.retiredNotice", { date: formatDateTime(c.retiredAt) })}</Alert> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("detail.rulesTitle")}>
          <CourseRules course={c} />
        </Card>
        <Card title={t("detail.audienceTitle")}>
          <p className="text-sm text-slate-900">{audienceText(c)}</p>
        </Card>
      </div>

      <Card title={t("detail.descriptionTitle")}>
        {c.description ? <p className="text-sm whitespace-pre-wrap text-slate-900">{c.description}</p> : <p className="text-sm text-slate-600">{t("detail.noDescription")}</p>}
      </Card>

      <Card
        title={t("detail.recentRecords")}
        action={
          <Link href={`/training/records${listSearch(listRecordsQuery, { courseId: id })}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("detail.allRecords")}
          </Link>
        }
      >
        {recent.isPending ? (
          <div className="space-y-2" aria-busy="true">
            <Skeleton />
            <Skeleton />
            <Skeleton />
          </div>
        ) : recent.isError ? (
          <LoadError onRetry={() => recent.refetch()} />
        ) : recent.data.items.length === 0 ? (
          <EmptyState>{t("detail.noRecords")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.data.items.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <Link href={`/training/records/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {formatDate(r.completedOn)}
                </Link>
                <span>
                  <span className="font-mono text-xs text-slate-600">{r.employeeNumber}</span> {r.employeeName}
                </span>
                <span className="text-xs text-slate-600">{r.departmentName}</span>
                <span className="text-xs text-slate-600">{tm(r.method)}</span>
                {r.score !== null ? <span>{tr("scoreValue", { score: r.score })}</span> : null}
                <Badge tone={r.passed ? "green" : "red"}>{r.passed ? tr("result.passed") : tr("result.failed")}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={tr("history.title")}>
        <HistoryList
          entries={history}
          fieldLabel={(f) => (f === "recurrenceMonths" ? t("fields.recurrence") : f === "newHireDueDays" ? t("columns.newHireDue") : t(`fields.${f}`))}
          formatValue={formatValue}
          actionLabel={(a) => (["create", "update", "retire", "restore"].includes(a) ? tr(`history.courseActions.${a}`) : a)}
        />
      </Card>

      {canEdit ? (
        <>
          <CourseFormDialog
            open={editOpen}
            onClose={() => setEditOpen(false)}
            course={c}
            departments={departments}
            today={today}
            onSaved={() => {
              setEditOpen(false);
              action.setMessage({ tone: "success", text: t("saved") });
            }}
          />
          <ConfirmDialog
            open={confirm !== null}
            title={confirm === "restore" ? t("restore.title") : t("retire.title")}
            body={<p>{confirm === "restore" ? t("restore.body", { title: c.title }) : t("retire.body", { title: c.title })}</p>}
            confirmLabel={confirm === "restore" ? t("restore.confirm") : t("retire.confirm")}
            tone={confirm === "restore" ? "primary" : "danger"}
            busy={action.busy}
            onCancel={() => setConfirm(null)}
            onConfirm={() => confirm && void toggleRetired(confirm)}
          />
        </>
      ) : null}
    </div>
  );
}
