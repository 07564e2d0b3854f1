"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { updateSecuritySettingsSchema, type SecuritySettings as Values } from "@/lib/settings/schema";
import { Alert, Card } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useSettingsForm } from "./settings-form";

type Stored = Values & { version: number };
const KEY = ["settings", "security"] as const;
const valuesOf = (s: Stored) => ({ managerSecondFactorRequired: s.managerSecondFactorRequired });

/** Sign-in policy: whether privacy managers must use a second factor with their password (docs/security.md, "Second factor"). */
export function SecuritySettings({ initial }: { initial: Stored }) {
  const t = useTranslations("secondFactor");
  const ts = useTranslations("settings");
  const stored = useQuery({ queryKey: KEY, queryFn: () => apiFetch<Stored>("/api/v1/settings/security"), initialData: initial });
  const { f, saved, setSaved } = useSettingsForm({
    url: "/api/v1/settings/security",
    queryKey: KEY,
    stored: stored.data,
    valuesOf,
    schema: updateSecuritySettingsSchema,
    compare: { managerSecondFactorRequired: t("settingLabel") },
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
