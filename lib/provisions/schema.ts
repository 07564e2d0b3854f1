import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId } from "@/lib/validation/numbers";
import { ABROAD_BASES, PROVISION_DIRECTIONS, PROVISION_GROUNDS, PROVISION_STATUSES, RECORD_FORMS, RETENTION_STATES } from "./enums";

/** Provision records (docs/domain.md §7): input schemas shared by the forms and the API, and the response shapes. */

const flag = z.boolean({ error: "validation.invalidType" }).default(false);
const optionalRef = z.preprocess(numberOrNull, z.union([z.null(), refId]).optional()).transform((v) => v ?? null);
const country = z
  .union([z.literal(""), z.null(), z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "provisions.errors.country")])
  .optional()
  .transform((v) => (v ? v : null));

const fields = {
  direction: z.enum(PROVISION_DIRECTIONS, { error: "validation.invalidOption" }),
  ground: z.enum(PROVISION_GROUNDS, { error: "validation.invalidOption" }),
  consentMethod: optionalText(500),
  counterpartyName: requiredText(200),
  counterpartyAddress: optionalText(500),
  counterpartyRepresentative: optionalText(200),
  sourceHowObtained: optionalText(1000),
  persons: requiredText(1000),
  dataItems: requiredText(1000),
  providedFrom: isoDate,
  providedTo: optionalIsoDate,
  recordForm: z.enum(RECORD_FORMS, { error: "validation.invalidOption" }).default("individual"),
  recordedOn: isoDate,
  contractorId: optionalRef,
  jointUseId: optionalRef,
  abroadCountry: country,
  equivalentSystem: flag,
  countrySystem: optionalText(2000),
  recipientMeasures: optionalText(2000),
  informedBeforeConsent: flag,
  registerItemIds: z.array(refId, { error: "validation.invalidType" }).max(50, "validation.tooMany").default([]),
};

type Checked = { ground: string; consentMethod: string | null; direction: string; sourceHowObtained: string | null; providedFrom: string; providedTo: string | null; recordedOn: string; counterpartyAddress: string | null; counterpartyRepresentative: string | null };

/** What a record must hold (APPI enforcement rules Art. 16 / 20), besides the abroad rule checked by the service. */
function check(v: Checked, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message, input: null });
  if (v.providedTo && v.providedTo < v.providedFrom) issue("providedTo", "provisions.errors.periodOrder");
  if (v.ground === "consent" && !v.consentMethod) issue("consentMethod", "provisions.errors.consentMethodRequired");
  if (v.ground === "consent" && !v.counterpartyAddress) issue("counterpartyAddress", "provisions.errors.addressRequired");
  if (v.direction === "received" && v.ground === "consent" && !v.sourceHowObtained) issue("sourceHowObtained", "provisions.errors.sourceRequired");
  if (v.recordedOn < v.providedFrom) issue("recordedOn", "provisions.errors.recordedBeforeProvision");
}

export const createProvisionSchema = z.object(fields).superRefine(check);
export type CreateProvisionInput = z.output<typeof createProvisionSchema>;
export const updateProvisionSchema = z.object({ ...fields, version }).superRefine(check);
export type UpdateProvisionInput = z.output<typeof updateProvisionSchema>;
export const disposeProvisionSchema = z.object({ disposalNote: optionalText(1000), version });
export const provisionIdParams = z.object({ id: refId });

const filterEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

export const listProvisionsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  direction: filterEnum(PROVISION_DIRECTIONS),
  ground: filterEnum(PROVISION_GROUNDS),
  retention: filterEnum(RETENTION_STATES),
  abroad: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()),
  /** active (default): the live records; retired: those withdrawn as entered by mistake. */
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PROVISION_STATUSES).default("active")),
  /** Only the records made under one joint use (its page links here). */
  jointUse: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: "validation.invalidType" }).int("validation.invalidType").positive("validation.invalidType").max(2_147_483_647, "validation.invalidType").optional()),
  sort: z.enum(["providedFrom", "disposableFrom", "counterpartyName"]).default("providedFrom"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type ListProvisionsQuery = z.infer<typeof listProvisionsQuery>;
export const exportProvisionsQuery = listProvisionsQuery.omit({ page: true, pageSize: true });
export type ExportProvisionsQuery = z.infer<typeof exportProvisionsQuery>;

export const provisionSchema = z.object({
  id: z.number(),
  direction: z.enum(PROVISION_DIRECTIONS),
  ground: z.enum(PROVISION_GROUNDS),
  groundPolicy: z.string(),
  groundLaw: z.string(),
  thirdParty: z.boolean(),
  consentMethod: z.string().nullable(),
  counterpartyName: z.string(),
  counterpartyAddress: z.string().nullable(),
  counterpartyRepresentative: z.string().nullable(),
  sourceHowObtained: z.string().nullable(),
  persons: z.string(),
  dataItems: z.string(),
  providedFrom: z.string(),
  providedTo: z.string().nullable(),
  recordForm: z.enum(RECORD_FORMS),
  recordedOn: z.string(),
  contractorId: z.number().nullable(),
  contractorName: z.string().nullable(),
  jointUseId: z.number().nullable(),
  jointUseTitle: z.string().nullable(),
  abroadCountry: z.string().nullable(),
  abroadBasis: z.enum(ABROAD_BASES).nullable(),
  equivalentSystem: z.boolean(),
  countrySystem: z.string().nullable(),
  recipientMeasures: z.string().nullable(),
  informedBeforeConsent: z.boolean(),
  registerItems: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  recordRequired: z.boolean(),
  retainUntil: z.string().nullable(),
  disposableFrom: z.string().nullable(),
  retentionState: z.enum(RETENTION_STATES),
  disposedOn: z.string().nullable(),
  disposedByName: z.string().nullable(),
  disposalNote: z.string().nullable(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProvisionDto = z.infer<typeof provisionSchema>;

const jointFields = {
  title: requiredText(200),
  purpose: requiredText(2000),
  partners: requiredText(2000),
  dataItems: requiredText(2000),
  responsibleName: requiredText(200),
  responsibleAddress: requiredText(500),
  responsibleRepresentative: requiredText(200),
  publishedOn: optionalIsoDate,
};
export const createJointUseSchema = z.object(jointFields);
export type CreateJointUseInput = z.output<typeof createJointUseSchema>;
export const updateJointUseSchema = z.object({ ...jointFields, version });
export type UpdateJointUseInput = z.output<typeof updateJointUseSchema>;
/** includeRetired=true: the ended joint uses too (to look back or restore one). */
export const listJointUsesQuery = z.object({ includeRetired: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()) });
export const jointUseSchema = z.object({
  id: z.number(),
  ...Object.fromEntries(Object.keys(jointFields).map((k) => [k, z.string().nullable()])),
  notice: z.string(),
  provisionCount: z.number(),
  retiredAt: z.string().nullable(),
  version: z.number(),
});
export type JointUseDto = { id: number; title: string; purpose: string; partners: string; dataItems: string; responsibleName: string; responsibleAddress: string; responsibleRepresentative: string; publishedOn: string | null; notice: string; provisionCount: number; retiredAt: string | null; version: number };
