"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { updateOrganizationSchema, type Organization } from "@/lib/settings/schema";
import { Alert, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useSettingsForm } from "./settings-form";

type Stored = Organization & { version: number };
const ORGANIZATION_KEY = ["settings", "organization"] as const;
const valuesOf = (o: Stored) => ({ name: o.name, representative: o.representative });

/** The organisation's name and representative, printed on the management-review report's cover. */
export function OrganizationSettings({ initial }: { initial: Stored }) {
  const t = useTranslations("settings");
  const org = useQuery({ queryKey: ORGANIZATION_KEY, queryFn: () => apiFetch<Stored>("/api/v1/settings/organization"), initialData: initial });
  const { f, saved, bind } = useSettingsForm({
    url: "/api/v1/settings/organization",
    queryKey: ORGANIZATION_KEY,
    stored: org.data,
    valuesOf,
    schema: updateOrganizationSchema,
    compare: { name: t("organization.name"), representative: t("organization.representative") },
  });
  return (
    <Card title={t("organization.title")}>
      <Form form={f}>
        <p className="text-sm text-slate-700">{t("organization.help")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("organization.name")} maxLength={200} autoComplete="organization" {...bind("name")} />
          <TextField label={t("organization.representative")} maxLength={200} hint={t("organization.representativeHint")} {...bind("representative")} />
        </div>
        {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      </Form>
    </Card>
  );
}
