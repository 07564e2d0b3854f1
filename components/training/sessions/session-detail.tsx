"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { ScrollArea } from "@/components/ui/data-table";
import { TextAreaField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import { sessionName, updateSessionSchema, type SessionDetail as SessionDetailData, type SessionDto } from "@/lib/training/sessions-schema";
import { EmployeeHeaderCells } from "../records/employee-header-cells";
import { HistoryList } from "../records/history-list";
import { queryKeys } from "../records/types";
import { sessionKeys } from "./keys";
import { SessionFields } from "./session-fields";

/** One training session: its facts (title, place, instructor, note correctable), its attendees' records and its history. */
export function SessionDetail({ id, initial, canEdit }: { id: number; initial: SessionDetailData; canEdit: boolean }) {
  const t = useTranslations("sessions");
  const tr = useTranslations("records");
  const tm = useTranslations("methods");
  const tc = useTranslations("common");
  const detail = useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: () => apiFetch<SessionDetailData>(`/api/v1/training-sessions/${id}`),
    initialData: initial,
  });
  const [editOpen, setEditOpen] = useState(false);
  const action = useAction({ invalidate: [sessionKeys.detail(id), sessionKeys.all] });
  const s = detail.data.session;
  const attendees = detail.data.attendees;
  const none = <span className="text-slate-500">{t("none")}</span>;

  const facts: [string, React.ReactNode][] = [
    [
      t("fields.course"),
      <Link key="c" href={`/training/courses/${s.courseId}`} className="text-brand-700 underline-offset-2 hover:underline">
        {s.courseCode} {s.courseTitle}
      </Link>,
    ],
    [t("fields.heldOn"), formatDate(s.heldOn)],
    [t("fields.method"), tm(s.method)],
    [t("fields.place"), s.place ?? none],
    [t("fields.instructor"), s.instructor ?? none],
    [t("fields.attendees"), t("attendeeCount", { count: s.attendeeCount })],
    [t("fields.note"), s.note ? <span className="whitespace-pre-wrap">{s.note}</span> : none],
    [t("fields.recordedBy"), t("recordedBy", { name: s.createdByName ?? t("system"), date: formatDateTime(s.createdAt) })],
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={sessionName(s)}
        description={t("heading", { date: formatDate(s.heldOn), method: tm(s.method) })}
        actions={
          <>
            <ButtonLink href="/training/sessions">{t("back")}</ButtonLink>
            {canEdit ? <Button onClick={() => setEditOpen(true)}>{tc("edit")}</Button> : null}
          </>
        }
      />
      <ActionMessage message={action.message} />

      <Card title={t("summary")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {facts.map(([k, v]) => (
            <div key={k} className="min-w-0">
              <dt className="text-xs font-medium text-slate-600">{k}</dt>
              <dd className="mt-0.5 text-sm break-words text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t("fixedFields")}</p>
      </Card>

      <Card title={t("attendeesTitle", { count: attendees.length })}>
        {attendees.length === 0 ? (
          <EmptyState>{t("noAttendees")}</EmptyState>
        ) : (
          <ScrollArea label={t("attendeesCaption")} className="rounded-lg border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("attendeesCaption")}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <EmployeeHeaderCells />
                  <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
                    {tr("columns.score")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                    {tr("columns.result")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {attendees.map((a) => (
                  <tr key={a.recordId} className={a.retired ? "text-slate-500" : undefined}>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{a.employeeNumber}</td>
                    <td className="px-3 py-2">
                      <Link
                        href={`/training/records/${a.recordId}`}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        aria-label={t("openRecord", { name: a.employeeName })}
                      >
                        {a.employeeName}
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-slate-700">{a.departmentName}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">{a.score === null ? tr("noScore") : tr("scoreValue", { score: a.score })}</td>
                    <td className="px-3 py-2">
                      <span className="flex flex-wrap gap-1">
                        <Badge tone={a.passed ? "green" : "red"}>{a.passed ? tr("result.passed") : tr("result.failed")}</Badge>
                        {a.retired ? <Badge tone="slate">{tr("retiredBadge")}</Badge> : null}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </Card>

      <Card title={tr("history.title")}>
        <HistoryList
          entries={detail.data.history}
          fieldLabel={(f) => (f === "courseId" ? t("fields.course") : t.has(`fields.${f}`) ? t(`fields.${f}`) : f)}
          formatValue={(f, v) => (f === "heldOn" ? formatDate(String(v)) : f === "method" ? tm(String(v)) : String(v))}
          actionLabel={(a) => (tr.has(`history.actions.${a}`) ? tr(`history.actions.${a}`) : a)}
        />
      </Card>

      {canEdit ? (
        <FormDialog open={editOpen} onClose={() => setEditOpen(false)} title={t("form.title")} recordId={s.id}>
          <SessionForm
            session={s}
            onCancel={() => setEditOpen(false)}
            onSaved={() => {
              setEditOpen(false);
              action.setMessage({ tone: "success", text: t("saved") });
            }}
          />
        </FormDialog>
      ) : null}
    </div>
  );
}

const valuesOf = (s: SessionDto) => ({ title: s.title ?? "", place: s.place ?? "", instructor: s.instructor ?? "", note: s.note ?? "" });

function SessionForm({ session, onCancel, onSaved }: { session: SessionDto; onCancel: () => void; onSaved: () => void }) {
  const t = useTranslations("sessions");
  const f = useForm({
    initial: valuesOf(session),
    record: session,
    schema: updateSessionSchema,
    toInput: (v) => ({ ...v }),
    fields: ["title", "place", "instructor", "note"],
    submit: (body) => apiFetch<SessionDto>(`/api/v1/training-sessions/${session.id}`, { method: "PATCH", json: body }),
    invalidate: [sessionKeys.detail(session.id), sessionKeys.all, queryKeys.records],
    onSaved,
    loadLatest: () => apiFetch<SessionDetailData>(`/api/v1/training-sessions/${session.id}`).then((d) => d.session),
    compare: { title: t("fields.title"), place: t("fields.place"), instructor: t("fields.instructor"), note: t("fields.note") },
    toValues: valuesOf,
  });
  return (
    <Form form={f} onCancel={onCancel} submitLabel={t("form.submit")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SessionFields form={f} titleOwnRow />
      </div>
      <TextAreaField label={t("fields.note")} {...f.field("note")} rows={3} maxLength={2000} />
    </Form>
  );
}
