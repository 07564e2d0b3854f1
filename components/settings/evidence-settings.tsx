"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { SettingsCard, useSettingsForm } from "./settings-form";
import { apiFetch } from "@/lib/client/api";
import { EVIDENCE_MEDIA_TYPES, EVIDENCE_TYPE_EXTENSIONS, updateEvidenceSettingsSchema, type EvidenceMediaType, type EvidenceSettingsDto } from "@/lib/evidence/schema";
import { formatBytes } from "@/lib/format-bytes";

const EVIDENCE_SETTINGS_KEY = ["settings", "evidence"] as const;
const MIB = 1024 * 1024;
type Values = { maxMegabytes: string; allowedTypes: EvidenceMediaType[] };
const valuesOf = (s: EvidenceSettingsDto): Values => ({ maxMegabytes: String(Math.round((s.maxBytes / MIB) * 100) / 100), allowedTypes: s.allowedTypes });

/** Evidence files (docs/domain.md, "Evidence files"): the largest file and the accepted types. Loads its own settings. */
export function EvidenceSettings() {
  const t = useTranslations("evidence.settings");
  const q = useQuery({ queryKey: EVIDENCE_SETTINGS_KEY, queryFn: () => apiFetch<EvidenceSettingsDto>("/api/v1/settings/evidence") });
  return (
    <SettingsCard title={t("title")} query={q}>
      {(stored) => <EvidenceSettingsForm stored={stored} />}
    </SettingsCard>
  );
}

function EvidenceSettingsForm({ stored }: { stored: EvidenceSettingsDto }) {
  const t = useTranslations("evidence.settings");
  const qc = useQueryClient();
  const { f, saved, setSaved, bind } = useSettingsForm({
    url: "/api/v1/settings/evidence",
    queryKey: EVIDENCE_SETTINGS_KEY,
    stored,
    valuesOf,
    schema: updateEvidenceSettingsSchema,
    toInput: (v) => ({ maxBytes: Math.round(Number(v.maxMegabytes) * MIB), allowedTypes: v.allowedTypes }),
    errorField: (field) => (field === "maxBytes" ? "maxMegabytes" : field.startsWith("allowedTypes") ? "allowedTypes" : field),
    compare: { maxBytes: t("maxMegabytes"), allowedTypes: t("allowedTypes") },
    onSaved: () => void qc.invalidateQueries({ queryKey: ["evidence"] }),
  });
  const toggle = (type: EvidenceMediaType, on: boolean) => {
    const next = on ? [...f.values.allowedTypes, type] : f.values.allowedTypes.filter((x) => x !== type);
    f.setValue("allowedTypes", EVIDENCE_MEDIA_TYPES.filter((x) => next.includes(x)));
    setSaved(false);
  };
  return (
    <Form form={f}>
      <p className="text-sm text-slate-700">{t("description", { cap: formatBytes(stored.serverMaxBytes) })}</p>
      <TextField
        label={t("maxMegabytes")}
        type="number"
        inputMode="decimal"
        min={0.0625}
        step="any"
        className="max-w-40"
        {...bind("maxMegabytes")}
      />
      <fieldset className="space-y-1" aria-describedby={f.errors.allowedTypes ? "evidence-types-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("allowedTypes")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {EVIDENCE_MEDIA_TYPES.map((type) => (
            <CheckboxField key={type} label={t(`types.${EVIDENCE_TYPE_EXTENSIONS[type]}`)} checked={f.values.allowedTypes.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
          ))}
        </div>
        {f.errors.allowedTypes ? (
          <p id="evidence-types-error" role="alert" className="text-xs font-medium text-red-700">
            {f.errors.allowedTypes}
          </p>
        ) : null}
      </fieldset>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
    </Form>
  );
}
