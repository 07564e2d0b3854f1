"use client";

import { useTranslations } from "next-intl";
import { EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { REVIEW_OUTCOMES, REVIEW_TRIGGERS } from "@/lib/regulations/due";
import { createReviewSchema, updateReviewSchema, type RegulationDetail, type RegulationDto, type ReviewDto } from "@/lib/regulations/schema";
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
    <FormDialog open={open} onClose={onClose} title={review ? t("review.editTitle") : t("review.createTitle")} wide recordId={review?.id}>
      <ReviewForm regulation={regulation} review={review} today={today} onCancel={onClose} onSaved={onSaved} onConflictReload={onConflictReload} />
    </FormDialog>
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
  const versionLabel = useVersionLabel();
  const isDraftRegulation = regulation.status === "draft";
  const valuesOf = (r?: ReviewDto) => ({
    reviewedOn: r?.reviewedOn ?? today,
    reviewers: r?.reviewers ?? "",
    trigger: r?.trigger ?? "periodic",
    outcome: r?.outcome ?? (isDraftRegulation ? "revised" : "no_change"),
    summary: r?.summary ?? "",
    proposedEffectiveDate: r?.proposedEffectiveDate ?? "",
    minutes: r?.minutes ?? "",
  });
  const f = useForm({
    initial: valuesOf(review),
    record: review,
    schema: review ? updateReviewSchema : createReviewSchema,
    toInput: (v) => ({ ...v, proposedEffectiveDate: v.outcome === "revised" ? v.proposedEffectiveDate : null }),
    submit: (body) =>
      review
        ? apiFetch<ReviewDto>(`/api/v1/regulations/reviews/${review.id}`, { method: "PATCH", json: body })
        : apiFetch<ReviewDto>(`/api/v1/regulations/${regulation.id}/reviews`, { method: "POST", json: body }),
    invalidate: [regulationKeys.all],
    onSaved,
    // The draft review as the server holds it now (it comes with its regulation's detail).
    loadLatest: review
      ? async () => {
          const d = await apiFetch<RegulationDetail>(`/api/v1/regulations/${regulation.id}`);
          const latest = d.reviews.find((x) => x.id === review.id);
          if (!latest) throw new Error("review gone");
          return latest;
        }
      : undefined,
    compare: {
      reviewedOn: t("review.reviewedOn"),
      reviewers: t("review.reviewers"),
      trigger: t("review.trigger"),
      outcome: t("review.outcome"),
      summary: t("review.summary"),
      proposedEffectiveDate: t("review.proposedEffectiveDate"),
      minutes: t("review.minutes"),
    },
    toValues: valuesOf,
  });
  const v = f.values;
  const revised = v.outcome === "revised";
  const nextVersion = review?.proposedVersion ?? (regulation.currentVersion ?? 0) + 1;

  return (
    <Form form={f} onCancel={onCancel} onReload={onConflictReload}>
      <p className="text-sm text-slate-700">
        {regulation.code} {regulation.title}
        {tc("inParens", { text: versionLabel(regulation.currentVersion) })}
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("review.reviewedOn")} required type="date" {...f.field("reviewedOn")} />
        <div className="sm:col-span-2">
          <TextField label={t("review.reviewers")} required {...f.field("reviewers")} hint={t("review.reviewersHint")} maxLength={500} />
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <EnumSelect
          label={t("review.trigger")}
          required
          {...f.enumField("trigger")}
          values={REVIEW_TRIGGERS}
          optionLabel={(x) => t(`triggers.${x}`)}
        />
        <EnumSelect
          label={t("review.outcome")}
          required
          {...f.enumField("outcome")}
          values={REVIEW_OUTCOMES.filter((x) => !isDraftRegulation || x === "revised")}
          optionLabel={(x) => t(`outcomes.${x}`)}
        />
      </div>
      {revised ? (
        <div className="grid gap-4 rounded-md border border-blue-200 bg-blue-50 p-3 sm:grid-cols-2">
          <div>
            <p className="text-sm font-medium text-slate-800">{t("review.proposedVersion")}</p>
            <p className="mt-2 text-sm" data-testid="proposed-version">
              {t("review.willBe", { version: versionLabel(nextVersion) })}
            </p>
          </div>
          <TextField label={t("review.proposedEffectiveDate")} type="date" {...f.field("proposedEffectiveDate")} hint={t("review.proposedEffectiveHint")} />
        </div>
      ) : null}
      <TextAreaField label={t("review.summary")} required={revised} {...f.field("summary")} hint={t("review.summaryHint")} rows={3} maxLength={4000} />
      <TextAreaField label={t("review.minutes")} {...f.field("minutes")} rows={3} maxLength={20000} />
    </Form>
  );
}
