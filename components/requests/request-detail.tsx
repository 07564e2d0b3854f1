"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckboxField, EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { DISCLOSURE_METHODS, IDENTITY_METHODS, REFUSAL_GROUNDS, REQUEST_DECISIONS } from "@/lib/requests/enums";
import { answerSchema, feeSchema, identitySchema, withdrawSchema, type RequestDto } from "@/lib/requests/schema";
import { requestKeys, type RegisterItemOption } from "./keys";
import { ClockBadge, DueCell, StageBadge } from "./labels";
import { RequestForm } from "./request-form";

type Props = { id: number; canManage: boolean; registerItems: RegisterItemOption[]; created: boolean; today: string };

/** A request: its facts, its clock with the pauses, and the steps (identity, fee, answer) the privacy manager records. */
export function RequestDetail({ id, canManage, registerItems, created, today }: Props) {
  const t = useTranslations("requests");
  const td = useTranslations("requests.detail");
  const tc = useTranslations("common");
  const [editOpen, setEditOpen] = useState(false);
  const q = useQuery({ queryKey: requestKeys.detail(id), queryFn: () => apiFetch<RequestDto>(`/api/v1/requests/${id}`) });
  const action = useAction({ invalidate: [requestKeys.all] });
  if (q.isPending)
    return (
      <div className="space-y-3" aria-busy="true">
        <Skeleton className="h-8 w-1/2" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (q.isError) return <LoadError onRetry={q.refetch}>{q.error instanceof ApiProblem && q.error.status === 404 ? td("notFound") : td("error")}</LoadError>;
  const r = q.data;
  const open = !r.answeredOn && !r.withdrawnOn;
  const manage = canManage && !r.disposedOn;

  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 whitespace-pre-wrap">{value || td("none")}</dd>
    </div>
  );

  return (
    <div className="space-y-4">
      <p>
        <Link href="/requests" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          ← {td("back")}
        </Link>
      </p>
      <PageHeader
        title={`${r.reference} ${t(`kinds.${r.kind}`)}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StageBadge stage={r.stage} />
            <ClockBadge state={r.clockState} />
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {r.answeredOn && !r.disposedOn ? (
              <ButtonLink href={`/requests/${r.id}/letter`} variant="secondary">
                {td("letter")}
              </ButtonLink>
            ) : null}
            {manage && open ? <Button onClick={() => setEditOpen(true)}>{td("edit")}</Button> : null}
          </div>
        }
      />
      {created ? <Alert tone="success">{td("created", { reference: r.reference })}</Alert> : null}
      {r.disposedOn ? <Alert tone="info">{td("disposedNote", { date: formatDate(r.disposedOn) })}</Alert> : null}
      <ActionMessage message={action.message} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={td("clock")}>
          <div className="space-y-2 text-sm">
            <p className="text-base">
              {td("dueOn")}: <DueCell r={r} />
            </p>
            <p>{td("clockRule", { days: r.targetDays, received: formatDate(r.receivedOn), paused: r.pausedDays })}</p>
            {r.pauses.length ? (
              <ul className="list-disc pl-5">
                {r.pauses.map((p) => (
                  <li key={`${p.reason}${p.from}`}>
                    {t(`pauseReasons.${p.reason}`)}: {formatDate(p.from)} – {p.to ? formatDate(p.to) : td("ongoing")}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">{td("noPauses")}</p>
            )}
            {r.disposableFrom ? <p>{td("retention", { date: formatDate(r.disposableFrom) })}</p> : null}
          </div>
        </Card>
        <Card title={td("facts")}>
          <dl className="divide-y divide-slate-100 text-sm">
            {row(td("requester"), r.requesterName)}
            {row(td("contact"), [r.requesterContact, r.requesterAddress].filter(Boolean).join("\n"))}
            {r.viaAgent ? row(td("agent"), [r.agentName, r.agentRelationship].filter(Boolean).join(tc("listSeparator"))) : null}
            {row(td("channel"), t(`channels.${r.channel}`))}
            {row(td("receivedOn"), formatDate(r.receivedOn))}
            {row(td("details"), r.details)}
            {r.disclosureMethod ? row(td("disclosureMethod"), t(`disclosureMethods.${r.disclosureMethod}`)) : null}
            {row(td("registerItems"), r.registerItems.map((i) => `${i.code} ${i.name}`).join("\n"))}
          </dl>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <IdentityPanel r={r} manage={manage && open} />
        <FeePanel r={r} manage={manage && open} />
      </div>
      <AnswerPanel r={r} manage={manage && open} today={today} />

      {manage ? (
        <Card title={td("more")}>
          <div className="flex flex-wrap items-end gap-4">
            {open ? <WithdrawForm r={r} today={today} /> : null}
            {r.disposable ? (
              <Button
                variant="danger"
                disabled={action.busy}
                onClick={() =>
                  action.run(() => apiFetch(`/api/v1/requests/${r.id}/dispose`, { method: "POST", json: { version: r.version } }), { success: td("disposed") })
                }
              >
                {td("dispose")}
              </Button>
            ) : null}
          </div>
        </Card>
      ) : null}

      {manage ? (
        <FormDialog open={editOpen} onClose={() => setEditOpen(false)} title={td("edit")} wide recordId={r.id}>
          <RequestForm
            request={r}
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

const load = (id: number) => () => apiFetch<RequestDto>(`/api/v1/requests/${id}`);

function identityValues(r: RequestDto) {
  return { identityRequestedOn: r.identityRequestedOn ?? "", identityCheckedOn: r.identityCheckedOn ?? "", identityMethod: r.identityMethod ?? "", identityCheckedBy: r.identityCheckedBy ?? "" };
}

function IdentityPanel({ r, manage }: { r: RequestDto; manage: boolean }) {
  const t = useTranslations("requests");
  const ti = useTranslations("requests.identity");
  const f = useForm({
    initial: identityValues(r),
    record: r,
    followRecord: true,
    schema: identitySchema,
    toInput: (v) => ({ ...v, identityMethod: v.identityMethod || null }),
    submit: (body) => apiFetch<RequestDto>(`/api/v1/requests/${r.id}/identity`, { method: "PUT", json: body }),
    invalidate: [requestKeys.all],
    loadLatest: load(r.id),
    compare: { identityRequestedOn: ti("requestedOn"), identityCheckedOn: ti("checkedOn"), identityMethod: ti("method"), identityCheckedBy: ti("checkedBy") },
    toValues: identityValues,
  });
  return (
    <Card title={ti("heading")}>
      {manage ? (
        <Form form={f} className="space-y-3" submitLabel={ti("save")}>
          <p className="text-xs text-slate-600">{ti("intro")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField type="date" label={ti("requestedOn")} hint={ti("requestedOnHint")} {...f.field("identityRequestedOn")} />
            <TextField type="date" label={ti("checkedOn")} {...f.field("identityCheckedOn")} />
            <EnumSelect label={ti("method")} {...f.enumField("identityMethod")} values={IDENTITY_METHODS} empty={ti("choose")} optionLabel={(m) => t(`identityMethods.${m}`)} />
            <TextField label={ti("checkedBy")} {...f.field("identityCheckedBy")} maxLength={200} />
          </div>
        </Form>
      ) : (
        <p className="text-sm">
          {r.identityCheckedOn
            ? ti("confirmed", { date: formatDate(r.identityCheckedOn), method: r.identityMethod ? t(`identityMethods.${r.identityMethod}`) : "", by: r.identityCheckedBy ?? "" })
            : ti("notConfirmed")}
        </p>
      )}
    </Card>
  );
}

function feeValues(r: RequestDto) {
  return {
    feeExclTax: r.feeExclTax === null ? "" : String(r.feeExclTax),
    feeEstimatedOn: r.feeEstimatedOn ?? "",
    feeRequestedOn: r.feeRequestedOn ?? "",
    feePaidOn: r.feePaidOn ?? "",
    feeWaived: r.feeWaived,
  };
}

function FeePanel({ r, manage }: { r: RequestDto; manage: boolean }) {
  const tf = useTranslations("requests.fee");
  const f = useForm({
    initial: feeValues(r),
    record: r,
    followRecord: true,
    schema: feeSchema,
    submit: (body) => apiFetch<RequestDto>(`/api/v1/requests/${r.id}/fee`, { method: "PUT", json: body }),
    invalidate: [requestKeys.all],
    loadLatest: load(r.id),
    compare: { feeExclTax: tf("amount"), feeEstimatedOn: tf("estimatedOn"), feeRequestedOn: tf("requestedOn"), feePaidOn: tf("paidOn"), feeWaived: tf("waived") },
    toValues: feeValues,
  });
  const amount =
    r.feeExclTax !== null ? tf("amountLine", { excl: r.feeExclTax.toLocaleString(), rate: r.feeTaxRatePercent ?? 0, tax: (r.feeTax ?? 0).toLocaleString(), incl: (r.feeInclTax ?? 0).toLocaleString() }) : null;
  return (
    <Card title={tf("heading")}>
      {!r.feeAllowed ? (
        <p className="text-sm">{tf("notAllowed")}</p>
      ) : (
        <div className="space-y-3 text-sm">
          {amount ? <p className="font-medium">{amount}</p> : null}
          {manage ? (
            <Form form={f} className="space-y-3" submitLabel={tf("save")}>
              <p className="text-xs text-slate-600">{tf("intro")}</p>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField label={tf("amount")} type="number" inputMode="numeric" min={0} hint={tf("amountHint")} {...f.field("feeExclTax")} />
                <TextField type="date" label={tf("estimatedOn")} hint={tf("estimatedOnHint")} {...f.field("feeEstimatedOn")} />
                <TextField type="date" label={tf("requestedOn")} {...f.field("feeRequestedOn")} />
                <TextField type="date" label={tf("paidOn")} {...f.field("feePaidOn")} />
              </div>
              <CheckboxField label={tf("waived")} checked={f.values.feeWaived} onChange={(e) => f.setValue("feeWaived", e.target.checked)} />
            </Form>
          ) : (
            <p>{r.feeWaived ? tf("waivedNote") : r.feePaidOn ? tf("paidNote", { date: formatDate(r.feePaidOn) }) : tf("unpaidNote")}</p>
          )}
        </div>
      )}
    </Card>
  );
}

function answerValues(r: RequestDto, today: string) {
  return { decision: "", refusalGround: "", decisionReason: "", answeredOn: today, answerMethod: r.disclosureMethod ?? "", answerNote: "" };
}

function AnswerPanel({ r, manage, today }: { r: RequestDto; manage: boolean; today: string }) {
  const t = useTranslations("requests");
  const ta = useTranslations("requests.answer");
  // Follows the request as the identity and fee panels save newer versions (so the answer is sent with the current one).
  const f = useForm({
    initial: answerValues(r, today),
    record: r,
    followRecord: true,
    toValues: (latest: RequestDto) => answerValues(latest, today),
    schema: answerSchema,
    toInput: (v) => ({ ...v, refusalGround: v.decision === "refuse" ? v.refusalGround || null : null, answerMethod: v.answerMethod || null }),
    submit: (body) => apiFetch<RequestDto>(`/api/v1/requests/${r.id}/answer`, { method: "POST", json: body }),
    invalidate: [requestKeys.all],
    loadLatest: load(r.id),
  });
  if (r.answeredOn)
    return (
      <Card title={ta("heading")}>
        <dl className="grid grid-cols-3 gap-2 text-sm">
          <dt className="text-slate-600">{ta("decision")}</dt>
          <dd className="col-span-2">{r.decision ? t(`decisions.${r.decision}`) : null}</dd>
          {r.refusalGround ? (
            <>
              <dt className="text-slate-600">{ta("ground")}</dt>
              <dd className="col-span-2">{t(`refusalGrounds.${r.refusalGround}`)}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{ta("answeredOn")}</dt>
          <dd className="col-span-2">{formatDate(r.answeredOn)}</dd>
          {r.decisionReason ? (
            <>
              <dt className="text-slate-600">{ta("reason")}</dt>
              <dd className="col-span-2 whitespace-pre-wrap">{r.decisionReason}</dd>
            </>
          ) : null}
          {r.answerNote ? (
            <>
              <dt className="text-slate-600">{ta("note")}</dt>
              <dd className="col-span-2 whitespace-pre-wrap">{r.answerNote}</dd>
            </>
          ) : null}
        </dl>
      </Card>
    );
  if (r.withdrawnOn)
    return (
      <Card title={ta("heading")}>
        <p className="text-sm">{ta("withdrawnNote", { date: formatDate(r.withdrawnOn) })}</p>
      </Card>
    );
  if (!manage)
    return (
      <Card title={ta("heading")}>
        <p className="text-sm">{ta("notYet")}</p>
      </Card>
    );
  const v = f.values;
  return (
    <Card title={ta("heading")}>
      <Form form={f} className="space-y-3" submitLabel={ta("save")}>
        <p className="text-xs text-slate-600">{ta("intro")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <EnumSelect label={ta("decision")} required {...f.enumField("decision")} values={REQUEST_DECISIONS} empty={ta("choose")} optionLabel={(d) => t(`decisions.${d}`)} />
          <TextField type="date" label={ta("answeredOn")} required {...f.field("answeredOn")} />
          {v.decision === "refuse" ? (
            <EnumSelect label={ta("ground")} required {...f.enumField("refusalGround")} values={REFUSAL_GROUNDS} empty={ta("choose")} optionLabel={(g) => t(`refusalGrounds.${g}`)} className="sm:col-span-2" />
          ) : null}
          <EnumSelect label={ta("method")} {...f.enumField("answerMethod")} values={DISCLOSURE_METHODS} empty={ta("choose")} optionLabel={(m) => t(`disclosureMethods.${m}`)} />
        </div>
        {v.decision && v.decision !== "comply" ? <TextAreaField label={ta("reason")} required rows={3} hint={ta("reasonHint")} {...f.field("decisionReason")} /> : null}
        <TextAreaField label={ta("note")} rows={2} {...f.field("answerNote")} />
      </Form>
    </Card>
  );
}

function WithdrawForm({ r, today }: { r: RequestDto; today: string }) {
  const tw = useTranslations("requests.withdraw");
  const f = useForm({
    initial: { withdrawnOn: today },
    record: r,
    followRecord: true,
    toValues: () => ({ withdrawnOn: today }),
    schema: withdrawSchema,
    submit: (body) => apiFetch<RequestDto>(`/api/v1/requests/${r.id}/withdraw`, { method: "POST", json: body }),
    invalidate: [requestKeys.all],
    loadLatest: load(r.id),
  });
  return (
    <Form form={f} className="flex flex-wrap items-end gap-3" submitLabel={tw("save")}>
      <TextField type="date" label={tw("withdrawnOn")} {...f.field("withdrawnOn")} />
    </Form>
  );
}
