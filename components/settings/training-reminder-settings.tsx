"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { SettingsCard, useSettingsForm } from "./settings-form";
import { apiFetch } from "@/lib/client/api";
import { MAX_REMINDERS_LIMIT, updateTrainingReminderSettingsSchema, type TrainingReminderSettingsDto } from "@/lib/notifications/training-reminders";

export const TRAINING_REMINDER_SETTINGS_KEY = ["settings", "training-reminders"] as const;
type Values = { enabled: boolean; maxPerCourse: string; intervalDays: string };
const valuesOf = (s: TrainingReminderSettingsDto): Values => ({ enabled: s.enabled, maxPerCourse: String(s.maxPerCourse), intervalDays: String(s.intervalDays) });

/** Training reminders to the employees themselves (docs/domain.md, "Notifications"): the opt-in, at most N per course and fiscal year, the days between. */
export function TrainingReminderSettings() {
  const t = useTranslations("notifications.trainingReminderSettings");
  const q = useQuery({ queryKey: TRAINING_REMINDER_SETTINGS_KEY, queryFn: () => apiFetch<TrainingReminderSettingsDto>("/api/v1/settings/training-reminders") });
  return (
    <SettingsCard title={t("title")} query={q}>
      {(stored) => <SettingsForm stored={stored} />}
    </SettingsCard>
  );
}

function SettingsForm({ stored }: { stored: TrainingReminderSettingsDto }) {
  const t = useTranslations("notifications.trainingReminderSettings");
  const { f, saved, setSaved, bind } = useSettingsForm({
    url: "/api/v1/settings/training-reminders",
    queryKey: TRAINING_REMINDER_SETTINGS_KEY,
    stored,
    valuesOf,
    schema: updateTrainingReminderSettingsSchema,
    compare: { enabled: t("enabled"), maxPerCourse: t("maxPerCourse"), intervalDays: t("intervalDays") },
  });
  const numberField = (name: "maxPerCourse" | "intervalDays", max: number) => ({
    ...bind(name),
    type: "number",
    inputMode: "numeric" as const,
    min: 1,
    max,
    step: 1,
    disabled: !f.values.enabled,
  });
  return (
    <Form form={f}>
      <p className="text-sm text-slate-700">{t("description")}</p>
      {!stored.emailEnabled ? <Alert tone="info">{t("noEmail")}</Alert> : null}
      <CheckboxField
        label={t("enabled")}
        hint={t("enabledHint")}
        checked={f.values.enabled}
        onChange={(e) => {
          f.setValue("enabled", e.target.checked);
          setSaved(false);
        }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("maxPerCourse")} hint={t("maxHint", { max: MAX_REMINDERS_LIMIT })} className="max-w-32" {...numberField("maxPerCourse", MAX_REMINDERS_LIMIT)} />
        <TextField label={t("intervalDays")} hint={t("intervalHint")} className="max-w-32" {...numberField("intervalDays", 60)} />
      </div>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
    </Form>
  );
}
