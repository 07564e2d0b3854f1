"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { CheckboxField, EnumSelect, IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
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
  type FinalReportItem,
  type IncidentDetail,
  type IncidentDto,
} from "@/lib/incidents/schema";
import type { LinkedItem } from "@/lib/register/linked-item";
import { RegisterItemPicker } from "@/components/register/item-picker";
import { incidentKeys } from "./common";

type DepartmentOption = { id: number; name: string; retired?: boolean };

const FLAGS = ["sensitiveData", "financialLoss", "wrongfulPurpose", "encrypted"] as const;

function valuesOf(incident?: IncidentDto, linked?: readonly LinkedItem[]) {
  const finalReport = Object.fromEntries(FINAL_REPORT_ITEMS.map((k) => [k, incident?.[k] ?? ""])) as Record<FinalReportItem, string>;
  return {
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
    containment: incident?.containment ?? "",
    registerItemIds: (linked ?? []).map((i) => i.id),
    ...finalReport,
  };
}

/**
 * "Report an incident" (anyone, short) and the privacy manager's full edit (with containment and the
 * nine items of the final report), on the form kit: the API's own schema, server errors beside the
 * fields, a conflict keeps the input and names what changed. Below the flags, what the product will compute.
 */
export function IncidentForm({
  incident,
  departments,
  registerItems = [],
  linkedItems,
  onSaved,
  onConflictReload,
}: {
  incident?: IncidentDto;
  departments: DepartmentOption[];
  /** The live items of the personal information register, to pick the data involved from. */
  registerItems?: readonly LinkedItem[];
  /** The items the incident names now (an edit). */
  linkedItems?: readonly LinkedItem[];
  onSaved?: (saved: IncidentDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("incidents.form");
  const ti = useTranslations("incidents");
  const tAll = useTranslations();
  const router = useRouter();
  const f = useForm({
    initial: valuesOf(incident, linkedItems),
    record: incident,
    schema: incident ? updateIncidentSchema : createIncidentSchema,
    toInput: ({ containment, ...v }) => {
      const common = { ...v, departmentId: v.departmentId || null };
      if (incident) return { ...common, containment };
      for (const k of FINAL_REPORT_ITEMS) delete (common as Record<string, unknown>)[k];
      return common;
    },
    submit: (body) =>
      incident ? apiFetch<IncidentDto>(`/api/v1/incidents/${incident.id}`, { method: "PATCH", json: body }) : apiFetch<IncidentDto>("/api/v1/incidents", { method: "POST", json: body }),
    invalidate: [incidentKeys.all],
    onSaved: (saved) => (onSaved ? onSaved(saved) : router.push(`/incidents/${saved.id}?created=1`)),
    loadLatest: incident ? async () => (await apiFetch<IncidentDetail>(`/api/v1/incidents/${incident.id}`)).incident : undefined,
    compare: {
      title: t("title"),
      category: t("category"),
      occurredAt: t("occurredAt"),
      discoveredAt: t("discoveredAt"),
      departmentId: t("department"),
      description: t("description"),
      dataInvolved: t("dataInvolved"),
      personsAffected: t("personsAffected"),
      ...Object.fromEntries(FLAGS.map((k) => [k, t(k)])),
      severity: t("severity"),
      containment: tAll("incidents.detail.containment"),
      ...Object.fromEntries(FINAL_REPORT_ITEMS.map((k) => [k, tAll(`incidents.finalReport.items.${k}`)])),
    },
    toValues: (latest) => valuesOf(latest, linkedItems),
  });
  const v = f.values;

  // What the product will compute once saved (the same pure rules the server uses).
  const discovered = tokyoDateTime.safeParse(v.discoveredAt);
  const persons = Number(v.personsAffected);
  const preview =
    discovered.success && v.personsAffected !== "" && Number.isInteger(persons) && persons >= 0
      ? computeReportingClocks({
          discoveredAt: discovered.data,
          sensitiveData: v.sensitiveData,
          financialLoss: v.financialLoss,
          wrongfulPurpose: v.wrongfulPurpose,
          encrypted: v.encrypted,
          personsAffected: persons,
        })
      : null;

  return (
    <Form
      form={f}
      onReload={onConflictReload}
      className="space-y-5"
      submitLabel={incident ? tAll("incidents.edit.save") : t("submit")}
      extraActions={
        incident ? null : (
          <ButtonLink href="/incidents" variant="secondary">
            {t("cancel")}
          </ButtonLink>
        )
      }
    >
      <TextField label={t("title")} required {...f.field("title")} hint={t("titleHint")} maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <EnumSelect
          label={t("category")}
          required
          {...f.enumField("category")}
          values={INCIDENT_CATEGORIES}
          empty={t("choose")}
          optionLabel={(x) => ti(`categories.${x}`)}
        />
        <IdSelect
          label={t("department")}
          {...f.idField("departmentId")}
          options={departments.filter((d) => !d.retired || String(d.id) === v.departmentId).map((d) => ({ id: d.id, label: d.name }))}
          empty={t("noDepartment")}
        />
        <TextField label={t("discoveredAt")} required type="datetime-local" {...f.field("discoveredAt")} hint={t("timeHint")} />
        <TextField label={t("occurredAt")} type="datetime-local" {...f.field("occurredAt")} hint={t("timeHint")} />
      </div>
      <TextAreaField label={t("description")} required rows={4} {...f.field("description")} hint={t("descriptionHint")} maxLength={4000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("dataInvolved")} {...f.field("dataInvolved")} hint={t("dataInvolvedHint")} />
        <TextField label={t("personsAffected")} required type="number" inputMode="numeric" min={0} {...f.field("personsAffected")} />
      </div>
      <RegisterItemPicker
        items={registerItems}
        linked={linkedItems ?? []}
        selected={v.registerItemIds}
        error={f.errors.registerItemIds}
        personsAffected={v.personsAffected}
        onChange={(ids, picked) => {
          f.setValue("registerItemIds", ids);
          // An item holding sensitive data makes the incident one that involves it (the rule of the reporting clocks).
          if (picked?.kind === "sensitive") f.setValue("sensitiveData", true);
        }}
        onUsePersons={(n) => f.setValue("personsAffected", String(n))}
      />
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("flags")}</legend>
        {FLAGS.map((k) => (
          <CheckboxField key={k} label={t(k)} checked={v[k]} onChange={(e) => f.setValue(k, e.target.checked)} />
        ))}
      </fieldset>
      <EnumSelect
        label={t("severity")}
        {...f.enumField("severity")}
        values={INCIDENT_SEVERITIES}
        optionLabel={(x) => ti(`severities.${x}`)}
        className="sm:max-w-48"
      />

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
          <TextAreaField label={tAll("incidents.detail.containment")} rows={3} {...f.field("containment")} />
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-800">{tAll("incidents.edit.finalReport")}</legend>
            {FINAL_REPORT_ITEMS.map((k, i) => (
              <TextAreaField key={k} label={`${i + 1}. ${tAll(`incidents.finalReport.items.${k}`)}`} rows={2} {...f.field(k)} />
            ))}
          </fieldset>
        </>
      ) : null}
    </Form>
  );
}
