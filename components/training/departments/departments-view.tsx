"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { exportDepartmentsQuery, listDepartmentsQuery, type DepartmentDto } from "@/lib/training/departments-schema";
import { Alert, Badge, PageHeader } from "@/components/ui/card";
import { ActionMessage, useAction } from "@/components/ui/form";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import type { Column } from "@/components/ui/data-table";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { DepartmentFormDialog } from "./department-form";
import { departmentKeys } from "./keys";
import { fetchDepartments } from "./queries";

type Pending = { kind: "retire" | "restore"; department: DepartmentDto } | null;

export function DepartmentsView({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("departments");
  const tc = useTranslations("common");
  const listParams = useListParams(listDepartmentsQuery);
  const { values: query } = listParams;

  const list = useQuery({ queryKey: departmentKeys.list(query), queryFn: () => fetchDepartments(query), placeholderData: keepPreviousData });

  const [editing, setEditing] = useState<DepartmentDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  // Retire/restore and the form's "saved" share one message above the list.
  const action = useAction({ invalidate: [departmentKeys.all] });

  async function toggle(p: NonNullable<Pending>) {
    const { id, name, version } = p.department;
    await action.run(() => apiFetch<DepartmentDto>(`/api/v1/departments/${id}/${p.kind}`, { method: "POST", json: { version } }), {
      success: p.kind === "retire" ? t("retiredDone", { name }) : t("restoredDone", { name }),
    });
    setPending(null);
  }

  const columns: Column<DepartmentDto>[] = [
    { key: "code", header: t("fields.code"), sort: "code", cell: (d) => <span className="font-mono">{d.code}</span> },
    { key: "name", header: t("fields.name"), sort: "name", textWidth: "name", cell: (d) => <span className="font-medium text-slate-900">{d.name}</span> },
    {
      key: "employees",
      header: t("fields.activeEmployees"),
      sort: "employees",
      className: "text-right",
      cell: (d) => (
        <Link
          href={`/training/employees?departmentId=${d.id}`}
          className="text-brand-700 underline-offset-2 hover:underline"
          aria-label={t("employeeCountLabel", { name: d.name, count: d.activeEmployees })}
        >
          {t("employeeCount", { count: d.activeEmployees })}
        </Link>
      ),
    },
    {
      key: "status",
      header: t("fields.status"),
      cell: (d) =>
        d.retiredAt ? (
          <span className="inline-flex flex-wrap items-center gap-1">
            <Badge tone="slate">{t("status.retired")}</Badge>
            <time dateTime={d.retiredAt} className="text-xs text-slate-600">
              {formatDate(d.retiredAt)}
            </time>
          </span>
        ) : (
          <Badge tone="green">{t("status.active")}</Badge>
        ),
    },
  ];
  if (canEdit)
    columns.push({
      key: "actions",
      header: tc("actions"),
      className: "text-right whitespace-nowrap",
      cell: (d) => (
        <div className="-my-1.5 flex justify-end gap-1" role="group" aria-label={t("actionsFor", { name: d.name })}>
          <Button
            variant="ghost"
            onClick={() => {
              action.setMessage(null);
              setEditing(d);
              setFormOpen(true);
            }}
          >
            {tc("edit")}
          </Button>
          {d.retiredAt ? (
            <Button variant="ghost" onClick={() => setPending({ kind: "restore", department: d })}>
              {t("restore")}
            </Button>
          ) : (
            <Button variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => setPending({ kind: "retire", department: d })}>
              {t("retire")}
            </Button>
          )}
        </div>
      ),
    });

  const blocked = pending !== null && pending.kind === "retire" && pending.department.activeEmployees > 0;

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {canEdit ? (
              <Button
                onClick={() => {
                  action.setMessage(null);
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {t("add")}
              </Button>
            ) : null}
          </>
        }
      />
      {!canEdit ? <p className="-mt-3 mb-4 text-sm text-slate-600">{t("readOnly")}</p> : null}
      {action.message ? (
        <div className="mb-4">
          <ActionMessage message={action.message} />
        </div>
      ) : null}

      <FilterBar
        label={tc("filter")}
        className="mb-4"
        search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
        params={listParams}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/departments/export.csv", schema: exportDepartmentsQuery }}
      >
        <div className="pb-2">
          <FlagCheckbox label={t("showRetired")} params={listParams} name="includeRetired" />
        </div>
      </FilterBar>

      <ListTable caption={t("caption")} columns={columns} rowKey={(d) => d.id} query={list} params={listParams} />

      <DepartmentFormDialog
        open={formOpen}
        department={editing}
        onClose={() => setFormOpen(false)}
        onSaved={(d, created) => {
          setFormOpen(false);
          action.setMessage({ tone: "success", text: created ? t("created", { name: d.name }) : t("updated", { name: d.name }) });
        }}
      />

      {blocked ? (
        <Dialog open onClose={() => setPending(null)} title={t("retireTitle")}>
          <div className="space-y-4 text-sm text-slate-700">
            <Alert tone="warning">
              <p>{t("retireBlocked", { count: pending.department.activeEmployees })}</p>
            </Alert>
            <div className="flex flex-wrap justify-end gap-2">
              <ButtonLink href={`/training/employees?departmentId=${pending.department.id}`}>{t("viewEmployees")}</ButtonLink>
              <Button variant="secondary" onClick={() => setPending(null)}>
                {tc("close")}
              </Button>
            </div>
          </div>
        </Dialog>
      ) : (
        <ConfirmDialog
          open={pending !== null}
          title={pending?.kind === "restore" ? t("restoreTitle") : t("retireTitle")}
          tone={pending?.kind === "restore" ? "primary" : "danger"}
          confirmLabel={pending?.kind === "restore" ? t("restore") : t("retire")}
          busy={action.busy}
          onCancel={() => setPending(null)}
          onConfirm={() => pending && void toggle(pending)}
          body={pending ? <p>{t(pending.kind === "restore" ? "restoreBody" : "retireBody", { name: pending.department.name, code: pending.department.code })}</p> : null}
        />
      )}
    </div>
  );
}
