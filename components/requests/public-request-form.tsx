"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { CheckboxField, EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { DISCLOSURE_METHODS, REQUEST_KINDS } from "@/lib/requests/enums";
import { publicRequestSchema, type PublicRequestReceipt } from "@/lib/requests/schema";

const initial = {
  kind: "disclosure" as (typeof REQUEST_KINDS)[number],
  requesterName: "",
  requesterContact: "",
  requesterAddress: "",
  viaAgent: false,
  agentName: "",
  agentRelationship: "",
  details: "",
  disclosureMethod: "" as (typeof DISCLOSURE_METHODS)[number] | "",
};

/** The person's own request (or their agent's), sent without signing in; afterwards the reference and what happens next. */
export function PublicRequestForm({ targetDays }: { targetDays: number }) {
  const t = useTranslations("requests.public");
  const tr = useTranslations("requests");
  const tf = useTranslations("requests.form");
  const [receipt, setReceipt] = useState<PublicRequestReceipt | null>(null);
  const f = useForm({
    initial,
    schema: publicRequestSchema,
    submit: (body) => apiFetch<PublicRequestReceipt>("/api/v1/public/requests", { method: "POST", json: body }),
    onSaved: (r) => setReceipt(r),
  });
  if (receipt)
    return (
      <div className="space-y-3" role="status">
        <Alert tone="success">{t("received", { reference: receipt.reference, date: formatDate(receipt.receivedOn) })}</Alert>
        <h2 className="text-base font-semibold">{t("nextTitle")}</h2>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("next1")}</li>
          <li>{t("next2")}</li>
          <li>{t("next3", { days: receipt.targetDays })}</li>
        </ol>
      </div>
    );
  const v = f.values;
  return (
    <Form form={f} className="space-y-4" submitLabel={t("submit")}>
      <EnumSelect label={tf("kind")} required {...f.enumField("kind")} values={REQUEST_KINDS} optionLabel={(k) => tr(`kinds.${k}`)} />
      <TextField label={tf("requesterName")} required autoComplete="name" {...f.field("requesterName")} maxLength={200} />
      <TextField label={t("contact")} hint={t("contactHint")} required type="email" autoComplete="email" {...f.field("requesterContact")} maxLength={300} />
      <TextField label={tf("requesterAddress")} autoComplete="street-address" {...f.field("requesterAddress")} maxLength={500} />
      <CheckboxField label={t("viaAgent")} checked={v.viaAgent} onChange={(e) => f.setValue("viaAgent", e.target.checked)} />
      {v.viaAgent ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={tf("agentName")} required {...f.field("agentName")} maxLength={200} />
          <TextField label={tf("agentRelationship")} hint={tf("agentRelationshipHint")} {...f.field("agentRelationship")} maxLength={200} />
        </div>
      ) : null}
      <TextAreaField label={t("details")} hint={t("detailsHint")} required rows={5} {...f.field("details")} maxLength={4000} />
      {v.kind === "disclosure" || v.kind === "provision_record_disclosure" ? (
        <EnumSelect
          label={tf("disclosureMethod")}
          hint={t("disclosureMethodHint")}
          {...f.enumField("disclosureMethod")}
          values={DISCLOSURE_METHODS}
          empty={tf("notStated")}
          optionLabel={(m) => tr(`disclosureMethods.${m}`)}
        />
      ) : null}
      <p className="text-xs text-slate-600">{t("privacy", { days: targetDays })}</p>
    </Form>
  );
}
