"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { todayInTokyo } from "@/lib/dates";
import { DEFAULT_REVIEW_INTERVAL_MONTHS } from "@/lib/regulations/due";
import { createRegulationSchema, updateRegulationSchema, type RegulationDto } from "@/lib/regulations/schema";
import { useFormErrors } from "./form-utils";
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
    <Dialog open={open} onClose={onClose} title={regulation ? t("form.editTitle") : t("form.createTitle")} wide>
      {open ? (
        <RegulationForm
          key={regulation ? `${regulation.id}-${regulation.version}` : "new"}
          regulation={regulation}
          owners={owners}
          onCancel={onClose}
          onSaved={onSaved}
          onConflictReload={onConflictReload}
        />
      ) : null}
    </Dialog>
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
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const f = useFormErrors();
  const [v, setV] = useState({
    code: regulation?.code ?? "",
    title: regulation?.title ?? "",
    description: regulation?.description ?? "",
    ownerUserId: regulation?.ownerUserId ? String(regulation.ownerUserId) : "",
    ownerName: regulation?.ownerName ?? "",
    reviewIntervalMonths: String(regulation?.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS),
    status: "in_force",
    currentVersion: "1",
    effectiveDate: todayInTokyo(),
    lastReviewedOn: "",
    versionSummary: "",
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV((cur) => ({ ...cur, [k]: e.target.value }));
    f.clear(k);
    if (k === "ownerUserId" || k === "ownerName") f.clear(k === "ownerUserId" ? "ownerName" : "ownerUserId");
  };

  const save = useMutation({
    mutationFn: (body: unknown) =>
      regulation
        ? apiFetch<RegulationDto>(`/api/v1/regulations/${regulation.id}`, { method: "PATCH", json: body })
        : apiFetch<RegulationDto>("/api/v1/regulations", { method: "POST", json: body }),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: regulationKeys.all });
      onSaved(saved);
    },
    onError: f.fromError,
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const common = {
      code: v.code,
      title: v.title,
      description: v.description,
      ownerUserId: v.ownerUserId,
      ownerName: v.ownerUserId ? null : v.ownerName,
      reviewIntervalMonths: v.reviewIntervalMonths,
    };
    const data = regulation
      ? f.validate(updateRegulationSchema, { ...common, version: regulation.version })
      : f.validate(createRegulationSchema, {
          ...common,
          status: v.status,
          currentVersion: v.currentVersion,
          effectiveDate: v.effectiveDate,
          lastReviewedOn: v.lastReviewedOn,
          versionSummary: v.versionSummary,
        });
    if (data) save.mutate(data);
  }

  const draft = v.status === "draft";
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {f.problem ? (
        <Alert tone={f.problem.conflict ? "warning" : "error"}>
          <p>{f.problem.conflict ? t("form.conflict") : f.problem.message}</p>
          {f.problem.conflict && onConflictReload ? (
            <Button variant="secondary" className="mt-2" onClick={onConflictReload}>
              {t("form.reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("fields.code")} required value={v.code} onChange={set("code")} error={f.errors.code} maxLength={40} autoComplete="off" />
        <div className="sm:col-span-2">
          <TextField label={t("fields.title")} required value={v.title} onChange={set("title")} error={f.errors.title} maxLength={200} />
        </div>
      </div>
      <TextAreaField label={t("fields.description")} value={v.description} onChange={set("description")} error={f.errors.description} rows={2} maxLength={4000} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={t("fields.ownerUserId")} value={v.ownerUserId} onChange={set("ownerUserId")} error={f.errors.ownerUserId} hint={t("fields.ownerHint")}>
          <option value="">{t("fields.ownerNone")}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("fields.ownerName")}
          value={v.ownerUserId ? "" : v.ownerName}
          disabled={!!v.ownerUserId}
          onChange={set("ownerName")}
          error={f.errors.ownerName}
          maxLength={100}
        />
        <TextField
          label={t("fields.reviewIntervalMonths")}
          required
          inputMode="numeric"
          value={v.reviewIntervalMonths}
          onChange={set("reviewIntervalMonths")}
          error={f.errors.reviewIntervalMonths}
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
                <input type="radio" name="reg-status" className="h-4 w-4" checked={v.status === s} onChange={() => setV((c) => ({ ...c, status: s }))} />
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
                value={v.currentVersion}
                onChange={set("currentVersion")}
                error={f.errors.currentVersion}
                hint={t("versionLabel", { n: Number(v.currentVersion) || 1 })}
              />
            ) : null}
            <TextField
              label={t(draft ? "fields.plannedEffectiveDate" : "fields.effectiveDate")}
              required
              type="date"
              value={v.effectiveDate}
              onChange={set("effectiveDate")}
              error={f.errors.effectiveDate}
            />
            {!draft ? <TextField label={t("fields.lastReviewedOn")} type="date" value={v.lastReviewedOn} onChange={set("lastReviewedOn")} error={f.errors.lastReviewedOn} /> : null}
          </div>
          {!draft ? (
            <TextAreaField label={t("fields.versionSummary")} value={v.versionSummary} onChange={set("versionSummary")} error={f.errors.versionSummary} rows={2} maxLength={2000} />
          ) : null}
        </>
      )}
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
