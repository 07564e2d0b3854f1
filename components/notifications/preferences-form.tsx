"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { EnumSelect } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import type { Role } from "@/lib/auth/roles";
import { apiFetch } from "@/lib/client/api";
import { LOCALES } from "@/lib/i18n/config";
import { NOTIFICATION_MODES, type NotificationMode } from "@/lib/notifications/enums";
import { NOTIFICATION_TYPES, type NotificationModes } from "@/lib/notifications/rules";
import { updatePreferencesSchema, type PreferencesDto } from "@/lib/notifications/schema";
import { notificationKeys } from "./keys";

type Values = NotificationModes & { locale: PreferencesDto["locale"] };
/** Each language in its own name, as the language switch in the header shows them. */
const LANGUAGE_NAMES: Record<PreferencesDto["locale"], string> = { ja: "日本語", en: "English" };
const valuesOf = (p: PreferencesDto): Values => ({ ...p.modes, locale: p.locale });

/** The user's own choices: per type of deadline immediately / daily digest / off, and the language of e-mails. */
export function PreferencesForm({ initial, role }: { initial: PreferencesDto; role: Role }) {
  const t = useTranslations("notifications");
  const qc = useQueryClient();
  const prefs = useQuery({ queryKey: notificationKeys.preferences, queryFn: () => apiFetch<PreferencesDto>("/api/v1/notifications/preferences"), initialData: initial });
  const [saved, setSaved] = useState(false);
  const f = useForm({
    initial: valuesOf(prefs.data),
    record: prefs.data,
    followRecord: true,
    schema: updatePreferencesSchema,
    toInput: ({ locale, ...modes }: Values) => ({ modes, locale }),
    errorField: (field) => field.replace(/^modes\./, ""),
    submit: (body) => apiFetch<PreferencesDto>("/api/v1/notifications/preferences", { method: "PUT", json: body }),
    onSaved: (p) => {
      qc.setQueryData(notificationKeys.preferences, p);
      setSaved(true);
    },
    loadLatest: () => apiFetch<PreferencesDto>("/api/v1/notifications/preferences"),
    compare: Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, t(`types.${type}`)])),
    toValues: valuesOf,
  });
  const modeSelect = (type: (typeof NOTIFICATION_TYPES)[number]) => {
    const field = f.enumField(type);
    return (
      <EnumSelect<NotificationMode>
        key={type}
        label={t(`types.${type}`)}
        aria-label={t("preferences.modeLabel", { type: t(`types.${type}`) })}
        values={NOTIFICATION_MODES}
        optionLabel={(m) => t(`preferences.mode.${m}`)}
        {...field}
        value={field.value as NotificationMode}
        onValueChange={(v) => {
          field.onValueChange(v as never);
          setSaved(false);
        }}
      />
    );
  };
  const locale = f.enumField("locale");
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("preferences.title")} description={t("preferences.description")} />
      {prefs.data.emailEnabled ? null : <Alert tone="info">{t("preferences.emailOff")}</Alert>}
      {role === "privacy_manager" ? <Alert tone="info">{t("preferences.mandatory")}</Alert> : null}
      <Card>
        <Form form={f}>
          <fieldset>
            <legend className="mb-2 text-sm font-semibold text-slate-800">{t("preferences.type")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">{NOTIFICATION_TYPES.map(modeSelect)}</div>
          </fieldset>
          <div className="max-w-xs">
            <EnumSelect
              label={t("preferences.language")}
              values={LOCALES}
              optionLabel={(l) => LANGUAGE_NAMES[l]}
              {...locale}
              value={locale.value as PreferencesDto["locale"]}
              onValueChange={(v) => {
                locale.onValueChange(v as never);
                setSaved(false);
              }}
            />
          </div>
          {saved ? <Alert tone="success">{t("preferences.saved")}</Alert> : null}
        </Form>
      </Card>
    </div>
  );
}
