"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createUserSchema, listUsersQuery, updateUserSchema } from "@/lib/users/schema";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, EnumSelect, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import type { UserRow, UsersPage } from "./filters";

function RoleSelect({ value, onChange, error, disabled, hint }: { value: Role | ""; onChange: (r: Role | "") => void; error?: string; disabled?: boolean; hint?: string }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  return (
    <EnumSelect
      label={t("fields.role")}
      required
      name="role"
      values={ROLES}
      value={value}
      empty={t("chooseRole")}
      optionLabel={(r) => tr(r)}
      disabled={disabled}
      error={error}
      hint={[hint, value ? t(`roleDescriptions.${value}`) : null].filter(Boolean).join(" ") || undefined}
      onValueChange={onChange}
    />
  );
}

export type CreatedUser = { user: UserRow; temporaryPassword?: string };

const USERS = ["users"] as const;

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
  const [showPassword, setShowPassword] = useState(false);
  const f = useForm({
    initial: { email: "", name: "", role: "" as Role | "", password: "" },
    schema: createUserSchema,
    submit: (body) => apiFetch<CreatedUser>("/api/v1/users", { method: "POST", json: body }),
    invalidate: [USERS],
    onSaved: onCreated,
  });

  return (
    <Form form={f} onCancel={onClose} submitLabel={t("inviteSubmit")}>
      <TextField label={t("fields.email")} required type="email" autoComplete="off" {...f.field("email")} />
      <TextField label={t("fields.name")} required autoComplete="off" {...f.field("name")} />
      <RoleSelect value={f.values.role} onChange={(r) => f.setValue("role", r)} error={f.errors.role} />
      <div className="space-y-2">
        <TextField label={t("fields.password")} type={showPassword ? "text" : "password"} autoComplete="new-password" {...f.field("password")} hint={t("fields.passwordHint")} />
        <CheckboxField label={t("fields.showPassword")} checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
      </div>
    </Form>
  );
}

export function EditUserDialog({ user, isSelf, onClose, onSaved }: { user: UserRow | null; isSelf: boolean; onClose: () => void; onSaved: (u: UserRow) => void }) {
  const t = useTranslations("users");
  return (
    <Dialog open={!!user} onClose={onClose} title={t("editTitle")}>
      {/* Keyed by the record, not its version: a refetch after a conflict must not wipe what the user typed. */}
      {user ? <EditForm key={user.id} user={user} isSelf={isSelf} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

/** The latest version of one user (the API lists users; there is no single-user read). */
async function fetchUser(u: UserRow): Promise<UserRow> {
  const page = await apiFetch<UsersPage>(`/api/v1/users${listSearch(listUsersQuery, { q: u.email, pageSize: 200 })}`);
  const found = page.items.find((x) => x.id === u.id);
  if (!found) throw new Error("user not found");
  return found;
}

// An account waiting for a role (single sign-on) starts with none chosen.
const valuesOf = (u: UserRow) => ({ name: u.name, role: (u.role ?? "") as Role | "" });

function EditForm({ user, isSelf, onClose, onSaved }: { user: UserRow; isSelf: boolean; onClose: () => void; onSaved: (u: UserRow) => void }) {
  const t = useTranslations("users");
  const f = useForm({
    initial: valuesOf(user),
    record: user,
    schema: updateUserSchema,
    toInput: (v) => ({ name: v.name, role: v.role, active: user.active }),
    submit: (body) => apiFetch<UserRow>(`/api/v1/users/${user.id}`, { method: "PATCH", json: body }),
    invalidate: [USERS],
    onSaved,
    loadLatest: () => fetchUser(user),
    compare: { name: t("fields.name"), role: t("fields.role") },
    toValues: valuesOf,
  });

  return (
    <Form form={f} onCancel={onClose}>
      <p className="text-sm text-slate-700">
        {t("fields.email")}: <span className="font-mono">{user.email}</span>
      </p>
      <TextField label={t("fields.name")} required autoComplete="off" {...f.field("name")} />
      <RoleSelect value={f.values.role} onChange={(r) => f.setValue("role", r)} error={f.errors.role} disabled={isSelf} hint={isSelf ? t("selfNote") : undefined} />
    </Form>
  );
}
