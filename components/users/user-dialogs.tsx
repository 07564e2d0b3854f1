"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createUserSchema, updateUserSchema } from "@/lib/users/schema";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import type { UserRow } from "./filters";
import { useSchemaErrors } from "./form-errors";
import { ProblemAlert, serverFieldErrors } from "./problem-alert";

function RoleSelect({ value, onChange, error, disabled, hint }: { value: Role | ""; onChange: (r: Role | "") => void; error?: string; disabled?: boolean; hint?: string }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  return (
    <SelectField
      label={t("fields.role")}
      required
      name="role"
      value={value}
      disabled={disabled}
      error={error}
      hint={[hint, value ? t(`roleDescriptions.${value}`) : null].filter(Boolean).join(" ") || undefined}
      onChange={(e) => onChange(e.target.value as Role | "")}
    >
      <option value="">{t("chooseRole")}</option>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {tr(r)}
        </option>
      ))}
    </SelectField>
  );
}

export type CreatedUser = { user: UserRow; temporaryPassword?: string };

export function InviteUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: CreatedUser) => void }) {
  const t = useTranslations("users");
  return (
    <Dialog open={open} onClose={onClose} title={t("inviteTitle")}>
      <InviteForm onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function InviteForm({ onClose, onCreated }: { onClose: () => void; onCreated: (r: CreatedUser) => void }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const check = useSchemaErrors();
  const [form, setForm] = useState({ email: "", name: "", role: "" as Role | "", password: "" });
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: unknown) => apiFetch<CreatedUser>("/api/v1/users", { method: "POST", json: body }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      onCreated(r);
    },
    onError: (err) => setErrors(serverFieldErrors(err)),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = check(createUserSchema, form);
    setErrors(r.errors ?? {});
    if (r.errors) return;
    create.mutate(form);
  }
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label={t("fields.email")} required type="email" name="email" autoComplete="off" value={form.email} error={errors.email} onChange={(e) => set("email")(e.target.value)} />
      <TextField label={t("fields.name")} required name="name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => set("name")(e.target.value)} />
      <RoleSelect value={form.role} onChange={set("role")} error={errors.role} />
      <div className="space-y-2">
        <TextField
          label={t("fields.password")}
          type={showPassword ? "text" : "password"}
          name="password"
          autoComplete="new-password"
          value={form.password}
          error={errors.password}
          hint={t("fields.passwordHint")}
          onChange={(e) => set("password")(e.target.value)}
        />
        <CheckboxField label={t("fields.showPassword")} checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
      </div>
      <ProblemAlert error={create.error} shownFields={["email", "name", "role", "password"]} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t("inviting") : t("inviteSubmit")}
        </Button>
      </div>
    </form>
  );
}

export function EditUserDialog({
  user,
  isSelf,
  onClose,
  onSaved,
  onReload,
}: {
  user: UserRow | null;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (u: UserRow) => void;
  onReload: () => void;
}) {
  const t = useTranslations("users");
  return (
    <Dialog open={!!user} onClose={onClose} title={t("editTitle")}>
      {user ? <EditForm key={`${user.id}-${user.version}`} user={user} isSelf={isSelf} onClose={onClose} onSaved={onSaved} onReload={onReload} /> : null}
    </Dialog>
  );
}

function EditForm({ user, isSelf, onClose, onSaved, onReload }: { user: UserRow; isSelf: boolean; onClose: () => void; onSaved: (u: UserRow) => void; onReload: () => void }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const check = useSchemaErrors();
  const [form, setForm] = useState({ name: user.name, role: user.role as Role | "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: unknown) => apiFetch<UserRow>(`/api/v1/users/${user.id}`, { method: "PATCH", json: body }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      onSaved(u);
    },
    onError: (err) => setErrors(serverFieldErrors(err)),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = { name: form.name, role: form.role, active: user.active, version: user.version };
    const r = check(updateUserSchema, body);
    setErrors(r.errors ?? {});
    if (r.errors) return;
    save.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">
        {t("fields.email")}: <span className="font-mono">{user.email}</span>
      </p>
      <TextField label={t("fields.name")} required name="name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
      <RoleSelect value={form.role} onChange={(role) => setForm((f) => ({ ...f, role }))} error={errors.role} disabled={isSelf} hint={isSelf ? t("selfNote") : undefined} />
      <ProblemAlert error={save.error} shownFields={["name", "role"]} onReload={onReload} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
