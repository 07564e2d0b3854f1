"use client";

import { useTranslations } from "next-intl";
import { IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { todayInTokyo } from "@/lib/dates";
import { DEFAULT_REVIEW_INTERVAL_MONTHS } from "@/lib/regulations/due";
import { createRegulationSchema, updateRegulationSchema, type RegulationDetail, type RegulationDto } from "@/lib/regulations/schema";
import { regulationKeys } from "./labels";

export type OwnerOption = { id: number; name: string };

/** Register a regulation, or edit its code, title, owner and review interval. */
export function RegulationFormDialog({
  open,
  onClose,
  regulation,
  owners,
  onSaved,
  onConflictReload,
}: {
  open: boolean;
  onClose: () => void;
  regulation?: RegulationDto;
  owners: OwnerOption[];
  onSaved: (r: RegulationDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("regulations");
  return (
    <FormDialog open={open} onClose={onClose} title={regulation ? t("form.editTitle") : t("form.createTitle")} wide recordId={regulation?.id}>
      <RegulationForm regulation={regulation} owners={owners} onCancel={onClose} onSaved={onSaved} onConflictReload={onConflictReload} />
    </FormDialog>
  );
}

function RegulationForm({
  regulation,
  owners,
  onCancel,
  onSaved,
  onConflictReload,
}: {
  regulation?: RegulationDto;
  owners: OwnerOption[];
  onCancel: () => void;
  onSaved: (r: RegulationDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("regulations");
  const valuesOf = (r?: RegulationDto) => ({
    code: r?.code ?? "",
    title: r?.title ?? "",
    description: r?.description ?? "",
    ownerUserId: r?.ownerUserId ? String(r.ownerUserId) : "",
    ownerName: r?.ownerName ?? "",
    reviewIntervalMonths: String(r?.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS),
    status: "in_force" as "in_force" | "draft",
    currentVersion: "1",
    effectiveDate: todayInTokyo(),
    lastReviewedOn: "",
    versionSummary: "",
  });
  const f = useForm({
    initial: valuesOf(regulation),
    record: regulation,
    schema: regulation ? updateRegulationSchema : createRegulationSchema,
    toInput: (v) => {
      const common = {
        code: v.code,
        title: v.title,
        description: v.description,
        ownerUserId: v.ownerUserId,
        ownerName: v.ownerUserId ? null : v.ownerName,
        reviewIntervalMonths: v.reviewIntervalMonths,
      };
      return regulation
        ? common
        : { ...common, status: v.status, currentVersion: v.currentVersion, effectiveDate: v.effectiveDate, lastReviewedOn: v.lastReviewedOn, versionSummary: v.versionSummary };
    },
    submit: (body) =>
      regulation
        ? apiFetch<RegulationDto>(`/api/v1/regulations/${regulation.id}`, { method: "PATCH", json: body })
        : apiFetch<RegulationDto>("/api/v1/regulations", { method: "POST", json: body }),
    invalidate: [regulationKeys.all],
    onSaved,
    // GET answers the regulation with its versions and reviews.
    loadLatest: regulation ? async () => (await apiFetch<RegulationDetail>(`/api/v1/regulations/${regulation.id}`)).regulation : undefined,
    compare: {
      code: t("fields.code"),
      title: t("fields.title"),
      description: t("fields.description"),
      ownerUserId: t("fields.ownerUserId"),
      ownerName: t("fields.ownerName"),
      reviewIntervalMonths: t("fields.reviewIntervalMonths"),
    },
    toValues: valuesOf,
  });
  const v = f.values;
  const ownerField = f.idField("ownerUserId");
  const onOwnerChange = (id: number | undefined) => {
    ownerField.onValueChange(id);
    f.clearError("ownerName");
  };

  const draft = v.status === "draft";
  return (
    <Form form={f} onCancel={onCancel} onReload={onConflictReload}>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("fields.code")} required {...f.field("code")} maxLength={40} autoComplete="off" />
        <div className="sm:col-span-2">
          <TextField label={t("fields.title")} required {...f.field("title")} maxLength={200} />
        </div>
      </div>
      <TextAreaField label={t("fields.description")} {...f.field("description")} rows={2} maxLength={4000} />
      <div className="grid gap-4 sm:grid-cols-3">
        <IdSelect
          label={t("fields.ownerUserId")}
          {...ownerField}
          onValueChange={onOwnerChange}
          options={owners.map((o) => ({ id: o.id, label: o.name }))}
          empty={t("fields.ownerNone")}
          hint={t("fields.ownerHint")}
        />
        <TextField
          label={t("fields.ownerName")}
          {...f.field("ownerName")}
          value={v.ownerUserId ? "" : v.ownerName}
          disabled={!!v.ownerUserId}
          maxLength={100}
        />
        <TextField
          label={t("fields.reviewIntervalMonths")}
          required
          inputMode="numeric"
          {...f.field("reviewIntervalMonths")}
          hint={t("fields.reviewIntervalHint")}
        />
      </div>
      {regulation ? (
        <p className="text-xs text-slate-600">{t("form.versionsNote")}</p>
      ) : (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("fields.initialStatus")}</legend>
            {(["in_force", "draft"] as const).map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="radio" name="reg-status" className="h-4 w-4" checked={v.status === s} onChange={() => f.setValue("status", s)} />
                {t(s === "in_force" ? "form.statusInForce" : "form.statusDraft")}
              </label>
            ))}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            {!draft ? (
              <TextField
                label={t("fields.currentVersion")}
                required
                inputMode="numeric"
                {...f.field("currentVersion")}
                hint={t("versionLabel", { n: Number(v.currentVersion) || 1 })}
              />
            ) : null}
            <TextField
              label={t(draft ? "fields.plannedEffectiveDate" : "fields.effectiveDate")}
              required
              type="date"
              {...f.field("effectiveDate")}
            />
            {!draft ? <TextField label={t("fields.lastReviewedOn")} type="date" {...f.field("lastReviewedOn")} /> : null}
          </div>
          {!draft ? (
            <TextAreaField label={t("fields.versionSummary")} {...f.field("versionSummary")} rows={2} maxLength={2000} />
          ) : null}
        </>
      )}
    </Form>
  );
}
