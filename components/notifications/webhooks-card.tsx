"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, useAction, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { NOTIFICATION_TYPES } from "@/lib/notifications/rules";
import { updateWebhooksSchema, type WebhookHook, type WebhooksSaved } from "@/lib/notifications/schema";
import { notificationKeys } from "./keys";

type Stored = { hooks: WebhookHook[]; version: number };
const WEBHOOKS_KEY = [...notificationKeys.all, "webhooks"] as const;
const EMPTY = { name: "", url: "", types: [] as string[] };

/**
 * The privacy manager's webhooks: the list (remove one), and a form to add one — its signing secret
 * is shown once, right after it was added. The list is one setting, saved with its version.
 */
export function WebhooksCard({ initial }: { initial: Stored }) {
  const t = useTranslations("notifications");
  const qc = useQueryClient();
  const hooks = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: () => apiFetch<Stored>("/api/v1/notifications/webhooks"), initialData: initial });
  const [secrets, setSecrets] = useState<{ name: string; secret: string }[]>([]);
  const remove = useAction({ invalidate: [WEBHOOKS_KEY] });
  const [formKey, setFormKey] = useState(0);
  const current = hooks.data;
  const removeHook = (key: string) =>
    remove.run(
      () =>
        apiFetch("/api/v1/notifications/webhooks", {
          method: "PUT",
          json: { hooks: current.hooks.filter((h) => h.key !== key).map((h) => ({ key: h.key, name: h.name, url: h.url, types: h.types })), version: current.version },
        }),
      { success: t("webhooks.saved") },
    );
  return (
    <Card title={t("webhooks.title")}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t("webhooks.description")}</p>
        <ActionMessage message={remove.message} />
        {secrets.map((s) => (
          <Alert key={s.name} tone="warning">
            <span className="break-all">{t("webhooks.secretOnce", { name: s.name, secret: s.secret })}</span>
          </Alert>
        ))}
        {current.hooks.length === 0 ? (
          <p className="text-sm text-slate-700">{t("webhooks.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
            {current.hooks.map((h) => (
              <li key={h.key} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium text-slate-800">{h.name}</p>
                  <p className="break-all text-slate-700">{h.url}</p>
                  <p className="text-xs text-slate-600">{h.types.map((x) => t(`types.${x}` as "types.training")).join(t("webhooks.typeSeparator"))}</p>
                </div>
                <Button variant="secondary" disabled={remove.busy} onClick={() => void removeHook(h.key)} aria-label={t("webhooks.remove", { name: h.name })}>
                  {t("webhooks.removeShort")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <AddWebhookForm
          key={formKey}
          current={current}
          onAdded={(saved) => {
            qc.setQueryData(WEBHOOKS_KEY, { hooks: saved.hooks, version: saved.version });
            setSecrets(Object.entries(saved.secrets).map(([key, secret]) => ({ name: saved.hooks.find((h) => h.key === key)?.name ?? key, secret })));
            setFormKey((k) => k + 1);
          }}
        />
      </div>
    </Card>
  );
}

/** Adds one hook to the list (the whole list is saved, with its version). Remounted after each save, empty. */
function AddWebhookForm({ current, onAdded }: { current: Stored; onAdded: (saved: WebhooksSaved) => void }) {
  const t = useTranslations("notifications");
  const f = useForm({
    initial: EMPTY,
    record: current,
    followRecord: true,
    schema: updateWebhooksSchema,
    toInput: (v: typeof EMPTY) => ({ hooks: [...current.hooks, { name: v.name, url: v.url, types: v.types }] }),
    errorField: (field) => field.replace(/^hooks\.\d+\./, ""),
    submit: (body) => apiFetch<WebhooksSaved>("/api/v1/notifications/webhooks", { method: "PUT", json: body }),
    onSaved: onAdded,
    loadLatest: () => apiFetch<Stored>("/api/v1/notifications/webhooks"),
    toValues: () => EMPTY,
  });
  const toggle = (type: string, on: boolean) => f.setValue("types", on ? [...f.values.types, type] : f.values.types.filter((x: string) => x !== type));
  return (
    <Form form={f}>
      <p className="text-sm font-semibold text-slate-800">{t("webhooks.add")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("webhooks.name")} maxLength={100} {...f.field("name")} />
        <TextField label={t("webhooks.url")} type="url" maxLength={2000} {...f.field("url")} />
      </div>
      <fieldset aria-describedby={f.errors.types ? "webhook-types-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("webhooks.types")}</legend>
        <div className="grid gap-1 sm:grid-cols-3">
          {NOTIFICATION_TYPES.map((type) => (
            <CheckboxField key={type} label={t(`types.${type}` as "types.training")} checked={f.values.types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
          ))}
        </div>
        {f.errors.types ? (
          <p id="webhook-types-error" role="alert" className="text-xs font-medium text-red-700">
            {f.errors.types}
          </p>
        ) : null}
      </fieldset>
    </Form>
  );
}
