"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { CheckboxField, EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { DISCLOSURE_METHODS, REQUEST_CHANNELS, REQUEST_KINDS } from "@/lib/requests/enums";
import { feeAllowed } from "@/lib/requests/fee";
import { createRequestSchema, updateRequestSchema, type RequestDto } from "@/lib/requests/schema";
import { requestKeys, type RegisterItemOption } from "./keys";

function valuesOf(r: RequestDto | undefined, today: string) {
  return {
    kind: r?.kind ?? "",
    channel: r?.channel ?? "email",
    receivedOn: r?.receivedOn ?? today,
    requesterName: r?.requesterName ?? "",
    requesterContact: r?.requesterContact ?? "",
    requesterAddress: r?.requesterAddress ?? "",
    viaAgent: r?.viaAgent ?? false,
    agentName: r?.agentName ?? "",
    agentRelationship: r?.agentRelationship ?? "",
    details: r?.details ?? "",
    disclosureMethod: r?.disclosureMethod ?? "",
    registerItemIds: r?.registerItems.map((i) => i.id) ?? ([] as number[]),
  };
}

/** Log a request received, or correct its intake (privacy manager), on the form kit. */
export function RequestForm({
  request,
  registerItems,
  today,
  onSaved,
  onConflictReload,
}: {
  request?: RequestDto;
  registerItems: RegisterItemOption[];
  today: string;
  onSaved?: () => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("requests");
  const tf = useTranslations("requests.form");
  const router = useRouter();
  const f = useForm({
    initial: valuesOf(request, today),
    record: request,
    schema: request ? updateRequestSchema : createRequestSchema,
    toInput: (v) => ({ ...v, disclosureMethod: v.disclosureMethod || null }),
    submit: (body) =>
      request ? apiFetch<RequestDto>(`/api/v1/requests/${request.id}`, { method: "PATCH", json: body }) : apiFetch<RequestDto>("/api/v1/requests", { method: "POST", json: body }),
    invalidate: [requestKeys.all],
    onSaved: (saved) => (onSaved ? onSaved() : router.push(`/requests/${saved.id}?created=1`)),
    loadLatest: request ? () => apiFetch<RequestDto>(`/api/v1/requests/${request.id}`) : undefined,
    compare: {
      kind: tf("kind"),
      channel: tf("channel"),
      receivedOn: tf("receivedOn"),
      requesterName: tf("requesterName"),
      requesterContact: tf("requesterContact"),
      requesterAddress: tf("requesterAddress"),
      agentName: tf("agentName"),
      details: tf("details"),
      disclosureMethod: tf("disclosureMethod"),
    },
    toValues: (latest) => valuesOf(latest, today),
  });
  const v = f.values;
  const disclosure = v.kind === "disclosure" || v.kind === "provision_record_disclosure";
  const toggleItem = (id: number, on: boolean) =>
    f.setValue("registerItemIds", on ? [...v.registerItemIds, id] : v.registerItemIds.filter((x) => x !== id));

  return (
    <Form
      form={f}
      onReload={onConflictReload}
      className="space-y-5"
      submitLabel={request ? tf("save") : tf("submit")}
      extraActions={
        request ? null : (
          <ButtonLink href="/requests" variant="secondary">
            {tf("cancel")}
          </ButtonLink>
        )
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <EnumSelect label={tf("kind")} required {...f.enumField("kind")} values={REQUEST_KINDS} empty={tf("choose")} optionLabel={(k) => t(`kinds.${k}`)} />
        <EnumSelect label={tf("channel")} required {...f.enumField("channel")} values={REQUEST_CHANNELS} optionLabel={(c) => t(`channels.${c}`)} />
        <TextField label={tf("receivedOn")} required type="date" {...f.field("receivedOn")} />
        {disclosure ? (
          <EnumSelect
            label={tf("disclosureMethod")}
            {...f.enumField("disclosureMethod")}
            values={DISCLOSURE_METHODS}
            empty={tf("notStated")}
            optionLabel={(m) => t(`disclosureMethods.${m}`)}
            hint={tf("disclosureMethodHint")}
          />
        ) : null}
      </div>
      {v.kind ? <p className="text-sm text-slate-700">{feeAllowed(v.kind as (typeof REQUEST_KINDS)[number]) ? tf("feeApplies") : tf("noFee")}</p> : null}
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{tf("requester")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={tf("requesterName")} required {...f.field("requesterName")} maxLength={200} />
          <TextField label={tf("requesterContact")} {...f.field("requesterContact")} maxLength={300} />
        </div>
        <TextField label={tf("requesterAddress")} {...f.field("requesterAddress")} maxLength={500} />
        <CheckboxField label={tf("viaAgent")} checked={v.viaAgent} onChange={(e) => f.setValue("viaAgent", e.target.checked)} />
        {v.viaAgent ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={tf("agentName")} required {...f.field("agentName")} maxLength={200} />
            <TextField label={tf("agentRelationship")} {...f.field("agentRelationship")} hint={tf("agentRelationshipHint")} maxLength={200} />
          </div>
        ) : null}
      </fieldset>
      <TextAreaField label={tf("details")} required rows={4} {...f.field("details")} hint={tf("detailsHint")} maxLength={4000} />
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{tf("registerItems")}</legend>
        {registerItems.length === 0 ? <p className="text-sm text-slate-600">{tf("noRegisterItems")}</p> : null}
        {registerItems.map((i) => (
          <CheckboxField key={i.id} label={`${i.code} ${i.name}`} checked={v.registerItemIds.includes(i.id)} onChange={(e) => toggleItem(i.id, e.target.checked)} />
        ))}
      </fieldset>
    </Form>
  );
}
