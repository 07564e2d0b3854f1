"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Badge, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { createPurposeSchema, updatePurposeSchema, type PurposeDto } from "@/lib/register/schema";
import { registerKeys } from "./keys";

/** The company's purposes of use (privacy policy §3): register items choose theirs from this list. */
export function PurposesManager({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("register");
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<PurposeDto | "new" | null>(null);
  const purposes = useQuery({
    queryKey: registerKeys.purposes(includeRetired),
    queryFn: () => apiFetch<{ items: PurposeDto[] }>(`/api/v1/register/purposes${includeRetired ? "?includeRetired=true" : ""}`).then((r) => r.items),
  });
  const action = useAction({ invalidate: [registerKeys.all] });
  const toggle = (p: PurposeDto) =>
    action.run(() => apiFetch<PurposeDto>(`/api/v1/register/purposes/${p.id}/${p.retiredAt ? "restore" : "retire"}`, { method: "POST", json: { version: p.version } }), {
      success: t(p.retiredAt ? "actions.restored" : "actions.retired"),
    });

  const columns: Column<PurposeDto>[] = [
    { key: "code", header: t("purposes.code"), className: "whitespace-nowrap font-mono", cell: (p) => p.code },
    {
      key: "text",
      header: t("purposes.text"),
      cell: (p) => (
        <span className="block min-w-56">
          {p.text} {p.retiredAt ? <Badge tone="slate">{t("retiredBadge")}</Badge> : null}
        </span>
      ),
    },
    { key: "items", header: t("purposes.itemCount"), className: "whitespace-nowrap text-right", cell: (p) => p.itemCount },
    ...(canEdit
      ? [
          {
            key: "actions",
            header: t("actions.edit"),
            className: "whitespace-nowrap",
            cell: (p: PurposeDto) => (
              <span className="flex gap-2">
                {p.retiredAt ? null : (
                  <Button type="button" variant="secondary" onClick={() => setEditing(p)} aria-label={`${t("actions.edit")} ${p.code}`}>
                    {t("actions.edit")}
                  </Button>
                )}
                <Button type="button" variant={p.retiredAt ? "secondary" : "ghost"} disabled={action.busy} onClick={() => void toggle(p)} aria-label={`${t(p.retiredAt ? "actions.restore" : "actions.retire")} ${p.code}`}>
                  {t(p.retiredAt ? "actions.restore" : "actions.retire")}
                </Button>
              </span>
            ),
          } satisfies Column<PurposeDto>,
        ]
      : []),
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("purposesTitle")}
        description={t("purposes.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/register">{t("backToList")}</ButtonLink>
            {canEdit ? (
              <Button type="button" onClick={() => setEditing("new")}>
                {t("purposes.new")}
              </Button>
            ) : null}
          </div>
        }
      />
      {action.message ? <ActionMessage message={action.message} /> : null}
      <Card>
        <div className="mb-3">
          <CheckboxField label={t("purposes.includeRetired")} checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} />
        </div>
        {purposes.isError && !purposes.data ? (
          <LoadError onRetry={() => purposes.refetch()}>{t("loadError")}</LoadError>
        ) : !purposes.data ? (
          <Skeleton className="h-32 w-full" />
        ) : purposes.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t("purposes.empty")}</p>
        ) : (
          <DataTable caption={t("purposesTitle")} columns={columns} rows={purposes.data} rowKey={(p) => p.id} />
        )}
      </Card>
      <FormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("purposes.new") : t("purposes.edit")}
        recordId={editing && editing !== "new" ? editing.id : null}
      >
        <PurposeForm purpose={editing && editing !== "new" ? editing : undefined} onDone={() => setEditing(null)} />
      </FormDialog>
    </div>
  );
}

const valuesOf = (p?: PurposeDto) => ({ code: p?.code ?? "", text: p?.text ?? "", sortOrder: p ? String(p.sortOrder) : "" });

function PurposeForm({ purpose, onDone }: { purpose?: PurposeDto; onDone: () => void }) {
  const t = useTranslations("register.purposes");
  const f = useForm({
    initial: valuesOf(purpose),
    record: purpose,
    schema: purpose ? updatePurposeSchema : createPurposeSchema,
    submit: (body) =>
      purpose
        ? apiFetch<PurposeDto>(`/api/v1/register/purposes/${purpose.id}`, { method: "PATCH", json: body })
        : apiFetch<PurposeDto>("/api/v1/register/purposes", { method: "POST", json: body }),
    invalidate: [registerKeys.all],
    onSaved: onDone,
    loadLatest: purpose
      ? () => apiFetch<{ items: PurposeDto[] }>("/api/v1/register/purposes?includeRetired=true").then((r) => r.items.find((x) => x.id === purpose.id)!)
      : undefined,
    compare: { code: t("code"), text: t("text"), sortOrder: t("sortOrder") },
    toValues: valuesOf,
  });
  return (
    <Form form={f} onCancel={onDone}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("code")} required maxLength={20} autoComplete="off" className="font-mono" {...f.field("code")} />
        <TextField label={t("sortOrder")} inputMode="numeric" {...f.field("sortOrder")} />
      </div>
      <TextAreaField label={t("text")} required rows={3} {...f.field("text")} />
    </Form>
  );
}
