"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { changeOwnPasswordSchema } from "@/lib/users/schema";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * The signed-in user's own password (POST /api/v1/me/password): the current password, the new one
 * twice. Every other session of the user ends; this one stays (docs/security.md, "Passwords").
 */
export function ChangePasswordCard() {
  const t = useTranslations("account.password");
  const [done, setDone] = useState(false);
  const f = useForm({
    initial: EMPTY,
    schema: changeOwnPasswordSchema,
    toInput: (v) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    rules: (_parsed, v) => (v.confirmPassword !== v.newPassword ? [{ field: "confirmPassword", messageKey: "account.password.errors.mismatch" }] : []),
    submit: (body) => apiFetch<unknown>("/api/v1/me/password", { method: "POST", json: body }),
    onSaved: () => {
      setDone(true);
      f.setValues(EMPTY);
    },
  });
  return (
    <Card title={t("heading")}>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <Form form={f} className="max-w-md space-y-3" submitLabel={t("submit")}>
        {done ? <Alert tone="success">{t("changed")}</Alert> : null}
        <TextField type="password" autoComplete="current-password" label={t("current")} required {...f.field("currentPassword")} />
        <TextField type="password" autoComplete="new-password" label={t("new")} hint={t("newHint")} required {...f.field("newPassword")} />
        <TextField type="password" autoComplete="new-password" label={t("confirm")} required {...f.field("confirmPassword")} />
      </Form>
    </Card>
  );
}
