"use client";

import Link from "@/components/ui/link";
import { useState, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { AuditEntryDto, EmployeeDto } from "@/lib/training/employees-schema";
import { AUDITED_EMPLOYEE_FIELDS, type AuditedEmployeeField } from "@/lib/training/employees-state";
import { auditChanges } from "@/lib/audit-changes";
import { Alert, Badge, Card, EmptyState, PageHeader, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";
import { departmentKeys } from "../departments/keys";
import { fetchDepartmentOptions } from "../departments/queries";
import { EmployeeBadges } from "./badges";
import { EmployeeFormDialog } from "./employee-form";
import { employeeKeys } from "./keys";
import { fetchEmployee, fetchEmployeeHistory } from "./queries";
import { ChangeTable } from "../records/change-table";
import { EmployeeReminders } from "@/components/notifications/employee-reminders";

export function EmployeeDetail({ id, canEdit }: { id: number; canEdit: boolean }) {
  const t = useTranslations("employees");
  const tc = useTranslations("common");
  const tt = useTranslations("employmentTypes");
  const qc = useQueryClient();
  const employee = useQuery({ queryKey: employeeKeys.detail(id), queryFn: () => fetchEmployee(id) });
  const [editOpen, setEditOpen] = useState(false);
  const [confirm, setConfirm] = useState<"retire" | "restore" | null>(null);
  // Retire/restore and the edit form's "saved" share one message under the header.
  const action = useAction({ invalidate: [employeeKeys.all, departmentKeys.all] });

  async function toggle(kind: "retire" | "restore", e: EmployeeDto) {
    await action.run(
      async () => qc.setQueryData(employeeKeys.detail(id), await apiFetch<EmployeeDto>(`/api/v1/employees/${e.id}/${kind}`, { method: "POST", json: { version: e.version } })),
      { success: kind === "retire" ? t("retiredDone", { name: e.name }) : t("restoredDone", { name: e.name }) },
    );
    setConfirm(null);
  }

  if (employee.isPending)
    return (
      <div className="space-y-4" role="status">
        <span className="sr-only">{tc("loading")}</span>
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  if (employee.isError)
    return (
      <LoadError onRetry={() => employee.refetch()} />
    );

  const e = employee.data;
  const item = (label: string, value: ReactNode) => (
    <div className="border-b border-slate-100 py-2 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900 sm:mt-0">{value === null || value === "" ? <span className="text-slate-500">—</span> : value}</dd>
    </div>
  );

  return (
    <div>
      <Link href="/training/employees" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("detail.back")}
      </Link>
      <PageHeader
        title={e.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{e.employeeNumber}</span>
            {e.nameKana ? <span>{e.nameKana}</span> : null}
            <EmployeeBadges employee={e} />
          </span>
        }
        actions={
          canEdit ? (
            <>
              <Button onClick={() => (action.setMessage(null), setEditOpen(true))}>{tc("edit")}</Button>
              {e.retiredAt ? (
                <Button variant="secondary" onClick={() => setConfirm("restore")}>
                  {t("restore")}
                </Button>
              ) : (
                <Button variant="secondary" className="text-red-700" onClick={() => setConfirm("retire")}>
                  {t("retire")}
                </Button>
              )}
            </>
          ) : null
        }
      />

      <div className="mb-4 space-y-2">
        <ActionMessage message={action.message} />
        {e.retiredAt ? <Alert tone="warning">{t("detail.retiredNotice", { date: formatDateTime(e.retiredAt) })}</Alert> : null}
        {!e.retiredAt && e.state === "left" && e.leaveDate ? <Alert tone="info">{t("detail.leftNotice", { date: formatDate(e.leaveDate) })}</Alert> : null}
        {!e.retiredAt && e.state !== "left" && e.exemptionReason ? <Alert tone="warning">{t("detail.exemptNotice", { reason: e.exemptionReason })}</Alert> : null}
      </div>

      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <Card
          title={t("detail.profile")}
          action={
            <div className="flex flex-wrap gap-2 text-sm">
              <Link className="text-brand-700 hover:underline" href={`/training/status?q=${encodeURIComponent(e.employeeNumber)}`}>
                {t("detail.trainingStatus")}
              </Link>
              <Link className="text-brand-700 hover:underline" href={`/training/records?employeeId=${e.id}`}>
                {t("detail.trainingRecords")}
              </Link>
            </div>
          }
        >
          <dl>
            {item(t("fields.employeeNumber"), <span className="font-mono">{e.employeeNumber}</span>)}
            {item(t("fields.name"), e.name)}
            {item(t("fields.nameKana"), e.nameKana)}
            {item(t("fields.email"), e.email ? <a href={`mailto:${e.email}`} className="text-brand-700 hover:underline">{e.email}</a> : null)}
            {item(
              t("fields.departmentId"),
              <span>
                <span className="font-mono text-xs text-slate-600">{e.departmentCode}</span> {e.departmentName}
                {e.departmentRetired ? (
                  <span className="ml-2">
                    <Badge tone="slate">{t("departmentRetiredBadge")}</Badge>
                  </span>
                ) : null}
              </span>,
            )}
            {item(t("fields.employmentType"), tt(e.employmentType))}
            {item(t("fields.hireDate"), formatDate(e.hireDate))}
            {item(t("fields.leaveDate"), formatDate(e.leaveDate))}
            {item(t("fields.exemptionReason"), e.exemptionReason)}
            {item(t("fields.createdAt"), formatDateTime(e.createdAt))}
            {item(t("fields.updatedAt"), formatDateTime(e.updatedAt))}
          </dl>
        </Card>
        <History id={id} version={e.version} />
      </div>
      {canEdit ? (
        <div className="mt-4">
          <EmployeeReminders employeeId={id} />
        </div>
      ) : null}

      <EmployeeFormDialog
        open={editOpen}
        employee={e}
        onClose={() => setEditOpen(false)}
        onSaved={(saved) => {
          qc.setQueryData(employeeKeys.detail(id), saved);
          setEditOpen(false);
          action.setMessage({ tone: "success", text: t("updated", { name: saved.name }) });
        }}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "restore" ? t("restoreTitle") : t("retireTitle")}
        tone={confirm === "restore" ? "primary" : "danger"}
        confirmLabel={confirm === "restore" ? t("restore") : t("retire")}
        busy={action.busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void toggle(confirm, e)}
        body={
          <div className="space-y-3">
            <p>{t(confirm === "restore" ? "restoreBody" : "retireBody", { name: e.name, number: e.employeeNumber })}</p>
            {confirm === "retire" && e.state !== "left" ? <Alert tone="info">{t("retireHint")}</Alert> : null}
          </div>
        }
      />
    </div>
  );
}

/** The audit trail of the record, newest first; an update lists each changed field, before → after. */
function History({ id, version }: { id: number; version: number }) {
  const t = useTranslations("employees");
  const tt = useTranslations("employmentTypes");
  // The version is part of the key so that the history follows every saved change.
  const history = useQuery({ queryKey: [...employeeKeys.history(id), version], queryFn: () => fetchEmployeeHistory(id) });
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });

  function show(field: AuditedEmployeeField, v: unknown): string {
    if (v === null || v === undefined || v === "") return t("history.emptyValue");
    if (field === "departmentId") {
      const d = departments.data?.find((x) => x.id === v);
      return d ? `${d.code} ${d.name}` : String(v);
    }
    if (field === "employmentType") return tt(String(v) as "regular");
    if (field === "hireDate" || field === "leaveDate") return formatDate(String(v));
    if (field === "retiredAt") return formatDateTime(String(v));
    return String(v);
  }

  const actionLabel = (a: string) => (["create", "update", "retire", "restore", "import"].includes(a) ? t(`history.actions.${a as "create"}`) : a);

  return (
    <Card title={t("history.title")}>
      {history.isPending ? (
        <div className="space-y-2">
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-3/4" />
        </div>
      ) : history.isError ? (
        <LoadError onRetry={() => history.refetch()} />
      ) : history.data.length === 0 ? (
        <EmptyState>{t("history.empty")}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {history.data.map((h: AuditEntryDto) => {
            const changes = h.action === "create" ? [] : auditChanges(h.before, h.after, AUDITED_EMPLOYEE_FIELDS);
            return (
              <li key={h.id} className="border-l-2 border-brand-100 pl-3">
                <p className="text-sm">
                  <Badge tone={h.action === "retire" ? "red" : h.action === "create" ? "green" : "blue"}>{actionLabel(h.action)}</Badge>{" "}
                  <time dateTime={h.occurredAt} className="text-slate-700">
                    {formatDateTime(h.occurredAt)}
                  </time>{" "}
                  <span className="text-slate-600">{h.actorEmail ?? t("history.system")}</span>
                </p>
                {h.action === "update" ? (
                  changes.length === 0 ? (
                    <p className="mt-1 text-xs text-slate-600">{t("history.noFieldChanges")}</p>
                  ) : (
                    <ChangeTable
                      caption={t("history.caption", { date: formatDateTime(h.occurredAt), actor: h.actorEmail ?? t("history.system"), action: actionLabel(h.action) })}
                      rows={changes.map((c) => ({ field: c.field, label: t(`fields.${c.field}`), before: show(c.field, c.before), after: show(c.field, c.after) }))}
                    />
                  )
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <p className="mt-4 text-xs text-slate-600">{t("history.importNote")}</p>
    </Card>
  );
}
