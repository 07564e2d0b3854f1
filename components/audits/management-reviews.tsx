"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormErrors } from "@/components/regulations/form-utils";
import {
  createManagementReviewSchema,
  createReviewActionSchema,
  updateManagementReviewSchema,
  type ManagementReviewDetail,
  type ManagementReviewDto,
  type ReviewActionDto,
} from "@/lib/audits/schema";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { Person } from "./labels";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
const INPUTS = ["inputAuditResults", "inputIncidents", "inputTraining", "inputContractors", "inputLawChanges", "inputOther"] as const;

export function ManagementReviewList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("managementReviews");
  const qc = useQueryClient();
  const router = useRouter();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ["audits", "reviews", page], queryFn: () => apiFetch<Page<ManagementReviewDto>>(`/api/v1/management-reviews?page=${page}`) });
  const columns: Column<ManagementReviewDto>[] = [
    { key: "heldOn", header: t("fields.heldOn"), cell: (r) => formatDate(r.heldOn) },
    {
      key: "title",
      header: t("fields.title"),
      cell: (r) => (
        <Link className="font-medium text-brand-700 underline" href={`/audits/management-reviews/${r.id}`}>
          {r.title}
        </Link>
      ),
    },
    { key: "participants", header: t("fields.participants"), cell: (r) => r.participants },
    { key: "actions", header: t("fields.openActions"), cell: (r) => `${r.openActionCount} / ${r.actionCount}` },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setCreating(true)}>{t("new")}</Button> : null} />
      {list.data && list.data.total === 0 ? <EmptyState>{t("empty")}</EmptyState> : null}
      <DataTable caption={t("tableCaption")} columns={columns} rows={list.data?.items} rowKey={(r) => r.id} loading={list.isFetching} error={list.error} onRetry={() => list.refetch()} />
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} /> : null}
      <Dialog open={creating} onClose={() => setCreating(false)} title={t("form.createTitle")} wide>
        {creating ? (
          <ReviewForm
            onCancel={() => setCreating(false)}
            onDone={(d) => {
              setCreating(false);
              void qc.invalidateQueries({ queryKey: ["audits", "reviews"] });
              router.push(`/audits/management-reviews/${d.review.id}`);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function ReviewForm({ review, onDone, onCancel }: { review?: ManagementReviewDto; onDone: (d: ManagementReviewDetail) => void; onCancel: () => void }) {
  const t = useTranslations("managementReviews");
  const tc = useTranslations("common");
  const { errors, problem, validate, fromError } = useFormErrors();
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const base: Record<string, unknown> = { heldOn: fd.get("heldOn"), title: fd.get("title"), participants: fd.get("participants"), decisions: fd.get("decisions") };
    for (const k of INPUTS) base[k] = fd.get(k);
    const input = review ? validate(updateManagementReviewSchema, { ...base, version: review.version }) : validate(createManagementReviewSchema, base);
    if (!input) return;
    setBusy(true);
    try {
      onDone(
        review
          ? await apiFetch<ManagementReviewDetail>(`/api/v1/management-reviews/${review.id}`, { method: "PATCH", json: input })
          : await apiFetch<ManagementReviewDetail>("/api/v1/management-reviews", { method: "POST", json: input }),
      );
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {problem ? <Alert tone={problem.conflict ? "warning" : "error"}>{problem.conflict ? t("form.conflict") : problem.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="heldOn" type="date" label={t("fields.heldOn")} required defaultValue={review?.heldOn ?? ""} error={errors.heldOn} />
        <div className="sm:col-span-2">
          <TextField name="title" label={t("fields.title")} required defaultValue={review?.title ?? ""} error={errors.title} />
        </div>
      </div>
      <TextField name="participants" label={t("fields.participants")} required defaultValue={review?.participants ?? ""} error={errors.participants} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">{t("inputs")}</legend>
        {INPUTS.map((k) => (
          <TextAreaField key={k} name={k} rows={2} label={t(`fields.${k}`)} defaultValue={review?.[k] ?? ""} error={errors[k]} />
        ))}
      </fieldset>
      <TextAreaField name="decisions" rows={3} label={t("fields.decisions")} defaultValue={review?.decisions ?? ""} error={errors.decisions} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}

export function ManagementReviewDetailView({ initial, canEdit, people }: { initial: ManagementReviewDetail; canEdit: boolean; people: Person[] }) {
  const t = useTranslations("managementReviews");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const id = initial.review.id;
  const q = useQuery({ queryKey: ["audits", "review", id], queryFn: () => apiFetch<ManagementReviewDetail>(`/api/v1/management-reviews/${id}`), initialData: initial });
  const { review, actions } = q.data;
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);
  const [toggling, setToggling] = useState<ReviewActionDto | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ["audits", "review", id] });

  async function toggle(a: ReviewActionDto) {
    setBusy(true);
    try {
      await apiFetch(`/api/v1/management-reviews/actions/${a.id}`, {
        method: "PATCH",
        json: { description: a.description, ownerUserId: a.ownerUserId, ownerName: a.ownerName, dueDate: a.dueDate, note: a.note, status: a.status === "done" ? "open" : "done", version: a.version },
      });
      setMessage({ tone: "success", text: t("actions.saved") });
      await refresh();
    } catch (err) {
      setMessage({ tone: err instanceof ApiProblem && err.status === 409 ? "warning" : "error", text: err instanceof ApiProblem ? (err.detail ?? err.title) : tc("errorBody") });
    } finally {
      setBusy(false);
      setToggling(null);
    }
  }

  return (
    <div className="space-y-6">
      <Link href="/audits/management-reviews" className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <PageHeader
        title={review.title}
        description={`${t("fields.heldOn")}: ${formatDate(review.heldOn)}`}
        actions={
          canEdit ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {tc("edit")}
            </Button>
          ) : null
        }
      />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Card>
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="text-xs text-slate-600">{t("fields.participants")}</dt>
            <dd>{review.participants}</dd>
          </div>
          {INPUTS.map((k) => (
            <div key={k}>
              <dt className="text-xs text-slate-600">{t(`fields.${k}`)}</dt>
              <dd className="whitespace-pre-wrap">{review[k] ?? "—"}</dd>
            </div>
          ))}
          <div>
            <dt className="text-xs font-semibold text-slate-800">{t("fields.decisions")}</dt>
            <dd className="whitespace-pre-wrap">{review.decisions ?? "—"}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t("actions.title")} action={canEdit ? <Button onClick={() => setAdding(true)}>{t("actions.add")}</Button> : null}>
        {actions.length === 0 ? (
          <EmptyState>{t("actions.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {actions.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                <div>
                  <p>{a.description}</p>
                  <p className="text-xs text-slate-600">
                    {t("actions.owner")}: {a.ownerLabel || "—"} ・ {t("actions.dueDate")}: {formatDate(a.dueDate) || "—"}
                    {a.doneOn ? ` ・ ${t("actions.doneOn")}: ${formatDate(a.doneOn)}` : ""}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={a.status === "done" ? "green" : "slate"}>{t(`status.${a.status}`)}</Badge>
                  {a.overdue ? <Badge tone="red">{t("actions.overdue")}</Badge> : null}
                  {canEdit ? (
                    <Button variant="ghost" onClick={() => setToggling(a)}>
                      {a.status === "done" ? t("actions.reopen") : t("actions.markDone")}
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Dialog open={editing} onClose={() => setEditing(false)} title={t("form.editTitle")} wide>
        {editing ? (
          <ReviewForm
            review={review}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              setMessage({ tone: "success", text: t("form.updated") });
              void refresh();
            }}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={toggling !== null}
        title={toggling?.status === "done" ? t("actions.reopenTitle") : t("actions.markDoneTitle")}
        body={
          toggling ? (
            <>
              <p>{toggling.status === "done" ? t("actions.reopenBody") : t("actions.markDoneBody")}</p>
              <p className="mt-2 rounded bg-slate-50 p-2 text-slate-900">{toggling.description}</p>
            </>
          ) : (
            ""
          )
        }
        confirmLabel={toggling?.status === "done" ? t("actions.reopen") : t("actions.markDone")}
        tone={toggling?.status === "done" ? "danger" : "primary"}
        busy={busy}
        onConfirm={() => toggling && toggle(toggling)}
        onCancel={() => setToggling(null)}
      />
      <Dialog open={adding} onClose={() => setAdding(false)} title={t("actions.add")}>
        {adding ? (
          <ActionForm
            reviewId={id}
            people={people}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              setMessage({ tone: "success", text: t("actions.saved") });
              void refresh();
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function ActionForm({ reviewId, people, onDone, onCancel }: { reviewId: number; people: Person[]; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("managementReviews.actions");
  const tc = useTranslations("common");
  const { errors, problem, validate, fromError } = useFormErrors();
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const input = validate(createReviewActionSchema, { description: fd.get("description"), ownerUserId: fd.get("ownerUserId"), ownerName: fd.get("ownerName"), dueDate: fd.get("dueDate") });
    if (!input) return;
    setBusy(true);
    try {
      await apiFetch(`/api/v1/management-reviews/${reviewId}/actions`, { method: "POST", json: input });
      onDone();
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {problem ? <Alert tone="error">{problem.message}</Alert> : null}
      <TextAreaField name="description" rows={2} label={t("description")} required error={errors.description} />
      <SelectField name="ownerUserId" label={t("owner")} defaultValue="" error={errors.ownerUserId}>
        <option value="">{t("ownerNone")}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField name="ownerName" label={t("ownerName")} error={errors.ownerName} />
      <TextField name="dueDate" type="date" label={t("dueDate")} error={errors.dueDate} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
