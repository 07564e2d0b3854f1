"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { CERTIFICATION_KINDS, type CertificationKind } from "@/lib/contractors/rules";
import { createContractorSchema, updateContractorSchema, type ContractorDto } from "@/lib/contractors/schema";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { contractorKeys, focusFirstError } from "./shared";

type CertRow = { kind: CertificationKind; number: string; expiresOn: string };

/** Register a contractor (as a candidate) or edit one. Same zod schema as the API; server errors beside the fields. */
export function ContractorForm({ contractor }: { contractor?: ContractorDto }) {
  const t = useTranslations("contractors");
  const tc = useTranslations("common");
  const tAll = useTranslations();
  const router = useRouter();
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement | null>(null);
  const [f, setF] = useState({
    name: contractor?.name ?? "",
    corporateNumber: contractor?.corporateNumber ?? "",
    services: contractor?.services ?? "",
    dataCategories: (contractor?.dataCategories ?? []).join("、"),
    dataVolume: contractor?.dataVolume == null ? "" : String(contractor.dataVolume),
    contractStart: contractor?.contractStart ?? "",
    contractEnd: contractor?.contractEnd ?? "",
    contactName: contractor?.contactName ?? "",
    contactEmail: contractor?.contactEmail ?? "",
    contactPhone: contractor?.contactPhone ?? "",
    reassessmentMonths: contractor?.reassessmentMonths == null ? "" : String(contractor.reassessmentMonths),
    note: contractor?.note ?? "",
  });
  const [certs, setCerts] = useState<CertRow[]>((contractor?.certifications ?? []).map((c) => ({ kind: c.kind, number: c.number, expiresOn: c.expiresOn ?? "" })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setF((cur) => ({ ...cur, [k]: e.target.value }));
    setErrors((cur) => {
      if (!(k in cur)) return cur;
      const next = { ...cur };
      delete next[k];
      return next;
    });
  };

  const save = useMutation({
    mutationFn: (body: unknown) =>
      contractor
        ? apiFetch<ContractorDto>(`/api/v1/contractors/${contractor.id}`, { method: "PATCH", json: body })
        : apiFetch<ContractorDto>("/api/v1/contractors", { method: "POST", json: body }),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: contractorKeys.all });
      router.push(`/contractors/${saved.id}?saved=${contractor ? "updated" : "created"}`);
      router.refresh();
    },
    onError: (err) => {
      if (err instanceof ApiProblem) {
        setErrors(err.fieldErrors);
        setProblem({ message: err.status === 409 && !err.fieldErrors.corporateNumber ? t("conflict") : (err.detail ?? err.title), conflict: err.status === 409 && !err.fieldErrors.corporateNumber });
      } else setProblem({ message: tc("errorBody"), conflict: false });
      focusFirstError(formRef.current);
    },
  });

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    formRef.current = e.currentTarget;
    setProblem(null);
    const input = {
      ...f,
      certifications: certs.map((c) => ({ kind: c.kind, number: c.number, expiresOn: c.expiresOn })),
      ...(contractor ? { version: contractor.version } : {}),
    };
    const parsed = (contractor ? updateContractorSchema : createContractorSchema).safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const fe of issuesToFieldErrors(parsed.error.issues)) found[fe.field] ??= tAll(fe.messageKey, fe.values);
      setErrors(found);
      focusFirstError(formRef.current);
      return;
    }
    save.mutate(input);
  };

  const err = (k: string) => errors[k];
  return (
    <div className="space-y-4">
      <PageHeader title={contractor ? t("editTitle") : t("newTitle")} description={contractor ? contractor.name : t("newDescription")} />
      <form onSubmit={submit} noValidate className="space-y-4">
        {problem ? (
          <Alert tone={problem.conflict ? "warning" : "error"}>
            <p>{problem.message}</p>
            {problem.conflict ? (
              <button type="button" className="mt-2 underline" onClick={() => window.location.reload()}>
                {t("reload")}
              </button>
            ) : null}
          </Alert>
        ) : null}
        <Card title={t("detail.overview")}>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label={t("fields.name")} required value={f.name} onChange={set("name")} error={err("name")} maxLength={200} />
            <TextField
              label={t("fields.corporateNumber")}
              value={f.corporateNumber}
              onChange={set("corporateNumber")}
              error={err("corporateNumber")}
              hint={t("fields.corporateNumberHint")}
              inputMode="numeric"
              autoComplete="off"
              className="font-mono"
            />
            <div className="md:col-span-2">
              <TextAreaField label={t("fields.services")} required value={f.services} onChange={set("services")} error={err("services")} rows={2} />
            </div>
            <TextField label={t("fields.dataCategories")} value={f.dataCategories} onChange={set("dataCategories")} error={err("dataCategories")} hint={t("fields.dataCategoriesHint")} />
            <TextField label={t("fields.dataVolume")} value={f.dataVolume} onChange={set("dataVolume")} error={err("dataVolume")} inputMode="numeric" />
            <TextField
              label={t("fields.contractStart")}
              type="date"
              value={f.contractStart}
              onChange={set("contractStart")}
              error={err("contractStart")}
              hint={t("fields.contractStartHint")}
            />
            <TextField label={t("fields.contractEnd")} type="date" value={f.contractEnd} onChange={set("contractEnd")} error={err("contractEnd")} />
            <TextField
              label={t("fields.reassessmentMonths")}
              value={f.reassessmentMonths}
              onChange={set("reassessmentMonths")}
              error={err("reassessmentMonths")}
              hint={t("fields.reassessmentHint")}
              inputMode="numeric"
            />
          </div>
        </Card>
        <Card title={t("fields.contact")}>
          <div className="grid gap-4 md:grid-cols-3">
            <TextField label={t("fields.contactName")} value={f.contactName} onChange={set("contactName")} error={err("contactName")} />
            <TextField label={t("fields.contactEmail")} type="email" value={f.contactEmail} onChange={set("contactEmail")} error={err("contactEmail")} />
            <TextField label={t("fields.contactPhone")} type="tel" value={f.contactPhone} onChange={set("contactPhone")} error={err("contactPhone")} />
          </div>
        </Card>
        <Card title={t("fields.certifications")}>
          {certs.length === 0 ? <p className="mb-3 text-sm text-slate-600">{t("noCertifications")}</p> : null}
          <ul className="space-y-3">
            {certs.map((c, i) => (
              <li key={i} className="grid items-end gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-[1fr_1fr_1fr_auto]">
                <SelectField
                  label={t("fields.certKind")}
                  value={c.kind}
                  onChange={(e) => setCerts((cs) => cs.map((x, j) => (j === i ? { ...x, kind: e.target.value as CertificationKind } : x)))}
                >
                  {CERTIFICATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`certKind.${k}`)}
                    </option>
                  ))}
                </SelectField>
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
          <TextAreaField label={t("fields.note")} value={f.note} onChange={set("note")} error={err("note")} rows={3} />
        </Card>
        <div className="flex flex-wrap justify-end gap-2">
          <ButtonLink href={contractor ? `/contractors/${contractor.id}` : "/contractors"}>{tc("cancel")}</ButtonLink>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? tc("saving") : tc("save")}
          </Button>
        </div>
      </form>
    </div>
  );
}
