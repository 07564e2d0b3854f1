"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import { retireRecordSchema, type RecordDetail as RecordDetailData, type RecordDto } from "@/lib/training/records-schema";
import { issuesToFieldErrors } from "@/lib/validation/issues";
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
  const qc = useQueryClient();
  const detail = useQuery({
    queryKey: queryKeys.record(id),
    queryFn: () => apiFetch<RecordDetailData>(`/api/v1/training-records/${id}`),
    initialData: initial,
  });
  const [editOpen, setEditOpen] = useState(false);
  const [retireOpen, setRetireOpen] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ tone: "success" | "error" | "warning"; text: string; reload?: boolean } | null>(null);

  const r = detail.data.record;

  const refresh = async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: queryKeys.record(id) }), qc.invalidateQueries({ queryKey: queryKeys.records })]);
  };
  const onProblem = (err: unknown) => {
    if (err instanceof ApiProblem) setNotice({ tone: err.status === 409 ? "warning" : "error", text: err.detail ?? err.title, reload: err.status === 409 });
    else setNotice({ tone: "error", text: tc("errorBody") });
  };

  const retire = useMutation({
    mutationFn: (body: { reason: string; version: number }) => apiFetch<RecordDto>(`/api/v1/training-records/${id}/retire`, { method: "POST", json: body }),
    onSuccess: async () => {
      setRetireOpen(false);
      setReason("");
      setNotice({ tone: "success", text: t("retiredDone") });
      await refresh();
    },
    onError: (err) => {
      if (err instanceof ApiProblem && err.fieldErrors.reason) setReasonError(err.fieldErrors.reason);
      else {
        setRetireOpen(false);
        onProblem(err);
      }
    },
  });
  const restore = useMutation({
    mutationFn: () => apiFetch<RecordDto>(`/api/v1/training-records/${id}/restore`, { method: "POST", json: { version: r.version } }),
    onSuccess: async () => {
      setRestoreOpen(false);
      setNotice({ tone: "success", text: t("restoredDone") });
      await refresh();
    },
    onError: (err) => {
      setRestoreOpen(false);
      onProblem(err);
    },
  });

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

      {notice ? (
        <Alert tone={notice.tone}>
          {notice.text}
          {notice.reload ? (
            <Button
              variant="secondary"
              className="ml-2"
              onClick={async () => {
                setNotice(null);
                await refresh();
              }}
            >
              {t("reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
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
              setNotice({ tone: "success", text: t("saved") });
            }}
            onConflictReload={async () => {
              setEditOpen(false);
              await refresh();
            }}
          />
          <ConfirmDialog
            open={retireOpen}
            title={t("retire.title")}
            confirmLabel={t("retire.confirm")}
            busy={retire.isPending}
            onCancel={() => {
              setRetireOpen(false);
              setReasonError(undefined);
            }}
            onConfirm={() => {
              const parsed = retireRecordSchema.safeParse({ reason, version: r.version });
              if (!parsed.success) {
                const fe = issuesToFieldErrors(parsed.error.issues).find((e) => e.field === "reason");
                setReasonError(fe ? tAll(fe.messageKey, fe.values) : undefined);
                return;
              }
              setReasonError(undefined);
              retire.mutate(parsed.data);
            }}
            body={
              <div className="space-y-3">
                <p>{t("retire.body")}</p>
                <TextAreaField
                  label={t("retire.reason")}
                  required
                  rows={2}
                  maxLength={500}
                  value={reason}
                  placeholder={t("retire.reasonPlaceholder")}
                  onChange={(e) => setReason(e.target.value)}
                  error={reasonError}
                />
              </div>
            }
          />
          <ConfirmDialog
            open={restoreOpen}
            title={t("restore.title")}
            confirmLabel={t("restore.confirm")}
            tone="primary"
            busy={restore.isPending}
            onCancel={() => setRestoreOpen(false)}
            onConfirm={() => restore.mutate()}
            body={<p>{t("restore.body")}</p>}
          />
        </>
      ) : null}
    </div>
  );
}
