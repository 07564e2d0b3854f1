"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { updateSecuritySettingsSchema, type SecuritySettings as Values } from "@/lib/settings/schema";
import { Alert, Card } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";

type Stored = Values & { version: number };
const KEY = ["settings", "security"] as const;
const valuesOf = (s: Stored) => ({ managerSecondFactorRequired: s.managerSecondFactorRequired });

/** Sign-in policy: whether privacy managers must use a second factor with their password (docs/security.md, "Second factor"). */
export function SecuritySettings({ initial }: { initial: Stored }) {
  const t = useTranslations("secondFactor");
  const ts = useTranslations("settings");
  const qc = useQueryClient();
  const stored = useQuery({ queryKey: KEY, queryFn: () => apiFetch<Stored>("/api/v1/settings/security"), initialData: initial });
  const [saved, setSaved] = useState(false);
  const f = useForm({
    initial: valuesOf(stored.data),
    record: stored.data,
    followRecord: true,
    schema: updateSecuritySettingsSchema,
    submit: (body) => apiFetch<Stored>("/api/v1/settings/security", { method: "PUT", json: body }),
    onSaved: (s) => {
      qc.setQueryData(KEY, s);
      setSaved(true);
    },
    loadLatest: () => apiFetch<Stored>("/api/v1/settings/security"),
    compare: { managerSecondFactorRequired: t("settingLabel") },
    toValues: valuesOf,
  });
  return (
    <Card title={t("settingsTitle")}>
      <Form form={f}>
        <CheckboxField
          label={t("settingLabel")}
          hint={t("settingHelp")}
          name="managerSecondFactorRequired"
          checked={f.values.managerSecondFactorRequired}
          onChange={(e) => {
            f.setValue("managerSecondFactorRequired", e.target.checked);
            setSaved(false);
          }}
        />
        {saved ? <Alert tone="success">{ts("saved")}</Alert> : null}
      </Form>
    </Card>
  );
}
