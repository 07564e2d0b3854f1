"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Alert, Badge, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import type { RegisterItemOption } from "@/components/requests/keys";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { groundCitationArgs } from "@/lib/provisions/rules";
import { disposeProvisionSchema, type ProvisionDto } from "@/lib/provisions/schema";
import { provisionKeys, type Option } from "./keys";
import { RetentionBadge } from "./labels";
import { ProvisionForm } from "./provision-form";

type Props = { id: number; canManage: boolean; contractors: Option[]; jointUses: Option[]; registerItems: RegisterItemOption[]; created: boolean; today: string };

export function ProvisionDetail({ id, canManage, contractors, jointUses, registerItems, created, today }: Props) {
  const t = useTranslations("provisions");
  const td = useTranslations("provisions.detail");
  const locale = useLocale();
  const [editOpen, setEditOpen] = useState(false);
  const [confirm, setConfirm] = useState<"retire" | "restore" | null>(null);
  const action = useAction({ invalidate: [provisionKeys.all] });
  const q = useQuery({ queryKey: provisionKeys.detail(id), queryFn: () => apiFetch<ProvisionDto>(`/api/v1/provision-records/${id}`) });
  if (q.isPending)
    return (
      <div className="space-y-3" aria-busy="true">
        <Skeleton className="h-8 w-1/2" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (q.isError) return <LoadError onRetry={q.refetch}>{q.error instanceof ApiProblem && q.error.status === 404 ? td("notFound") : td("error")}</LoadError>;
  const p = q.data;
  async function toggle(kind: "retire" | "restore") {
    await action.run(() => apiFetch<ProvisionDto>(`/api/v1/provision-records/${p.id}/${kind}`, { method: "POST", json: { version: p.version } }), {
      success: td(kind === "retire" ? "retired" : "restored"),
    });
    setConfirm(null);
  }
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 whitespace-pre-wrap">{value || td("none")}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <p>
        <Link href="/provisions" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          ← {td("back")}
        </Link>
      </p>
      <PageHeader
        title={p.counterpartyName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t(`directions.${p.direction}`)} <RetentionBadge state={p.retentionState} />
            {p.retiredAt ? <Badge tone="slate">{td("retiredBadge")}</Badge> : null}
          </span>
        }
        actions={
          canManage ? (
            <div className="flex flex-wrap gap-2">
              {!p.retiredAt && !p.disposedOn ? <Button onClick={() => setEditOpen(true)}>{td("edit")}</Button> : null}
              {p.retiredAt ? (
                <Button variant="primary" onClick={() => setConfirm("restore")}>
                  {td("restore")}
                </Button>
              ) : (
                <Button variant="danger" onClick={() => setConfirm("retire")}>
                  {td("retire")}
                </Button>
              )}
            </div>
          ) : null
        }
      />
      {created ? <Alert tone="success">{td("created")}</Alert> : null}
      {action.message ? <ActionMessage message={action.message} /> : null}
      {p.retiredAt && !action.message ? <Alert tone="info">{td("retiredNotice", { date: formatDate(p.retiredAt) })}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={td("retention")}>
          <div className="space-y-2 text-sm" data-testid="provision-retention">
            {p.recordRequired ? (
              <>
                <p className="text-base font-medium">{td("disposableFrom", { date: formatDate(p.disposableFrom) })}</p>
                <p>{td("retainUntil", { date: formatDate(p.retainUntil) })}</p>
                <p>{t(`recordForms.${p.recordForm}`)}</p>
              </>
            ) : (
              <p>{td("noRecord", { reason: p.thirdParty ? td("statutoryException") : td("notThirdParty") })}</p>
            )}
            {p.disposedOn ? <p>{td("disposedLine", { date: formatDate(p.disposedOn), by: p.disposedByName ?? "" })}</p> : null}
            {p.disposalNote ? <p>{p.disposalNote}</p> : null}
            {canManage && !p.retiredAt && p.retentionState === "disposable" ? <DisposeForm p={p} /> : null}
          </div>
        </Card>
        <Card title={td("ground")}>
          <dl className="divide-y divide-slate-100 text-sm">
            {row(td("ground"), t(`grounds.${p.ground}`))}
            {row(td("law"), td("lawValue", groundCitationArgs(p.ground, locale === "en" ? "en" : "ja")))}
            {p.consentMethod ? row(td("consentMethod"), p.consentMethod) : null}
            {p.contractorName ? row(td("contractor"), p.contractorName) : null}
            {p.jointUseTitle ? row(td("jointUse"), <Link href="/provisions/joint-uses" className="text-brand-700 underline-offset-2 hover:underline">{p.jointUseTitle}</Link>) : null}
          </dl>
        </Card>
      </div>
      <Card title={td("counterparty")}>
        <dl className="divide-y divide-slate-100 text-sm">
          {row(td("counterparty"), [p.counterpartyName, p.counterpartyAddress, p.counterpartyRepresentative].filter(Boolean).join("\n"))}
          {p.sourceHowObtained ? row(td("source"), p.sourceHowObtained) : null}
          {row(td("persons"), p.persons)}
          {row(td("dataItems"), p.dataItems)}
          {row(td("period"), p.providedTo ? `${formatDate(p.providedFrom)} – ${formatDate(p.providedTo)}` : formatDate(p.providedFrom))}
          {row(td("recordedOn"), formatDate(p.recordedOn))}
          {p.abroadCountry ? row(td("abroad"), `${p.abroadCountry}${p.abroadBasis ? ` — ${t(`abroadBases.${p.abroadBasis}`)}` : ""}`) : null}
          {p.countrySystem ? row(td("countrySystem"), p.countrySystem) : null}
          {p.recipientMeasures ? row(td("recipientMeasures"), p.recipientMeasures) : null}
          {p.abroadBasis === "consent_with_information" ? row(td("informed"), p.informedBeforeConsent ? td("yes") : td("no")) : null}
          {row(td("registerItems"), p.registerItems.map((i) => `${i.code} ${i.name}`).join("\n"))}
        </dl>
      </Card>
      <ConfirmDialog
        open={confirm !== null}
        title={td(confirm === "restore" ? "restoreTitle" : "retireTitle")}
        tone={confirm === "restore" ? "primary" : "danger"}
        confirmLabel={td(confirm === "restore" ? "restore" : "retire")}
        busy={action.busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void toggle(confirm)}
        body={<p>{td(confirm === "restore" ? "restoreBody" : "retireBody", { name: p.counterpartyName })}</p>}
      />
      {canManage ? (
        <FormDialog open={editOpen} onClose={() => setEditOpen(false)} title={t("form.editHeading")} wide recordId={p.id}>
          <ProvisionForm
            record={p}
            contractors={contractors}
            jointUses={jointUses}
            registerItems={registerItems}
            today={today}
            onSaved={() => setEditOpen(false)}
            onConflictReload={async () => {
              await q.refetch();
              setEditOpen(false);
            }}
          />
        </FormDialog>
      ) : null}
    </div>
  );
}

function DisposeForm({ p }: { p: ProvisionDto }) {
  const td = useTranslations("provisions.detail");
  const f = useForm({
    initial: { disposalNote: "" },
    record: p,
    schema: disposeProvisionSchema,
    submit: (body) => apiFetch<ProvisionDto>(`/api/v1/provision-records/${p.id}/dispose`, { method: "POST", json: body }),
    invalidate: [provisionKeys.all],
    loadLatest: () => apiFetch<ProvisionDto>(`/api/v1/provision-records/${p.id}`),
  });
  return (
    <Form form={f} className="space-y-2 border-t border-slate-100 pt-3" submitLabel={td("dispose")}>
      <TextField label={td("disposalNote")} {...f.field("disposalNote")} maxLength={1000} />
    </Form>
  );
}
