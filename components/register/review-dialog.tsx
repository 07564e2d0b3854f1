"use client";

import { useTranslations } from "next-intl";
import { CheckboxField, EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { todayInTokyo } from "@/lib/dates";
import { REGISTER_REVIEW_RESULTS } from "@/lib/register/enums";
import { createReviewSchema, type ItemDetail, type RegisterItemDto, type RegisterReviewDto } from "@/lib/register/schema";
import { registerKeys } from "./keys";

/**
 * Records a review (docs/domain.md §6): of one item (its version is sent: a change since it was opened is
 * a conflict) or, without `item`, of the whole register — every item in use counts as reviewed that day.
 */
export function ReviewDialog({ open, onClose, item, onSaved }: { open: boolean; onClose: () => void; item?: RegisterItemDto; onSaved?: () => void }) {
  const t = useTranslations("register.review");
  return (
    <FormDialog open={open} onClose={onClose} title={item ? t("dialogItem", { name: item.name }) : t("dialogRegister")} recordId={item?.id}>
      <ReviewForm
        item={item}
        onDone={() => {
          onSaved?.();
          onClose();
        }}
        onCancel={onClose}
      />
    </FormDialog>
  );
}

function ReviewForm({ item, onDone, onCancel }: { item?: RegisterItemDto; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("register.review");
  const tr = useTranslations("register");
  const f = useForm({
    initial: { reviewedOn: todayInTokyo(), reviewer: "", result: "no_change" as (typeof REGISTER_REVIEW_RESULTS)[number], changes: "", risksReviewed: true },
    record: item,
    schema: createReviewSchema,
    toInput: (v) => ({ ...v, itemId: item?.id ?? null }),
    submit: (body) => apiFetch<RegisterReviewDto>("/api/v1/register/reviews", { method: "POST", json: body }),
    invalidate: [registerKeys.all],
    onSaved: onDone,
    loadLatest: item ? () => apiFetch<ItemDetail>(`/api/v1/register/items/${item.id}`).then((d) => d.item) : undefined,
    compare: { lastReviewedOn: tr("fields.lastReviewedOn"), name: tr("fields.name") },
  });
  const results = item ? REGISTER_REVIEW_RESULTS : REGISTER_REVIEW_RESULTS.filter((r) => r !== "retired");
  return (
    <Form form={f} onCancel={onCancel} submitLabel={tr("actions.review")}>
      {!item ? <p className="text-sm text-slate-700">{t("registerHint")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("reviewedOn")} type="date" required {...f.field("reviewedOn")} />
        <TextField label={t("reviewer")} required maxLength={100} {...f.field("reviewer")} />
      </div>
      <EnumSelect label={t("result")} required values={results} optionLabel={(r) => t(`resultLabel.${r}`)} {...f.enumField("result")} />
      <TextAreaField label={t("changes")} rows={3} required={f.values.result === "changed"} {...f.field("changes")} />
      <CheckboxField label={t("risksReviewed")} checked={f.values.risksReviewed} onChange={(e) => f.setValue("risksReviewed", e.target.checked)} />
    </Form>
  );
}
