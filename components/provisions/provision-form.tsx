"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, EnumSelect, IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { PROVISION_DIRECTIONS, PROVISION_GROUNDS, RECORD_FORMS } from "@/lib/provisions/enums";
import { abroadBasis, retention } from "@/lib/provisions/rules";
import { createProvisionSchema, updateProvisionSchema, type ProvisionDto } from "@/lib/provisions/schema";
import { isRealDate } from "@/lib/validation/common";
import type { RegisterItemOption } from "@/components/requests/keys";
import { provisionKeys, type Option } from "./keys";

function valuesOf(p: ProvisionDto | undefined, today: string) {
  return {
    direction: p?.direction ?? "provided",
    ground: p?.ground ?? "consent",
    consentMethod: p?.consentMethod ?? "",
    counterpartyName: p?.counterpartyName ?? "",
    counterpartyAddress: p?.counterpartyAddress ?? "",
    counterpartyRepresentative: p?.counterpartyRepresentative ?? "",
    sourceHowObtained: p?.sourceHowObtained ?? "",
    persons: p?.persons ?? "",
    dataItems: p?.dataItems ?? "",
    providedFrom: p?.providedFrom ?? today,
    providedTo: p?.providedTo ?? "",
    recordForm: p?.recordForm ?? "individual",
    recordedOn: p?.recordedOn ?? today,
    contractorId: p?.contractorId ?? (null as number | null),
    jointUseId: p?.jointUseId ?? (null as number | null),
    abroadCountry: p?.abroadCountry ?? "",
    equivalentSystem: p?.equivalentSystem ?? false,
    countrySystem: p?.countrySystem ?? "",
    recipientMeasures: p?.recipientMeasures ?? "",
    informedBeforeConsent: p?.informedBeforeConsent ?? false,
    registerItemIds: p?.registerItems.map((i) => i.id) ?? ([] as number[]),
  };
}

/** Record a provision (or a receipt), or correct one; below the dates, the retention the rule gives. */
export function ProvisionForm({
  record,
  contractors,
  jointUses,
  registerItems,
  today,
  onSaved,
  onConflictReload,
}: {
  record?: ProvisionDto;
  contractors: Option[];
  jointUses: Option[];
  registerItems: RegisterItemOption[];
  today: string;
  onSaved?: () => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("provisions");
  const tf = useTranslations("provisions.form");
  const router = useRouter();
  const f = useForm({
    initial: valuesOf(record, today),
    record,
    schema: record ? updateProvisionSchema : createProvisionSchema,
    submit: (body) =>
      record
        ? apiFetch<ProvisionDto>(`/api/v1/provision-records/${record.id}`, { method: "PATCH", json: body })
        : apiFetch<ProvisionDto>("/api/v1/provision-records", { method: "POST", json: body }),
    invalidate: [provisionKeys.all],
    onSaved: (saved) => (onSaved ? onSaved() : router.push(`/provisions/${saved.id}?created=1`)),
    loadLatest: record ? () => apiFetch<ProvisionDto>(`/api/v1/provision-records/${record.id}`) : undefined,
    compare: { counterpartyName: tf("counterpartyName"), persons: tf("persons"), dataItems: tf("dataItems"), providedFrom: tf("providedFrom"), ground: tf("ground") },
    toValues: (latest) => valuesOf(latest, today),
  });
  const v = f.values;
  const dates = isRealDate(v.providedFrom) && isRealDate(v.recordedOn) && (!v.providedTo || isRealDate(v.providedTo));
  const kept = dates ? retention({ ground: v.ground, recordForm: v.recordForm, recordedOn: v.recordedOn, providedFrom: v.providedFrom, providedTo: v.providedTo || null }) : undefined;
  const basis = abroadBasis(v.abroadCountry.trim().toUpperCase() || null, v.equivalentSystem);
  const toggleItem = (id: number, on: boolean) => f.setValue("registerItemIds", on ? [...v.registerItemIds, id] : v.registerItemIds.filter((x) => x !== id));
  return (
    <Form
      form={f}
      onReload={onConflictReload}
      className="space-y-5"
      submitLabel={record ? tf("save") : tf("submit")}
      extraActions={
        record ? null : (
          <ButtonLink href="/provisions" variant="secondary">
            {tf("cancel")}
          </ButtonLink>
        )
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <EnumSelect label={tf("direction")} required {...f.enumField("direction")} values={PROVISION_DIRECTIONS} optionLabel={(x) => t(`directions.${x}`)} />
        <EnumSelect label={tf("ground")} required {...f.enumField("ground")} values={PROVISION_GROUNDS} optionLabel={(x) => t(`grounds.${x}`)} hint={tf("groundHint")} />
      </div>
      {v.ground === "consent" ? <TextField label={tf("consentMethod")} required {...f.field("consentMethod")} maxLength={500} /> : null}
      {v.ground === "outsourcing" ? (
        <IdSelect label={tf("contractor")} {...f.idField("contractorId")} options={contractors.map((c) => ({ id: c.id, label: c.name }))} empty={tf("none")} />
      ) : null}
      {v.ground === "joint_use" ? <IdSelect label={tf("jointUse")} {...f.idField("jointUseId")} options={jointUses.map((c) => ({ id: c.id, label: c.name }))} empty={tf("none")} /> : null}
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{tf("counterparty")}</legend>
        <TextField label={tf("counterpartyName")} required {...f.field("counterpartyName")} maxLength={200} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={tf("counterpartyAddress")} required={v.ground === "consent"} {...f.field("counterpartyAddress")} maxLength={500} />
          <TextField label={tf("counterpartyRepresentative")} {...f.field("counterpartyRepresentative")} maxLength={200} />
        </div>
        {v.direction === "received" ? <TextAreaField label={tf("sourceHowObtained")} required={v.ground === "consent"} rows={2} {...f.field("sourceHowObtained")} /> : null}
      </fieldset>
      <TextAreaField label={tf("persons")} required rows={2} hint={tf("personsHint")} {...f.field("persons")} />
      <TextField label={tf("dataItems")} required {...f.field("dataItems")} maxLength={1000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tf("providedFrom")} required type="date" {...f.field("providedFrom")} />
        <TextField label={tf("providedTo")} type="date" hint={tf("providedToHint")} {...f.field("providedTo")} />
        <EnumSelect label={tf("recordForm")} {...f.enumField("recordForm")} values={RECORD_FORMS} optionLabel={(x) => t(`recordForms.${x}`)} />
        <TextField label={tf("recordedOn")} required type="date" {...f.field("recordedOn")} />
      </div>
      <div aria-live="polite">
        {kept === null ? <Alert tone="info">{tf("noRecordPreview")}</Alert> : kept ? <Alert tone="info">{tf("retentionPreview", { until: formatDate(kept.retainUntil), from: formatDate(kept.disposableFrom) })}</Alert> : null}
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{tf("abroad")}</legend>
        <TextField label={tf("abroadCountry")} hint={tf("abroadCountryHint")} {...f.field("abroadCountry")} maxLength={2} className="sm:max-w-48" />
        {basis ? <p className="text-sm font-medium">{t(`abroadBases.${basis}`)}</p> : null}
        {basis && basis !== "recognised_country" ? (
          <>
            <CheckboxField label={tf("equivalentSystem")} checked={v.equivalentSystem} onChange={(e) => f.setValue("equivalentSystem", e.target.checked)} />
            <TextAreaField label={tf("countrySystem")} rows={2} {...f.field("countrySystem")} />
            <TextAreaField label={tf("recipientMeasures")} rows={2} {...f.field("recipientMeasures")} />
            <CheckboxField label={tf("informedBeforeConsent")} checked={v.informedBeforeConsent} onChange={(e) => f.setValue("informedBeforeConsent", e.target.checked)} />
          </>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{tf("registerItems")}</legend>
        {registerItems.length === 0 ? <p className="text-sm text-slate-600">{tf("noRegisterItems")}</p> : null}
        {registerItems.map((i) => (
          <CheckboxField key={i.id} label={`${i.code} ${i.name}`} checked={v.registerItemIds.includes(i.id)} onChange={(e) => toggleItem(i.id, e.target.checked)} />
        ))}
      </fieldset>
    </Form>
  );
}
