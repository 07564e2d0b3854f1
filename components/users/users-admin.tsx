"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { FLAG_VALUES } from "@/lib/list/params";
import { ROLES, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/dates";
import { Badge, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect } from "@/components/ui/field";
import { FilterBar, ListTable, useListParams } from "@/components/ui/list";
import { listUsersQuery } from "@/lib/users/schema";
import { usersListKey, type UserListRow, type UserRow, type UsersPage } from "./filters";
import { EditUserDialog, InviteUserDialog, type CreatedUser } from "./user-dialogs";
import { TemporaryPasswordDialog, type TemporaryPassword } from "./temporary-password-dialog";

const ROLE_TONE: Record<Role, "blue" | "green" | "amber" | "slate"> = { privacy_manager: "blue", hr: "green", auditor: "amber", executive: "slate" };

type Pending = { kind: "toggle" | "reset" | "sessions" | "secondFactor"; user: UserListRow } | null;

export function UsersAdmin({ currentUserId }: { currentUserId: number }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const tf = useTranslations("secondFactor");
  const listParams = useListParams(listUsersQuery);
  const { values: filter, search: qs, update: setFilter } = listParams;

  const list = useQuery({ queryKey: usersListKey(qs), queryFn: () => apiFetch<UsersPage>(`/api/v1/users${qs}`), placeholderData: keepPreviousData });

  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [temp, setTemp] = useState<TemporaryPassword | null>(null);
  // Deactivate/reactivate, reset password, end sessions and the dialogs' "saved" share one message above the list.
  const action = useAction({ invalidate: [["users"]] });

  /** Runs the confirmed action; the dialog closes and the page says how it went. */
  async function confirm(p: NonNullable<Pending>) {
    const u = p.user;
    if (p.kind === "toggle")
      await action.run(
        () => apiFetch<UserRow>(`/api/v1/users/${u.id}`, { method: "PATCH", json: { name: u.name, role: u.role, active: !u.active, version: u.version } }),
        { success: u.active ? t("deactivated", { name: u.name }) : t("reactivated", { name: u.name }) },
      );
    else if (p.kind === "reset")
      await action.run(async () => {
        const r = await apiFetch<{ user: UserRow; temporaryPassword?: string }>(`/api/v1/users/${u.id}/reset-password`, { method: "POST", json: { version: u.version } });
        if (r.temporaryPassword) setTemp({ email: r.user.email, password: r.temporaryPassword, reason: "reset" });
      });
    // The second factor of a user who lost their phone: they enrol again (audited).
    else if (p.kind === "secondFactor")
      await action.run(async () => {
        const r = await apiFetch<{ reset: boolean }>(`/api/v1/users/${u.id}/second-factor/reset`, { method: "POST" });
        action.setMessage({ tone: "success", text: r.reset ? tf("resetDone", { name: u.name }) : tf("resetNone", { name: u.name }) });
      });
    // "Sign out everywhere" for one user: every session of theirs ends, on every device.
    else
      await action.run(async () => {
        const r = await apiFetch<{ sessionsEnded: number }>(`/api/v1/users/${u.id}/sessions/revoke`, { method: "POST" });
        action.setMessage({ tone: "success", text: t("sessionsEnded", { name: u.name, count: r.sessionsEnded }) });
      });
    setPending(null);
  }

  function openPending(p: Pending) {
    action.setMessage(null);
    setPending(p);
  }

  function onCreated(r: CreatedUser) {
    setInviting(false);
    if (r.temporaryPassword) {
      action.setMessage(null);
      setTemp({ email: r.user.email, password: r.temporaryPassword, reason: "created" });
    } else action.setMessage({ tone: "success", text: t("created", { name: r.user.name }) });
  }

  const nameCell = (u: UserListRow) => (
    <div className="min-w-40">
      <span className="font-medium text-slate-900">{u.name}</span>
      {u.id === currentUserId ? (
        <span className="ml-2">
          <Badge tone="blue">{t("you")}</Badge>
        </span>
      ) : null}
      {u.secondFactor ? (
        <span className="ml-2">
          <Badge tone="green">{tf("badge")}</Badge>
        </span>
      ) : null}
      <span className="block break-all text-xs text-slate-600">{u.email}</span>
    </div>
  );
  const roleCell = (u: UserListRow) => (
    <span className="whitespace-nowrap">
      {u.role ? <Badge tone={ROLE_TONE[u.role]}>{tr(u.role)}</Badge> : <Badge tone="amber">{tf("waiting")}</Badge>}
    </span>
  );
  const statusCell = (u: UserListRow) => (
    <span className="whitespace-nowrap">{u.active ? <Badge tone="green">{t("statusActive")}</Badge> : <Badge tone="red">{t("statusInactive")}</Badge>}</span>
  );
  const sessionsCell = (u: UserListRow) => <span className="whitespace-nowrap">{t("sessionsCount", { count: u.liveSessions })}</span>;
  const lastSignInCell = (u: UserListRow) =>
    u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{formatDateTime(u.lastSignInAt)}</time> : <span className="text-slate-600">{t("neverSignedIn")}</span>;
  const actionsCell = (u: UserListRow) => {
    const self = u.id === currentUserId;
    const toggleLabel = u.active ? t("deactivate") : t("reactivate");
    return (
      <div className="flex flex-wrap gap-1">
        <Button variant="ghost" className="whitespace-nowrap px-2" aria-label={t("rowAction", { action: t("edit"), name: u.name })} onClick={() => setEditing(u)}>
          {t("edit")}
        </Button>
        <Button
          variant="ghost"
          className={`whitespace-nowrap px-2 ${u.active && !self ? "text-red-700 hover:bg-red-50" : ""}`}
          aria-label={t("rowAction", { action: toggleLabel, name: u.name })}
          // An account waiting for a role can be deactivated as it is (an unknown person who signed in
          // through single sign-on); re-activating it leaves it waiting for a role.
          disabled={self}
          title={self ? t("selfNote") : undefined}
          onClick={() => openPending({ kind: "toggle", user: u })}
        >
          {toggleLabel}
        </Button>
        <Button
          variant="ghost"
          className="whitespace-nowrap px-2"
          aria-label={t("rowAction", { action: t("resetPassword"), name: u.name })}
          onClick={() => openPending({ kind: "reset", user: u })}
        >
          {t("resetPassword")}
        </Button>
        {u.secondFactor ? (
          <Button
            variant="ghost"
            className="whitespace-nowrap px-2"
            aria-label={t("rowAction", { action: tf("reset"), name: u.name })}
            onClick={() => openPending({ kind: "secondFactor", user: u })}
          >
            {tf("reset")}
          </Button>
        ) : null}
        <Button
          variant="ghost"
          className="whitespace-nowrap px-2"
          aria-label={t("rowAction", { action: t("signOutEverywhere"), name: u.name })}
          // Your own sessions end from the account menu, which also signs this browser out.
          disabled={self || u.liveSessions === 0}
          title={self ? t("signOutEverywhereSelf") : undefined}
          onClick={() => openPending({ kind: "sessions", user: u })}
        >
          {t("signOutEverywhere")}
        </Button>
      </div>
    );
  };

  const columns: Column<UserListRow>[] = [
    { key: "name", header: t("columns.name"), cell: nameCell },
    { key: "role", header: t("columns.role"), cell: roleCell },
    { key: "status", header: t("columns.status"), cell: statusCell },
    { key: "lastSignIn", header: t("columns.lastSignIn"), className: "whitespace-nowrap", cell: lastSignInCell },
    { key: "sessions", header: t("columns.sessions"), cell: sessionsCell },
    { key: "actions", header: t("columns.actions"), cell: actionsCell },
  ];

  const target = pending?.user;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button
            onClick={() => {
              action.setMessage(null);
              setInviting(true);
            }}
          >
            {t("invite")}
          </Button>
        }
      />

      <div className="mb-4">
        <ActionMessage message={action.message} />
      </div>

      <FilterBar
        label={t("filters")}
        className="mb-4"
        search={{ label: t("search"), placeholder: t("searchPlaceholder") }}
        params={listParams}
        total={list.data?.total}
      >
        <EnumSelect label={t("role")} values={ROLES} value={filter.role} empty={t("allRoles")} optionLabel={(r) => tr(r)} onValueChange={(role) => setFilter({ role })} />
        <EnumSelect
          label={t("status")}
          values={FLAG_VALUES}
          value={filter.active}
          empty={t("allStatuses")}
          optionLabel={(v) => (v === "true" ? t("statusActive") : t("statusInactive"))}
          onValueChange={(active) => setFilter({ active })}
        />
      </FilterBar>

      {/* On a phone the same list as cards: a five-column table does not fit. */}
      <ListTable
        caption={t("caption")}
        columns={columns}
        rowKey={(u) => u.id}
        query={list}
        params={listParams}
        cards={(u) => (
          <>
            <div className="flex items-start justify-between gap-2">
              {nameCell(u)}
              {statusCell(u)}
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("columns.role")}</dt>
              <dd>{roleCell(u)}</dd>
              <dt className="text-slate-600">{t("columns.lastSignIn")}</dt>
              <dd>{lastSignInCell(u)}</dd>
              <dt className="text-slate-600">{t("columns.sessions")}</dt>
              <dd>{sessionsCell(u)}</dd>
            </dl>
            <div className="mt-2 border-t border-slate-100 pt-2">{actionsCell(u)}</div>
          </>
        )}
      />
      <p className="mt-3 text-xs text-slate-600">{t("selfNote")}</p>

      <InviteUserDialog open={inviting} onClose={() => setInviting(false)} onCreated={onCreated} />
      <EditUserDialog
        user={editing}
        isSelf={editing?.id === currentUserId}
        onClose={() => setEditing(null)}
        onSaved={(u) => {
          setEditing(null);
          action.setMessage({ tone: "success", text: t("updated", { name: u.name }) });
        }}
      />
      <ConfirmDialog
        open={pending?.kind === "toggle"}
        title={target ? (target.active ? t("deactivateTitle", { name: target.name }) : t("reactivateTitle", { name: target.name })) : ""}
        body={
          target ? (
            <p>{target.active ? t("deactivateBody") : t("reactivateBody", { role: target.role ? tr(target.role) : tf("waiting") })}</p>
          ) : null
        }
        confirmLabel={target?.active ? t("deactivate") : t("reactivate")}
        tone={target?.active ? "danger" : "primary"}
        busy={action.busy}
        onConfirm={() => pending && void confirm(pending)}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "reset"}
        title={target ? t("resetTitle", { name: target.name }) : ""}
        body={
          <p>{t("resetBody")}</p>
        }
        confirmLabel={t("resetConfirm")}
        tone="danger"
        busy={action.busy}
        onConfirm={() => pending && void confirm(pending)}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "secondFactor"}
        title={tf("reset")}
        body={target ? <p>{tf("resetConfirm", { name: target.name })}</p> : null}
        confirmLabel={tf("reset")}
        tone="danger"
        busy={action.busy}
        onConfirm={() => pending && void confirm(pending)}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "sessions"}
        title={target ? t("signOutEverywhereTitle", { name: target.name }) : ""}
        body={
          target ? (
            <p>{t("signOutEverywhereBody", { name: target.name })}</p>
          ) : null
        }
        confirmLabel={t("signOutEverywhereConfirm")}
        tone="danger"
        busy={action.busy}
        onConfirm={() => pending && void confirm(pending)}
        onCancel={() => setPending(null)}
      />
      <TemporaryPasswordDialog value={temp} onClose={() => setTemp(null)} />
    </>
  );
}
