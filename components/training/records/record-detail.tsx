"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, ReasonDialog, isReasonError, useAction } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { RecordDetail as RecordDetailData, RecordDto } from "@/lib/training/records-schema";
import { HistoryList } from "./history-list";
import { RecordFormDialog } from "./record-form";
import { queryKeys, type CourseOption, type DepartmentOption } from "./types";

/** One training record: its facts, correction, retirement with a reason, and its audit history. */
export function RecordDetail({
  id,
  initial,
  canEdit,
  courses,
  departments,
  today,
}: {
  id: number;
  initial: RecordDetailData;
  canEdit: boolean;
  courses: CourseOption[];
  departments: DepartmentOption[];
  today: string;
}) {
  const t = useTranslations("records");
  const tm = useTranslations("methods");
  const tc = useTranslations("common");
  const tAll = useTranslations();
  const detail = useQuery({
    queryKey: queryKeys.record(id),
    queryFn: () => apiFetch<RecordDetailData>(`/api/v1/training-records/${id}`),
    initialData: initial,
  });
  const [editOpen, setEditOpen] = useState(false);
  const [retireOpen, setRetireOpen] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  // Retire/restore and the edit form's "saved" share one message under the header.
  const action = useAction({ invalidate: [queryKeys.record(id), queryKeys.records] });

  const r = detail.data.record;

  async function retire(reason: string) {
    await action.run(() => apiFetch<RecordDto>(`/api/v1/training-records/${id}/retire`, { method: "POST", json: { reason, version: r.version } }), {
      success: t("retiredDone"),
      rethrow: isReasonError,
    });
    setRetireOpen(false);
  }
  async function restore() {
    await action.run(() => apiFetch<RecordDto>(`/api/v1/training-records/${id}/restore`, { method: "POST", json: { version: r.version } }), { success: t("restoredDone") });
    setRestoreOpen(false);
  }

  const fieldLabel = (f: string) => t(`fields.${f}`);
  const formatValue = (field: string, v: unknown): string => {
    if (field === "completedOn" && typeof v === "string") return formatDate(v);
    if (field === "retiredAt" && typeof v === "string") return formatDateTime(v);
    if (field === "passed") return v ? t("result.passed") : t("result.failed");
    if (field === "method" && typeof v === "string") return tm(v);
    if (field === "score" && typeof v === "number") return t("scoreValue", { score: v });
    return String(v);
  };

  const facts: [string, React.ReactNode][] = [
    [
      t("columns.employee"),
      <>
        <span className="font-mono text-xs text-slate-600">{r.employeeNumber}</span> {r.employeeName}
        <span className="block text-xs text-slate-600">{r.departmentName}</span>
      </>,
    ],
    [
      t("columns.course"),
      <Link key="c" href={`/training/courses/${r.courseId}`} className="text-brand-700 underline-offset-2 hover:underline">
        {r.courseCode} {r.courseTitle}
      </Link>,
    ],
    [t("columns.completedOn"), formatDate(r.completedOn)],
    [t("columns.score"), r.score === null ? t("noScore") : t("scoreValue", { score: r.score })],
    [t("columns.result"), <Badge key="p" tone={r.passed ? "green" : "red"}>{r.passed ? t("result.passed") : t("result.failed")}</Badge>],
    [t("columns.method"), tm(r.method)],
    [t("columns.evidence"), r.evidence ?? t("noScore")],
    [t("columns.note"), r.note ? <span className="whitespace-pre-wrap">{r.note}</span> : t("noScore")],
    [t("columns.source"), t(`sources.${r.source}`)],
    [t("columns.recordedBy"), t("detail.recordedBy", { name: r.recordedByName ?? t("history.system"), date: formatDateTime(r.createdAt) })],
    [t("columns.updatedAt"), formatDateTime(r.updatedAt)],
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("detail.heading", { name: r.employeeName, course: r.courseTitle })}
        description={formatDate(r.completedOn)}
        actions={
          <>
            <ButtonLink href="/training/records">{t("detail.back")}</ButtonLink>
            {canEdit && !r.retiredAt ? (
              <>
                <Button onClick={() => setEditOpen(true)}>{tc("edit")}</Button>
                <Button variant="danger" onClick={() => setRetireOpen(true)}>
                  {t("retire.button")}
                </Button>
              </>
            ) : null}
            {canEdit && r.retiredAt ? <Button onClick={() => setRestoreOpen(true)}>{t("restore.button")}</Button> : null}
          </>
        }
      />

      <ActionMessage message={action.message} />
      {r.retiredAt ? <Alert tone="warning">{t("detail.retiredNotice", { date: formatDateTime(r.retiredAt) })}</Alert> : null}

      <Card title={t("detail.summary")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {facts.map(([k, v]) => (
            <div key={k} className="min-w-0">
              <dt className="text-xs font-medium text-slate-600">{k}</dt>
              <dd className="mt-0.5 text-sm break-words text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card title={t("history.title")}>
        <HistoryList
          entries={detail.data.history}
          fieldLabel={fieldLabel}
          formatValue={formatValue}
          actionLabel={(a) => (["create", "update", "retire", "restore", "bulk_create", "import"].includes(a) ? t(`history.actions.${a}`) : a)}
        />
      </Card>

      {canEdit ? (
        <>
          <RecordFormDialog
            open={editOpen}
            onClose={() => setEditOpen(false)}
            record={r}
            courses={courses}
            departments={departments}
            today={today}
            onSaved={() => {
              setEditOpen(false);
              action.setMessage({ tone: "success", text: t("saved") });
            }}
          />
          <ReasonDialog
            open={retireOpen}
            title={t("retire.title")}
            body={<p>{t("retire.body")}</p>}
            reasonLabel={t("retire.reason")}
            placeholder={t("retire.reasonPlaceholder")}
            requiredMessage={tAll("validation.required")}
            confirmLabel={t("retire.confirm")}
            maxLength={500}
            busy={action.busy}
            onCancel={() => setRetireOpen(false)}
            onConfirm={retire}
          />
          <ConfirmDialog
            open={restoreOpen}
            title={t("restore.title")}
            confirmLabel={t("restore.confirm")}
            tone="primary"
            busy={action.busy}
            onCancel={() => setRestoreOpen(false)}
            onConfirm={() => void restore()}
            body={<p>{t("restore.body")}</p>}
          />
        </>
      ) : null}
    </div>
  );
}
