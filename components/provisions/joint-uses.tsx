"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { createJointUseSchema, updateJointUseSchema, type JointUseDto } from "@/lib/provisions/schema";
import { provisionKeys } from "./keys";

const fetchJointUses = (includeRetired: boolean) => apiFetch<JointUseDto[]>(`/api/v1/joint-uses${includeRetired ? "?includeRetired=true" : ""}`);

/**
 * Each joint use (policy §4(3)) with the notice for the website generated from it and the provision
 * records made under it; the privacy manager adds, corrects, ends and restores them.
 */
export function JointUses({ canManage }: { canManage: boolean }) {
  const t = useTranslations("provisions.joint");
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<JointUseDto | "new" | null>(null);
  const [confirm, setConfirm] = useState<{ kind: "retire" | "restore"; j: JointUseDto } | null>(null);
  const action = useAction({ invalidate: [provisionKeys.all] });
  const q = useQuery({ queryKey: provisionKeys.jointUses(includeRetired), queryFn: () => fetchJointUses(includeRetired) });

  async function toggle(kind: "retire" | "restore", j: JointUseDto) {
    await action.run(() => apiFetch<JointUseDto>(`/api/v1/joint-uses/${j.id}/${kind}`, { method: "POST", json: { version: j.version } }), {
      success: t(kind === "retire" ? "ended" : "restored"),
    });
    setConfirm(null);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CheckboxField label={t("showEnded")} checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} />
        {canManage ? (
          <Button variant="primary" onClick={() => setEditing("new")}>
            {t("new")}
          </Button>
        ) : null}
      </div>
      {action.message ? <ActionMessage message={action.message} /> : null}
      {q.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : q.isError ? (
        <LoadError onRetry={q.refetch}>{t("loadError")}</LoadError>
      ) : !q.data.length ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        q.data.map((j) => (
          <Card
            key={j.id}
            title={
              <span className="flex flex-wrap items-center gap-2">
                {j.title}
                {j.retiredAt ? <Badge tone="slate">{t("endedBadge")}</Badge> : null}
              </span>
            }
            action={
              canManage ? (
                <div className="flex flex-wrap gap-2">
                  {j.retiredAt ? (
                    <Button variant="secondary" onClick={() => setConfirm({ kind: "restore", j })}>
                      {t("restore")}
                    </Button>
                  ) : (
                    <>
                      <Button variant="secondary" onClick={() => setEditing(j)}>
                        {t("edit")}
                      </Button>
                      <Button variant="danger" onClick={() => setConfirm({ kind: "retire", j })}>
                        {t("end")}
                      </Button>
                    </>
                  )}
                </div>
              ) : null
            }
          >
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-600">{t("publishedOn")}</dt>
              <dd>{j.publishedOn ? formatDate(j.publishedOn) : <Badge tone="amber">{t("notPublished")}</Badge>}</dd>
              <dt className="text-slate-600">{t("purpose")}</dt>
              <dd className="whitespace-pre-wrap">{j.purpose}</dd>
              <dt className="text-slate-600">{t("partners")}</dt>
              <dd className="whitespace-pre-wrap">{j.partners}</dd>
              <dt className="text-slate-600">{t("dataItems")}</dt>
              <dd className="whitespace-pre-wrap">{j.dataItems}</dd>
              <dt className="text-slate-600">{t("responsibleName")}</dt>
              <dd>{[j.responsibleName, j.responsibleAddress, j.responsibleRepresentative].join(" / ")}</dd>
              <dt className="text-slate-600">{t("records")}</dt>
              <dd>
                <Link href={`/provisions?jointUse=${j.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("recordCount", { count: j.provisionCount })}
                </Link>
              </dd>
              {j.retiredAt ? (
                <>
                  <dt className="text-slate-600">{t("endedOn")}</dt>
                  <dd>{formatDate(j.retiredAt)}</dd>
                </>
              ) : null}
            </dl>
            <h3 className="mt-3 text-sm font-semibold">{t("notice")}</h3>
            <pre lang="ja" className="mt-1 overflow-x-auto rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap">
              {j.notice}
            </pre>
          </Card>
        ))
      )}
      {canManage ? (
        <FormDialog open={editing !== null} onClose={() => setEditing(null)} title={t(editing === "new" ? "new" : "editHeading")} wide recordId={editing === "new" ? null : editing?.id}>
          <JointUseForm record={editing === "new" ? undefined : (editing ?? undefined)} onDone={() => setEditing(null)} />
        </FormDialog>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={t(confirm?.kind === "restore" ? "restoreTitle" : "endTitle")}
        tone={confirm?.kind === "restore" ? "primary" : "danger"}
        confirmLabel={t(confirm?.kind === "restore" ? "restore" : "end")}
        busy={action.busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void toggle(confirm.kind, confirm.j)}
        body={<p>{t(confirm?.kind === "restore" ? "restoreBody" : "endBody", { name: confirm?.j.title ?? "" })}</p>}
      />
    </div>
  );
}

function valuesOf(j: JointUseDto | undefined) {
  return {
    title: j?.title ?? "",
    purpose: j?.purpose ?? "",
    partners: j?.partners ?? "",
    dataItems: j?.dataItems ?? "",
    responsibleName: j?.responsibleName ?? "",
    responsibleAddress: j?.responsibleAddress ?? "",
    responsibleRepresentative: j?.responsibleRepresentative ?? "",
    publishedOn: j?.publishedOn ?? "",
  };
}

/** Add a joint use or correct one (versioned: a stale version is a conflict the form explains). */
function JointUseForm({ record, onDone }: { record?: JointUseDto; onDone: () => void }) {
  const t = useTranslations("provisions.joint");
  const f = useForm({
    initial: valuesOf(record),
    record,
    schema: record ? updateJointUseSchema : createJointUseSchema,
    submit: (body) =>
      record
        ? apiFetch<JointUseDto>(`/api/v1/joint-uses/${record.id}`, { method: "PATCH", json: body })
        : apiFetch<JointUseDto>("/api/v1/joint-uses", { method: "POST", json: body }),
    invalidate: [provisionKeys.all],
    onSaved: onDone,
    loadLatest: record
      ? async () => {
          const all = await fetchJointUses(true);
          const latest = all.find((x) => x.id === record.id);
          if (!latest) throw new Error("joint use not found");
          return latest;
        }
      : undefined,
    compare: { title: t("title"), purpose: t("purpose"), partners: t("partners"), publishedOn: t("publishedOn") },
    toValues: (latest) => valuesOf(latest),
  });
  return (
    <Form form={f} className="space-y-4" submitLabel={t("save")}>
      <TextField label={t("title")} required {...f.field("title")} maxLength={200} />
      <TextAreaField label={t("purpose")} required rows={2} {...f.field("purpose")} />
      <TextAreaField label={t("partners")} required rows={2} hint={t("partnersHint")} {...f.field("partners")} />
      <TextAreaField label={t("dataItems")} required rows={2} {...f.field("dataItems")} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("responsible")}</legend>
        <TextField label={t("responsibleName")} required {...f.field("responsibleName")} maxLength={200} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("responsibleAddress")} required {...f.field("responsibleAddress")} maxLength={500} />
          <TextField label={t("responsibleRepresentative")} required {...f.field("responsibleRepresentative")} maxLength={200} />
        </div>
      </fieldset>
      <TextField label={t("publishedOn")} type="date" hint={t("publishedOnHint")} {...f.field("publishedOn")} className="sm:max-w-56" />
    </Form>
  );
}
