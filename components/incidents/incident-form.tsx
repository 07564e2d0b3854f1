"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { computeReportingClocks } from "@/lib/incidents/reporting";
import {
  FINAL_REPORT_ITEMS,
  INCIDENT_CATEGORIES,
  INCIDENT_SEVERITIES,
  createIncidentSchema,
  toTokyoLocalInput,
  tokyoDateTime,
  updateIncidentSchema,
  type IncidentDto,
} from "@/lib/incidents/schema";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { incidentKeys } from "./common";

type DepartmentOption = { id: number; name: string; retired?: boolean };

type Values = Record<string, string | boolean>;

function initial(incident?: IncidentDto): Values {
  const v: Values = {
    title: incident?.title ?? "",
    category: incident?.category ?? "",
    occurredAt: toTokyoLocalInput(incident?.occurredAt ?? null),
    discoveredAt: toTokyoLocalInput(incident?.discoveredAt ?? null),
    departmentId: incident?.departmentId ? String(incident.departmentId) : "",
    description: incident?.description ?? "",
    dataInvolved: incident?.dataInvolved ?? "",
    personsAffected: incident ? String(incident.personsAffected) : "",
    sensitiveData: incident?.sensitiveData ?? false,
    financialLoss: incident?.financialLoss ?? false,
    wrongfulPurpose: incident?.wrongfulPurpose ?? false,
    encrypted: incident?.encrypted ?? false,
    severity: incident?.severity ?? "medium",
  };
  if (incident) {
    v.containment = incident.containment ?? "";
    for (const k of FINAL_REPORT_ITEMS) v[k] = incident[k] ?? "";
  }
  return v;
}

/**
 * "Report an incident" (anyone, short) and the privacy manager's full edit (with containment and the
 * nine items of the final report). Validated with the API's own schema; server errors beside the
 * fields; a stale version shows a reload button. Below the flags, what the product will compute.
 */
export function IncidentForm({
  incident,
  departments,
  onSaved,
  onConflictReload,
}: {
  incident?: IncidentDto;
  departments: DepartmentOption[];
  onSaved?: (saved: IncidentDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("incidents.form");
  const ti = useTranslations("incidents");
  const tAll = useTranslations();
  const router = useRouter();
  const qc = useQueryClient();
  const [v, setV] = useState<Values>(() => initial(incident));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const set = (k: string, value: string | boolean) => {
    setV((cur) => ({ ...cur, [k]: value }));
    setErrors((cur) => {
      if (!(k in cur)) return cur;
      const next = { ...cur };
      delete next[k];
      return next;
    });
  };
  const str = (k: string) => String(v[k] ?? "");
  const bool = (k: string) => v[k] === true;

  const save = useMutation({
    mutationFn: (body: unknown) =>
      incident ? apiFetch<IncidentDto>(`/api/v1/incidents/${incident.id}`, { method: "PATCH", json: body }) : apiFetch<IncidentDto>("/api/v1/incidents", { method: "POST", json: body }),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: incidentKeys.all });
      if (onSaved) onSaved(saved);
      else router.push(`/incidents/${saved.id}?created=1`);
    },
    onError: (err) => {
      if (err instanceof ApiProblem) {
        setErrors(err.fieldErrors);
        setProblem({ message: err.detail ?? err.title, conflict: err.status === 409 });
      } else setProblem({ message: ti("saveError"), conflict: false });
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setProblem(null);
    const input: Record<string, unknown> = { ...v, departmentId: str("departmentId") || null, ...(incident ? { version: incident.version } : {}) };
    const parsed = (incident ? updateIncidentSchema : createIncidentSchema).safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const fe of issuesToFieldErrors(parsed.error.issues)) found[fe.field] ??= tAll(fe.messageKey, fe.values);
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  // What the product will compute once saved (the same pure rules the server uses).
  const discovered = tokyoDateTime.safeParse(str("discoveredAt"));
  const persons = Number(str("personsAffected"));
  const preview =
    discovered.success && str("personsAffected") !== "" && Number.isInteger(persons) && persons >= 0
      ? computeReportingClocks({
          discoveredAt: discovered.data,
          sensitiveData: bool("sensitiveData"),
          financialLoss: bool("financialLoss"),
          wrongfulPurpose: bool("wrongfulPurpose"),
          encrypted: bool("encrypted"),
          personsAffected: persons,
        })
      : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {problem ? (
        <Alert tone={problem.conflict ? "warning" : "error"}>
          <p>{problem.conflict ? ti("conflict") : problem.message}</p>
          {problem.conflict && onConflictReload ? (
            <Button variant="secondary" className="mt-2" onClick={onConflictReload}>
              {ti("reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}

      <TextField label={t("title")} required value={str("title")} onChange={(e) => set("title", e.target.value)} error={errors.title} hint={t("titleHint")} maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("category")} required value={str("category")} onChange={(e) => set("category", e.target.value)} error={errors.category}>
          <option value="">{t("choose")}</option>
          {INCIDENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {ti(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("department")} value={str("departmentId")} onChange={(e) => set("departmentId", e.target.value)} error={errors.departmentId}>
          <option value="">{t("noDepartment")}</option>
          {departments
            .filter((d) => !d.retired || String(d.id) === str("departmentId"))
            .map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
        </SelectField>
        <TextField label={t("discoveredAt")} required type="datetime-local" value={str("discoveredAt")} onChange={(e) => set("discoveredAt", e.target.value)} error={errors.discoveredAt} hint={t("timeHint")} />
        <TextField label={t("occurredAt")} type="datetime-local" value={str("occurredAt")} onChange={(e) => set("occurredAt", e.target.value)} error={errors.occurredAt} hint={t("timeHint")} />
      </div>
      <TextAreaField label={t("description")} required rows={4} value={str("description")} onChange={(e) => set("description", e.target.value)} error={errors.description} hint={t("descriptionHint")} maxLength={4000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("dataInvolved")} value={str("dataInvolved")} onChange={(e) => set("dataInvolved", e.target.value)} error={errors.dataInvolved} hint={t("dataInvolvedHint")} />
        <TextField
          label={t("personsAffected")}
          required
          type="number"
          inputMode="numeric"
          min={0}
          value={str("personsAffected")}
          onChange={(e) => set("personsAffected", e.target.value)}
          error={errors.personsAffected}
        />
      </div>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("flags")}</legend>
        {(["sensitiveData", "financialLoss", "wrongfulPurpose", "encrypted"] as const).map((k) => (
          <CheckboxField key={k} label={t(k)} checked={bool(k)} onChange={(e) => set(k, e.target.checked)} />
        ))}
      </fieldset>
      <SelectField label={t("severity")} value={str("severity")} onChange={(e) => set("severity", e.target.value)} error={errors.severity} className="sm:max-w-48">
        {INCIDENT_SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {ti(`severities.${s}`)}
          </option>
        ))}
      </SelectField>

      {preview ? (
        <div aria-live="polite">
          <Alert tone={preview.reportable ? "warning" : "info"}>
            {t("preview")}
            {preview.reportable
              ? t("previewReportable", { prelim: formatDate(preview.preliminaryReportDue), final: formatDate(preview.finalReportDue) })
              : t("previewNotReportable", { prelim: formatDate(preview.pmarkPreliminaryReportDue) })}
          </Alert>
        </div>
      ) : null}

      {incident ? (
        <>
          <TextAreaField label={tAll("incidents.detail.containment")} rows={3} value={str("containment")} onChange={(e) => set("containment", e.target.value)} error={errors.containment} />
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-800">{tAll("incidents.edit.finalReport")}</legend>
            {FINAL_REPORT_ITEMS.map((k, i) => (
              <TextAreaField key={k} label={`${i + 1}. ${tAll(`incidents.finalReport.items.${k}`)}`} rows={2} value={str(k)} onChange={(e) => set(k, e.target.value)} error={errors[k]} />
            ))}
          </fieldset>
        </>
      ) : null}

      <div className="flex flex-wrap justify-end gap-2">
        {incident ? null : (
          <ButtonLink href="/incidents" variant="secondary">
            {t("cancel")}
          </ButtonLink>
        )}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("submitting") : incident ? tAll("incidents.edit.save") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
