"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { CERTIFICATION_KINDS, type CertificationKind } from "@/lib/contractors/rules";
import { createContractorSchema, updateContractorSchema, type ContractorDetail, type ContractorDto } from "@/lib/contractors/schema";
import { contractorKeys } from "./shared";

type CertRow = { kind: CertificationKind; number: string; expiresOn: string };

const FIELDS = [
  "name",
  "corporateNumber",
  "services",
  "dataCategories",
  "dataVolume",
  "contractStart",
  "contractEnd",
  "contactName",
  "contactEmail",
  "contactPhone",
  "reassessmentMonths",
  "note",
] as const;

const valuesOf = (c?: ContractorDto) => ({
  name: c?.name ?? "",
  corporateNumber: c?.corporateNumber ?? "",
  services: c?.services ?? "",
  dataCategories: (c?.dataCategories ?? []).join("、"),
  dataVolume: c?.dataVolume == null ? "" : String(c.dataVolume),
  contractStart: c?.contractStart ?? "",
  contractEnd: c?.contractEnd ?? "",
  contactName: c?.contactName ?? "",
  contactEmail: c?.contactEmail ?? "",
  contactPhone: c?.contactPhone ?? "",
  reassessmentMonths: c?.reassessmentMonths == null ? "" : String(c.reassessmentMonths),
  note: c?.note ?? "",
  certs: (c?.certifications ?? []).map((x): CertRow => ({ kind: x.kind, number: x.number, expiresOn: x.expiresOn ?? "" })),
});

/** Register a contractor (as a candidate) or edit one. Same zod schema as the API; server errors beside the fields. */
export function ContractorForm({ contractor }: { contractor?: ContractorDto }) {
  const t = useTranslations("contractors");
  const router = useRouter();
  const f = useForm({
    initial: valuesOf(contractor),
    record: contractor,
    schema: contractor ? updateContractorSchema : createContractorSchema,
    toInput: ({ certs, ...v }) => ({ ...v, certifications: certs.map((c) => ({ kind: c.kind, number: c.number, expiresOn: c.expiresOn })) }),
    fields: (field) => (FIELDS as readonly string[]).includes(field) || field.startsWith("certifications."),
    submit: (body) =>
      contractor
        ? apiFetch<ContractorDto>(`/api/v1/contractors/${contractor.id}`, { method: "PATCH", json: body })
        : apiFetch<ContractorDto>("/api/v1/contractors", { method: "POST", json: body }),
    invalidate: [contractorKeys.all],
    onSaved: (saved) => {
      router.push(`/contractors/${saved.id}?saved=${contractor ? "updated" : "created"}`);
      router.refresh();
    },
    loadLatest: contractor ? () => apiFetch<ContractorDetail>(`/api/v1/contractors/${contractor.id}`).then((d) => d.contractor) : undefined,
    compare: { ...Object.fromEntries(FIELDS.map((k) => [k, t(`fields.${k}`)])), certifications: t("fields.certifications") },
    toValues: valuesOf,
  });
  const certs = f.values.certs;
  const setCerts = (next: (cs: CertRow[]) => CertRow[]) => f.setValue("certs", next(certs));

  const err = (k: string) => f.errors[k];
  return (
    <div className="space-y-4">
      <PageHeader title={contractor ? t("editTitle") : t("newTitle")} description={contractor ? contractor.name : t("newDescription")} />
      <Form form={f} onCancel={() => router.push(contractor ? `/contractors/${contractor.id}` : "/contractors")}>
        <Card title={t("detail.overview")}>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label={t("fields.name")} required {...f.field("name")} maxLength={200} />
            <TextField
              label={t("fields.corporateNumber")}
              {...f.field("corporateNumber")}
              hint={t("fields.corporateNumberHint")}
              inputMode="numeric"
              autoComplete="off"
              className="font-mono"
            />
            <div className="md:col-span-2">
              <TextAreaField label={t("fields.services")} required {...f.field("services")} rows={2} />
            </div>
            <TextField label={t("fields.dataCategories")} {...f.field("dataCategories")} hint={t("fields.dataCategoriesHint")} />
            <TextField label={t("fields.dataVolume")} {...f.field("dataVolume")} inputMode="numeric" />
            <TextField
              label={t("fields.contractStart")}
              type="date"
              {...f.field("contractStart")}
              hint={t("fields.contractStartHint")}
            />
            <TextField label={t("fields.contractEnd")} type="date" {...f.field("contractEnd")} />
            <TextField
              label={t("fields.reassessmentMonths")}
              {...f.field("reassessmentMonths")}
              hint={t("fields.reassessmentHint")}
              inputMode="numeric"
            />
          </div>
        </Card>
        <Card title={t("fields.contact")}>
          <div className="grid gap-4 md:grid-cols-3">
            <TextField label={t("fields.contactName")} {...f.field("contactName")} />
            <TextField label={t("fields.contactEmail")} type="email" {...f.field("contactEmail")} />
            <TextField label={t("fields.contactPhone")} type="tel" {...f.field("contactPhone")} />
          </div>
        </Card>
        <Card title={t("fields.certifications")}>
          {certs.length === 0 ? <p className="mb-3 text-sm text-slate-600">{t("noCertifications")}</p> : null}
          <ul className="space-y-3">
            {certs.map((c, i) => (
              <li key={i} className="grid items-end gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-[1fr_1fr_1fr_auto]">
                <EnumSelect
                  label={t("fields.certKind")}
                  values={CERTIFICATION_KINDS}
                  value={c.kind}
                  onValueChange={(kind) => kind && setCerts((cs) => cs.map((x, j) => (j === i ? { ...x, kind } : x)))}
                  optionLabel={(k) => t(`certKind.${k}`)}
                />
                <TextField
                  label={t("fields.certNumber")}
                  required
                  value={c.number}
                  error={err(`certifications.${i}.number`)}
                  onChange={(e) => setCerts((cs) => cs.map((x, j) => (j === i ? { ...x, number: e.target.value } : x)))}
                />
                <TextField
                  label={t("fields.certExpires")}
                  type="date"
                  value={c.expiresOn}
                  error={err(`certifications.${i}.expiresOn`)}
                  onChange={(e) => setCerts((cs) => cs.map((x, j) => (j === i ? { ...x, expiresOn: e.target.value } : x)))}
                />
                <Button type="button" variant="secondary" onClick={() => setCerts((cs) => cs.filter((_, j) => j !== i))}>
                  {t("removeCertification")}
                </Button>
              </li>
            ))}
          </ul>
          <Button type="button" variant="secondary" className="mt-3" onClick={() => setCerts((cs) => [...cs, { kind: "pmark", number: "", expiresOn: "" }])}>
            {t("addCertification")}
          </Button>
        </Card>
        <Card>
          <TextAreaField label={t("fields.note")} {...f.field("note")} rows={3} />
        </Card>
</Form>
    </div>
  );
}
