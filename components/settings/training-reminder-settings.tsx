"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, Skeleton } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
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
    <Card title={t("title")}>
      {q.isPending ? <Skeleton className="h-24 w-full" /> : q.isError && !q.data ? <LoadError onRetry={() => q.refetch()} /> : <SettingsForm stored={q.data} />}
    </Card>
  );
}

function SettingsForm({ stored }: { stored: TrainingReminderSettingsDto }) {
  const t = useTranslations("notifications.trainingReminderSettings");
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const f = useForm({
    initial: valuesOf(stored),
    record: stored,
    followRecord: true,
    schema: updateTrainingReminderSettingsSchema,
    submit: (body) => apiFetch<TrainingReminderSettingsDto>("/api/v1/settings/training-reminders", { method: "PUT", json: body }),
    onSaved: (s) => {
      qc.setQueryData(TRAINING_REMINDER_SETTINGS_KEY, s);
      setSaved(true);
    },
    loadLatest: () => apiFetch<TrainingReminderSettingsDto>("/api/v1/settings/training-reminders"),
    compare: { enabled: t("enabled"), maxPerCourse: t("maxPerCourse"), intervalDays: t("intervalDays") },
    toValues: valuesOf,
  });
  const numberField = (name: "maxPerCourse" | "intervalDays", max: number) => {
    const field = f.field(name);
    return {
      ...field,
      type: "number",
      inputMode: "numeric" as const,
      min: 1,
      max,
      step: 1,
      disabled: !f.values.enabled,
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
        field.onChange(e);
        setSaved(false);
      },
    };
  };
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
