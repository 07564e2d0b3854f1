"use client";

import { useState, type FormEvent } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch, toQueryString } from "@/lib/client/api";
import { ROLES, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/dates";
import { Alert, Badge, EmptyState, PageHeader, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { usersFilterFrom, usersFilterParams, usersListKey, type UserListRow, type UserRow, type UsersFilter, type UsersPage } from "./filters";
import { EditUserDialog, InviteUserDialog, type CreatedUser } from "./user-dialogs";
import { TemporaryPasswordDialog, type TemporaryPassword } from "./temporary-password-dialog";

const ROLE_TONE: Record<Role, "blue" | "green" | "amber" | "slate"> = { privacy_manager: "blue", hr: "green", auditor: "amber", executive: "slate" };

type Pending = { kind: "toggle" | "reset" | "sessions"; user: UserListRow } | null;

export function UsersAdmin({ currentUserId }: { currentUserId: number }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = usersFilterFrom((k) => searchParams.get(k));

  const list = useQuery({
    queryKey: usersListKey(filter),
    queryFn: () => apiFetch<UsersPage>(`/api/v1/users${toQueryString({ ...usersFilterParams(filter), page: filter.page, pageSize: filter.pageSize })}`),
    placeholderData: keepPreviousData,
  });

  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [temp, setTemp] = useState<TemporaryPassword | null>(null);
  // Deactivate/reactivate, reset password, end sessions and the dialogs' "saved" share one message above the list.
  const action = useAction({ invalidate: [["users"]] });

  function setFilter(next: Partial<UsersFilter>) {
    const f = { ...filter, page: 1, ...next };
    router.replace(`${pathname}${toQueryString(usersFilterParams(f))}`, { scroll: false });
  }

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
      <span className="block break-all text-xs text-slate-600">{u.email}</span>
    </div>
  );
  const roleCell = (u: UserListRow) => (
    <span className="whitespace-nowrap">
      <Badge tone={ROLE_TONE[u.role]}>{tr(u.role)}</Badge>
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

  const data = list.data;
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

      <Filters filter={filter} onChange={setFilter} />

      <div className="hidden md:block">
        <DataTable
          caption={t("caption")}
          columns={columns}
          rows={data?.items}
          rowKey={(u) => u.id}
          loading={list.isFetching}
          error={list.isError && !data ? list.error : undefined}
          onRetry={() => void list.refetch()}
        />
      </div>
      {/* On a phone the same list as cards: a five-column table does not fit. */}
      <div className="md:hidden" aria-busy={list.isFetching || undefined}>
        {list.isError && !data ? (
          <Alert tone="error">
            {tc("error")}{" "}
            <Button variant="ghost" onClick={() => void list.refetch()}>
              {tc("retry")}
            </Button>
          </Alert>
        ) : !data ? (
          <div className="space-y-3">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-28 w-full" />
            ))}
          </div>
        ) : data.items.length === 0 ? (
          <EmptyState>{tc("empty")}</EmptyState>
        ) : (
          <ul aria-label={t("caption")} className="space-y-3">
            {data.items.map((u) => (
              <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
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
              </li>
            ))}
          </ul>
        )}
      </div>
      {data && data.total > 0 ? (
        <Pagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onPage={(page) => setFilter({ page })}
          onPageSize={(pageSize) => setFilter({ pageSize })}
        />
      ) : null}
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
            <p>{target.active ? t("deactivateBody") : t("reactivateBody", { role: tr(target.role) })}</p>
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

function Filters({ filter, onChange }: { filter: UsersFilter; onChange: (f: Partial<UsersFilter>) => void }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const tr = useTranslations("roles");
  const [q, setQ] = useState(filter.q);
  const [lastQ, setLastQ] = useState(filter.q);
  // The URL changed from outside (back button, cleared filters): follow it.
  if (filter.q !== lastQ) {
    setLastQ(filter.q);
    setQ(filter.q);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: q.trim() });
  };
  const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";
  const hasFilter = filter.q || filter.role || filter.active;
  return (
    <section aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-3">
      <form role="search" onSubmit={submit} className="flex min-w-56 flex-1 items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="users-q" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id="users-q"
            type="search"
            value={q}
            maxLength={100}
            placeholder={t("searchPlaceholder")}
            onChange={(e) => setQ(e.target.value)}
            className={selectClass}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("searchSubmit")}
        </Button>
      </form>
      <div className="w-full space-y-1 sm:w-48">
        <label htmlFor="users-role" className="block text-sm font-medium text-slate-800">
          {t("role")}
        </label>
        <select id="users-role" value={filter.role} onChange={(e) => onChange({ role: e.target.value as Role | "" })} className={selectClass}>
          <option value="">{t("allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full space-y-1 sm:w-40">
        <label htmlFor="users-active" className="block text-sm font-medium text-slate-800">
          {t("status")}
        </label>
        <select id="users-active" value={filter.active} onChange={(e) => onChange({ active: e.target.value as UsersFilter["active"] })} className={selectClass}>
          <option value="">{t("allStatuses")}</option>
          <option value="true">{t("statusActive")}</option>
          <option value="false">{t("statusInactive")}</option>
        </select>
      </div>
      {hasFilter ? (
        <Button variant="ghost" onClick={() => onChange({ q: "", role: "", active: "" })}>
          {tc("clearFilters")}
        </Button>
      ) : null}
    </section>
  );
}
