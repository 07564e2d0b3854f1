"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import type { Column } from "@/components/ui/data-table";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { ConfirmDialog } from "@/components/ui/dialog";
import { IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import {
  createManagementReviewSchema,
  createReviewActionSchema,
  listManagementReviewsQuery,
  updateManagementReviewSchema,
  type ManagementReviewDetail,
  type ManagementReviewDto,
  type ReviewActionDto,
} from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/list/page";
import type { Person } from "./labels";

const INPUTS = ["inputAuditResults", "inputIncidents", "inputTraining", "inputContractors", "inputLawChanges", "inputOther"] as const;

export function ManagementReviewList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("managementReviews");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const router = useRouter();
  const listParams = useListParams(listManagementReviewsQuery);
  const qs = listParams.search;
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ["audits", "reviews", qs], queryFn: () => apiFetch<Page<ManagementReviewDto>>(`/api/v1/management-reviews${qs}`) });
  const columns: Column<ManagementReviewDto>[] = [
    { key: "heldOn", header: t("fields.heldOn"), cell: (r) => formatDate(r.heldOn) },
    {
      key: "title",
      header: t("fields.title"),
      textWidth: "title",
      cell: (r) => (
        <Link className="font-medium text-brand-700 underline" href={`/audits/management-reviews/${r.id}`}>
          {r.title}
        </Link>
      ),
    },
    { key: "participants", header: t("fields.participants"), textWidth: "title", cell: (r) => r.participants },
    { key: "actions", header: t("fields.openActions"), cell: (r) => `${r.openActionCount} / ${r.actionCount}` },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setCreating(true)}>{t("new")}</Button> : null} />
      {/* The dashboard's "management review held" opens this list with fy and held=true. */}
      <FilterBar label={tc("filter")} params={listParams} total={list.data?.total}>
        {listParams.values.fy ? <span className="self-center text-sm text-slate-700">{t("filters.fy", { fy: listParams.values.fy })}</span> : null}
        <FlagCheckbox label={t("filters.heldOnly")} params={listParams} name="held" />
      </FilterBar>
      <ListTable caption={t("tableCaption")} columns={columns} rowKey={(r) => r.id} query={list} params={listParams} empty={t("empty")} />
      <FormDialog open={creating} onClose={() => setCreating(false)} title={t("form.createTitle")} wide>
        <ReviewForm
          onCancel={() => setCreating(false)}
          onDone={(d) => {
            setCreating(false);
            void qc.invalidateQueries({ queryKey: ["audits", "reviews"] });
            router.push(`/audits/management-reviews/${d.review.id}`);
          }}
        />
      </FormDialog>
    </div>
  );
}

const reviewValues = (r?: ManagementReviewDto) => ({
  heldOn: r?.heldOn ?? "",
  title: r?.title ?? "",
  participants: r?.participants ?? "",
  inputAuditResults: r?.inputAuditResults ?? "",
  inputIncidents: r?.inputIncidents ?? "",
  inputTraining: r?.inputTraining ?? "",
  inputContractors: r?.inputContractors ?? "",
  inputLawChanges: r?.inputLawChanges ?? "",
  inputOther: r?.inputOther ?? "",
  decisions: r?.decisions ?? "",
});

function ReviewForm({ review, onDone, onCancel }: { review?: ManagementReviewDto; onDone: (d: ManagementReviewDetail) => void; onCancel: () => void }) {
  const t = useTranslations("managementReviews");
  const f = useForm({
    initial: reviewValues(review),
    record: review,
    schema: review ? updateManagementReviewSchema : createManagementReviewSchema,
    submit: (body) =>
      review
        ? apiFetch<ManagementReviewDetail>(`/api/v1/management-reviews/${review.id}`, { method: "PATCH", json: body })
        : apiFetch<ManagementReviewDetail>("/api/v1/management-reviews", { method: "POST", json: body }),
    onSaved: onDone,
    invalidate: [["audits", "reviews"]],
    loadLatest: review ? async () => (await apiFetch<ManagementReviewDetail>(`/api/v1/management-reviews/${review.id}`)).review : undefined,
    compare: Object.fromEntries((["heldOn", "title", "participants", ...INPUTS, "decisions"] as const).map((k) => [k, t(`fields.${k}`)])),
    toValues: reviewValues,
  });
  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField type="date" label={t("fields.heldOn")} required {...f.field("heldOn")} />
        <div className="sm:col-span-2">
          <TextField label={t("fields.title")} required {...f.field("title")} />
        </div>
      </div>
      <TextField label={t("fields.participants")} required {...f.field("participants")} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">{t("inputs")}</legend>
        {INPUTS.map((k) => (
          <TextAreaField key={k} rows={2} label={t(`fields.${k}`)} {...f.field(k)} />
        ))}
      </fieldset>
      <TextAreaField rows={3} label={t("fields.decisions")} {...f.field("decisions")} />
    </Form>
  );
}

export function ManagementReviewDetailView({ initial, canEdit, people }: { initial: ManagementReviewDetail; canEdit: boolean; people: Person[] }) {
  const t = useTranslations("managementReviews");
  const tc = useTranslations("common");
  const id = initial.review.id;
  const q = useQuery({ queryKey: ["audits", "review", id], queryFn: () => apiFetch<ManagementReviewDetail>(`/api/v1/management-reviews/${id}`), initialData: initial });
  const { review, actions } = q.data;
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [toggling, setToggling] = useState<ReviewActionDto | null>(null);
  const action = useAction({ invalidate: [["audits", "review", id]] });
  const setMessage = action.setMessage;

  async function toggle(a: ReviewActionDto) {
    await action.run(
      () =>
        apiFetch(`/api/v1/management-reviews/actions/${a.id}`, {
          method: "PATCH",
          json: { description: a.description, ownerUserId: a.ownerUserId, ownerName: a.ownerName, dueDate: a.dueDate, note: a.note, status: a.status === "done" ? "open" : "done", version: a.version },
        }),
      { success: t("actions.saved") },
    );
    setToggling(null);
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
      <ActionMessage message={action.message} />
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
                    {t("actions.owner")}: {a.ownerLabel || "—"}
                    {tc("dot")}
                    {t("actions.dueDate")}: {formatDate(a.dueDate) || "—"}
                    {a.doneOn ? `${tc("dot")}${t("actions.doneOn")}: ${formatDate(a.doneOn)}` : ""}
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
      <FormDialog open={editing} onClose={() => setEditing(false)} title={t("form.editTitle")} wide recordId={review.id}>
        <ReviewForm
          review={review}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setMessage({ tone: "success", text: t("form.updated") });
            void action.refresh();
          }}
        />
      </FormDialog>
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
        busy={action.busy}
        onConfirm={() => toggling && void toggle(toggling)}
        onCancel={() => setToggling(null)}
      />
      <FormDialog open={adding} onClose={() => setAdding(false)} title={t("actions.add")}>
        <ActionForm
          reviewId={id}
          people={people}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setMessage({ tone: "success", text: t("actions.saved") });
          }}
        />
      </FormDialog>
    </div>
  );
}

function ActionForm({ reviewId, people, onDone, onCancel }: { reviewId: number; people: Person[]; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("managementReviews.actions");
  const f = useForm({
    initial: { description: "", ownerUserId: "", ownerName: "", dueDate: "" },
    schema: createReviewActionSchema,
    submit: (body) => apiFetch(`/api/v1/management-reviews/${reviewId}/actions`, { method: "POST", json: body }),
    invalidate: [["audits", "review", reviewId]],
    onSaved: onDone,
  });
  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <TextAreaField rows={2} label={t("description")} required {...f.field("description")} />
      <IdSelect label={t("owner")} {...f.idField("ownerUserId")} options={people.map((p) => ({ id: p.id, label: p.name }))} empty={t("ownerNone")} />
      <TextField label={t("ownerName")} {...f.field("ownerName")} />
      <TextField type="date" label={t("dueDate")} {...f.field("dueDate")} />
    </Form>
  );
}
