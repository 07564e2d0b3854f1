"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { REVIEW_OUTCOMES, REVIEW_TRIGGERS } from "@/lib/regulations/due";
import { createReviewSchema, updateReviewSchema, type RegulationDto, type ReviewDto } from "@/lib/regulations/schema";
import { useFormErrors } from "./form-utils";
import { regulationKeys, useVersionLabel } from "./labels";

/** Record a review as a draft (or edit the draft): nothing changes in the register until approval. */
export function ReviewFormDialog({
  open,
  onClose,
  regulation,
  review,
  today,
  onSaved,
  onConflictReload,
}: {
  open: boolean;
  onClose: () => void;
  regulation: RegulationDto;
  review?: ReviewDto;
  today: string;
  onSaved: (r: ReviewDto) => void;
  onConflictReload: () => void;
}) {
  const t = useTranslations("regulations");
  return (
    <Dialog open={open} onClose={onClose} title={review ? t("review.editTitle") : t("review.createTitle")} wide>
      {open ? (
        <ReviewForm
          key={review ? `${review.id}-${review.version}` : "new"}
          regulation={regulation}
          review={review}
          today={today}
          onCancel={onClose}
          onSaved={onSaved}
          onConflictReload={onConflictReload}
        />
      ) : null}
    </Dialog>
  );
}

function ReviewForm({
  regulation,
  review,
  today,
  onCancel,
  onSaved,
  onConflictReload,
}: {
  regulation: RegulationDto;
  review?: ReviewDto;
  today: string;
  onCancel: () => void;
  onSaved: (r: ReviewDto) => void;
  onConflictReload: () => void;
}) {
  const t = useTranslations("regulations");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const f = useFormErrors();
  const versionLabel = useVersionLabel();
  const isDraftRegulation = regulation.status === "draft";
  const [v, setV] = useState({
    reviewedOn: review?.reviewedOn ?? today,
    reviewers: review?.reviewers ?? "",
    trigger: review?.trigger ?? "periodic",
    outcome: review?.outcome ?? (isDraftRegulation ? "revised" : "no_change"),
    summary: review?.summary ?? "",
    proposedEffectiveDate: review?.proposedEffectiveDate ?? "",
    minutes: review?.minutes ?? "",
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV((cur) => ({ ...cur, [k]: e.target.value }));
    f.clear(k);
  };
  const revised = v.outcome === "revised";
  const nextVersion = review?.proposedVersion ?? (regulation.currentVersion ?? 0) + 1;

  const save = useMutation({
    mutationFn: (body: unknown) =>
      review
        ? apiFetch<ReviewDto>(`/api/v1/regulations/reviews/${review.id}`, { method: "PATCH", json: body })
        : apiFetch<ReviewDto>(`/api/v1/regulations/${regulation.id}/reviews`, { method: "POST", json: body }),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: regulationKeys.all });
      onSaved(saved);
    },
    onError: f.fromError,
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { ...v, proposedEffectiveDate: revised ? v.proposedEffectiveDate : null, ...(review ? { version: review.version } : {}) };
    const data = f.validate(review ? updateReviewSchema : createReviewSchema, input);
    if (data) save.mutate(data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {f.problem ? (
        <Alert tone={f.problem.conflict ? "warning" : "error"}>
          <p>{f.problem.message}</p>
          {f.problem.conflict ? (
            <Button variant="secondary" className="mt-2" onClick={onConflictReload}>
              {t("form.reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <p className="text-sm text-slate-700">
        {regulation.code} {regulation.title}（{versionLabel(regulation.currentVersion)}）
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("review.reviewedOn")} required type="date" value={v.reviewedOn} onChange={set("reviewedOn")} error={f.errors.reviewedOn} />
        <div className="sm:col-span-2">
          <TextField label={t("review.reviewers")} required value={v.reviewers} onChange={set("reviewers")} error={f.errors.reviewers} hint={t("review.reviewersHint")} maxLength={500} />
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("review.trigger")} required value={v.trigger} onChange={set("trigger")} error={f.errors.trigger}>
          {REVIEW_TRIGGERS.map((x) => (
            <option key={x} value={x}>
              {t(`triggers.${x}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("review.outcome")} required value={v.outcome} onChange={set("outcome")} error={f.errors.outcome}>
          {REVIEW_OUTCOMES.filter((x) => !isDraftRegulation || x === "revised").map((x) => (
            <option key={x} value={x}>
              {t(`outcomes.${x}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {revised ? (
        <div className="grid gap-4 rounded-md border border-blue-200 bg-blue-50 p-3 sm:grid-cols-2">
          <div>
            <p className="text-sm font-medium text-slate-800">{t("review.proposedVersion")}</p>
            <p className="mt-2 text-sm" data-testid="proposed-version">
              {t("review.willBe", { version: versionLabel(nextVersion) })}
            </p>
          </div>
          <TextField
            label={t("review.proposedEffectiveDate")}
            type="date"
            value={v.proposedEffectiveDate}
            onChange={set("proposedEffectiveDate")}
            error={f.errors.proposedEffectiveDate}
            hint={t("review.proposedEffectiveHint")}
          />
        </div>
      ) : null}
      <TextAreaField
        label={t("review.summary")}
        required={revised}
        value={v.summary}
        onChange={set("summary")}
        error={f.errors.summary}
        hint={t("review.summaryHint")}
        rows={3}
        maxLength={4000}
      />
      <TextAreaField label={t("review.minutes")} value={v.minutes} onChange={set("minutes")} error={f.errors.minutes} rows={3} maxLength={20000} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
