"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, PageHeader } from "@/components/ui/card";
import { EnumSelect, IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { departmentKeys } from "@/components/training/departments/keys";
import { fetchDepartmentOptions } from "@/components/training/departments/queries";
import { apiFetch } from "@/lib/client/api";
import type { ContractorDto } from "@/lib/contractors/schema";
import type { Page } from "@/lib/list/page";
import { ACQUISITION_METHODS, DATA_FORMS, PROVISION_KINDS, REGISTER_KINDS } from "@/lib/register/enums";
import { createItemSchema, updateItemSchema, type ItemDetail, type PurposeDto, type RegisterItemDto } from "@/lib/register/schema";
import { CheckList } from "./check-list";
import { CONTRACTOR_OPTIONS_PATH, registerKeys } from "./keys";

const TEXT_FIELDS = [
  "code",
  "name",
  "dataSubjects",
  "dataItems",
  "personCount",
  "noticeOrConsent",
  "storagePlace",
  "storageMethod",
  "accessScope",
  "usePeriod",
  "retentionPeriod",
  "disposalMethod",
  "provisionBasis",
  "abroadCountries",
  "reviewIntervalMonths",
  "lastReviewedOn",
  "note",
] as const;

const valuesOf = (i?: RegisterItemDto) => ({
  code: i?.code ?? "",
  name: i?.name ?? "",
  kind: i?.kind ?? ("personal" as RegisterItemDto["kind"]),
  dataSubjects: (i?.dataSubjects ?? []).join("、"),
  dataItems: (i?.dataItems ?? []).join("、"),
  personCount: i?.personCount == null ? "" : String(i.personCount),
  form: i?.form ?? ("electronic" as RegisterItemDto["form"]),
  acquisitionMethod: i?.acquisitionMethod ?? ("" as RegisterItemDto["acquisitionMethod"] | ""),
  noticeOrConsent: i?.noticeOrConsent ?? "",
  purposeIds: i?.purposes.map((p) => p.id) ?? [],
  ownerDepartmentId: i?.ownerDepartmentId == null ? "" : String(i.ownerDepartmentId),
  storagePlace: i?.storagePlace ?? "",
  storageMethod: i?.storageMethod ?? "",
  accessScope: i?.accessScope ?? "",
  usePeriod: i?.usePeriod ?? "",
  retentionPeriod: i?.retentionPeriod ?? "",
  disposalMethod: i?.disposalMethod ?? "",
  contractorIds: i?.contractors.map((c) => c.id) ?? [],
  provision: i?.provision ?? ("none" as RegisterItemDto["provision"]),
  provisionBasis: i?.provisionBasis ?? "",
  abroadCountries: (i?.abroadCountries ?? []).join("、"),
  reviewIntervalMonths: String(i?.reviewIntervalMonths ?? 12),
  lastReviewedOn: i?.lastReviewedOn ?? "",
  note: i?.note ?? "",
});

/** Add a register item or edit one: the API's schema checks it here first; purposes from the company's list, contractors from the contractor register. */
export function ItemForm({ item }: { item?: RegisterItemDto }) {
  const t = useTranslations("register");
  const router = useRouter();
  const purposes = useQuery({ queryKey: registerKeys.purposes(false), queryFn: () => apiFetch<{ items: PurposeDto[] }>("/api/v1/register/purposes").then((r) => r.items) });
  const contractors = useQuery({
    queryKey: registerKeys.contractorOptions,
    queryFn: () => apiFetch<Page<ContractorDto>>(CONTRACTOR_OPTIONS_PATH).then((p) => p.items),
  });
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });
  const f = useForm({
    initial: valuesOf(item),
    record: item,
    schema: item ? updateItemSchema : createItemSchema,
    toInput: ({ lastReviewedOn, ...v }) => (item ? v : { ...v, lastReviewedOn }),
    submit: (body) =>
      item
        ? apiFetch<RegisterItemDto>(`/api/v1/register/items/${item.id}`, { method: "PATCH", json: body })
        : apiFetch<RegisterItemDto>("/api/v1/register/items", { method: "POST", json: body }),
    invalidate: [registerKeys.all],
    onSaved: (saved) => {
      router.push(`/register/${saved.id}`);
      router.refresh();
    },
    loadLatest: item ? () => apiFetch<ItemDetail>(`/api/v1/register/items/${item.id}`).then((d) => d.item) : undefined,
    compare: Object.fromEntries(
      [...TEXT_FIELDS, "kind", "form", "acquisitionMethod", "provision", "ownerDepartmentId"].map((k) => [k, t(`fields.${k}`)]),
    ),
    toValues: valuesOf,
  });
  // Purposes the item already has stay choosable even when retired since.
  const purposeOptions = [
    ...(purposes.data ?? []),
    ...(item?.purposes.filter((p) => !(purposes.data ?? []).some((x) => x.id === p.id)) ?? []),
  ].map((p) => ({ id: p.id, label: `${p.code} ${p.text}` }));
  const hint = t("hints.listInput");

  return (
    <div className="space-y-4">
      <PageHeader title={item ? t("editItem") : t("newItem")} description={item ? `${item.code} ${item.name}` : t("description")} />
      <Form form={f} onCancel={() => router.push(item ? `/register/${item.id}` : "/register")}>
        <Card>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label={t("fields.code")} required maxLength={40} autoComplete="off" className="font-mono" {...f.field("code")} />
            <TextField label={t("fields.name")} required maxLength={200} {...f.field("name")} />
            <EnumSelect label={t("fields.kind")} required values={REGISTER_KINDS} optionLabel={(k) => t(`kind.${k}`)} {...f.enumField("kind")} />
            <EnumSelect label={t("fields.form")} required values={DATA_FORMS} optionLabel={(k) => t(`form.${k}`)} {...f.enumField("form")} />
            <TextField label={t("fields.dataSubjects")} hint={hint} {...f.field("dataSubjects")} />
            <TextField label={t("fields.personCount")} inputMode="numeric" {...f.field("personCount")} />
            <div className="md:col-span-2">
              <TextAreaField label={t("fields.dataItems")} hint={hint} rows={2} {...f.field("dataItems")} />
            </div>
            <EnumSelect
              label={t("fields.acquisitionMethod")}
              required
              values={ACQUISITION_METHODS}
              empty="—"
              optionLabel={(k) => t(`acquisition.${k}`)}
              {...f.enumField("acquisitionMethod")}
            />
            <IdSelect
              label={t("fields.ownerDepartmentId")}
              options={(departments.data ?? []).filter((d) => !d.retiredAt || String(d.id) === f.values.ownerDepartmentId).map((d) => ({ id: d.id, label: d.name }))}
              empty="—"
              {...f.idField("ownerDepartmentId")}
            />
            <div className="md:col-span-2">
              <TextAreaField label={t("fields.noticeOrConsent")} rows={2} required={f.values.kind === "sensitive"} {...f.field("noticeOrConsent")} />
            </div>
          </div>
        </Card>
        <Card title={t("fields.purposeIds")}>
          <CheckList
            legend={t("fields.purposeIds")}
            options={purposeOptions}
            value={f.values.purposeIds}
            onChange={(ids) => f.setValue("purposeIds", ids)}
            error={f.errors.purposeIds}
            empty={t("purposes.empty")}
          />
        </Card>
        <Card title={t("fields.storagePlace")}>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label={t("fields.storagePlace")} {...f.field("storagePlace")} />
            <TextField label={t("fields.storageMethod")} {...f.field("storageMethod")} />
            <TextField label={t("fields.accessScope")} {...f.field("accessScope")} />
            <TextField label={t("fields.usePeriod")} {...f.field("usePeriod")} />
            <TextField label={t("fields.retentionPeriod")} {...f.field("retentionPeriod")} />
            <TextField label={t("fields.disposalMethod")} {...f.field("disposalMethod")} />
          </div>
        </Card>
        <Card title={t("fields.contractorIds")}>
          <CheckList
            legend={t("fields.contractorIds")}
            options={(contractors.data ?? []).map((c) => ({ id: c.id, label: c.name, detail: c.services }))}
            value={f.values.contractorIds}
            onChange={(ids) => f.setValue("contractorIds", ids)}
            error={f.errors.contractorIds}
          />
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <EnumSelect label={t("fields.provision")} required values={PROVISION_KINDS} optionLabel={(k) => t(`provision.${k}`)} {...f.enumField("provision")} />
            <TextField label={t("fields.abroadCountries")} hint={hint} {...f.field("abroadCountries")} />
            <div className="md:col-span-2">
              <TextAreaField label={t("fields.provisionBasis")} rows={2} required={f.values.provision !== "none"} {...f.field("provisionBasis")} />
            </div>
          </div>
        </Card>
        <Card title={t("reviewsTitle")}>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label={t("fields.reviewIntervalMonths")} inputMode="numeric" hint={t("hints.reviewInterval")} {...f.field("reviewIntervalMonths")} />
            {item ? null : <TextField label={t("fields.lastReviewedOn")} type="date" hint={t("hints.lastReviewedOn")} {...f.field("lastReviewedOn")} />}
          </div>
          <div className="mt-4">
            <TextAreaField label={t("fields.note")} rows={3} {...f.field("note")} />
          </div>
        </Card>
      </Form>
    </div>
  );
}
