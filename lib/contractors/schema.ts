import { z } from "zod";
import { upsertResultSchema } from "@/lib/csv/import";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { groupedNumberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { CORPORATE_NUMBER_MESSAGES, checkCorporateNumber } from "./corporate-number";
import { ASSESSMENT_TYPES, CERTIFICATION_KINDS, CONTRACTOR_FLAGS, CONTRACTOR_STATUSES } from "./rules";
import { ASSESSMENT_RESULTS } from "./scoring";

/**
 * Contractors 委託先 and their assessments (docs/domain.md §4): input schemas shared by the forms and the
 * API, and the response shapes.
 */

/** Writes: the privacy manager only; everyone else reads. */
export const CONTRACTOR_WRITERS = ["privacy_manager"] as const;

/** 法人番号, optional: normalised (full-width digits, hyphens) then checked, with a message per fault. */
export const corporateNumberField = z
  .union([z.string().max(40, "validation.tooLong"), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v.trim() === "") return null;
    const r = checkCorporateNumber(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: CORPORATE_NUMBER_MESSAGES[r.code], input: v });
      return z.NEVER;
    }
    return r.value;
  });

export const certificationInput = z.object({
  kind: z.enum(CERTIFICATION_KINDS, { error: "validation.invalidOption" }),
  number: requiredText(60),
  expiresOn: optionalIsoDate,
});

const dataCategories = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[,、，\n]/) : v),
    z.array(z.string({ error: "validation.invalidType" }).trim().max(60, "validation.tooLong"), { error: "validation.invalidType" }).max(30, "validation.tooMany"),
  )
  .default([])
  .transform((xs) => [...new Set(xs.filter((x) => x !== ""))]);

const contractorFields = {
  name: requiredText(200),
  corporateNumber: corporateNumberField,
  services: requiredText(1000),
  dataCategories,
  dataVolume: z.preprocess(groupedNumberOrNull, wholeNumber(0, 1_000_000_000).nullable().default(null)),
  contractStart: optionalIsoDate,
  contractEnd: optionalIsoDate,
  contactName: optionalText(100),
  contactEmail: z
    .union([z.literal(""), z.null(), z.string().trim().max(200, "validation.tooLong").pipe(z.email("validation.email"))])
    .optional()
    .transform((v) => (v ? v : null)),
  contactPhone: optionalText(40),
  reassessmentMonths: z.preprocess(groupedNumberOrNull, wholeNumber(1, 60).nullable().default(null)),
  note: optionalText(4000),
  certifications: z.array(certificationInput, { error: "validation.invalidType" }).max(10, "validation.tooMany").default([]),
};

type ContractorShape = z.infer<z.ZodObject<typeof contractorFields>>;
function contractEndAfterStart<T extends ContractorShape>(v: T, ctx: z.RefinementCtx): void {
  if (v.contractStart && v.contractEnd && v.contractEnd < v.contractStart)
    ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "contractors.errors.endBeforeStart", input: v.contractEnd });
}

export const createContractorSchema = z.object(contractorFields).superRefine(contractEndAfterStart);
export type CreateContractorInput = z.output<typeof createContractorSchema>;
export const updateContractorSchema = z.object({ ...contractorFields, version }).superRefine(contractEndAfterStart);
export type UpdateContractorInput = z.output<typeof updateContractorSchema>;

export const changeStatusSchema = z.object({
  status: z.enum(CONTRACTOR_STATUSES, { error: "validation.invalidOption" }),
  reason: optionalText(1000),
  version,
});
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

export const scoreInput = z.object({
  key: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(60, "validation.tooLong"),
  score: z.preprocess(groupedNumberOrNull, wholeNumber(0, 100)),
  comment: optionalText(2000),
});

export const createAssessmentSchema = z.object({
  templateId: refId,
  type: z.enum(ASSESSMENT_TYPES, { error: "validation.invalidOption" }),
  assessedOn: isoDate,
  assessor: requiredText(100),
  scores: z.array(scoreInput, { error: "validation.invalidType" }).min(1, "validation.required").max(50, "validation.tooMany"),
  conditions: optionalText(4000),
  /** Empty: the contractor's interval (default 12 months) after the assessment date. */
  nextDueOn: optionalIsoDate,
  evidence: optionalText(1000),
});
export type CreateAssessmentInput = z.output<typeof createAssessmentSchema>;

export const withdrawAssessmentSchema = z.object({ reason: requiredText(1000), version });
export type WithdrawAssessmentInput = z.output<typeof withdrawAssessmentSchema>;

const criterionKey = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong")
  .regex(/^[a-z][a-z0-9_]*$/, "assessments.errors.criterionKey");

export const criterionInput = z.object({
  key: criterionKey,
  labelJa: requiredText(200),
  labelEn: requiredText(200),
  weight: z.preprocess(groupedNumberOrNull, wholeNumber(1, 100)),
  guidanceJa: optionalText(1000),
  guidanceEn: optionalText(1000),
});

export const updateTemplateSchema = z
  .object({
    nameJa: requiredText(200),
    nameEn: requiredText(200),
    criteria: z.array(criterionInput, { error: "validation.invalidType" }).min(1, "validation.tooFew").max(30, "validation.tooMany"),
    maxScore: z.preprocess(groupedNumberOrNull, wholeNumber(1, 10)),
    approvedMin: z.preprocess(groupedNumberOrNull, wholeNumber(0, 100)),
    conditionalMin: z.preprocess(groupedNumberOrNull, wholeNumber(0, 100)),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.conditionalMin > v.approvedMin)
      ctx.addIssue({ code: "custom", path: ["conditionalMin"], message: "assessments.errors.thresholdOrder", input: v.conditionalMin });
    const seen = new Set<string>();
    v.criteria.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: ["criteria", i, "key"], message: "assessments.errors.criterionDuplicate", input: c.key });
      seen.add(c.key);
    });
  });
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;

export const idParams = z.object({ id: refId });
export const assessmentParams = z.object({ id: refId, assessmentId: refId });

export const CONTRACTOR_SORTS = ["name", "status", "contractStart", "nextDueOn", "latestTotal"] as const;
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const listContractorsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  status: z.preprocess(emptyToUndefined, z.enum(CONTRACTOR_STATUSES).optional()),
  flag: z.preprocess(emptyToUndefined, z.enum([...CONTRACTOR_FLAGS, "any"]).optional()),
  /** Latest result. */
  result: z.preprocess(emptyToUndefined, z.enum([...ASSESSMENT_RESULTS, "none"]).optional()),
  /** Next assessment due in this month "YYYY-MM". */
  dueMonth: z.preprocess(emptyToUndefined, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional()),
  includeRetired: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  sort: z.enum(CONTRACTOR_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListContractorsQuery = z.infer<typeof listContractorsQuery>;
export const exportContractorsQuery = listContractorsQuery.omit({ page: true, pageSize: true });
export type ExportContractorsQuery = z.infer<typeof exportContractorsQuery>;

export const statsQuery = z.object({ fy: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- responses ------------------------------------------------------------------------------

export const certificationSchema = z.object({ id: z.number(), kind: z.enum(CERTIFICATION_KINDS), number: z.string(), expiresOn: z.string().nullable(), expired: z.boolean() });
export const latestSummarySchema = z.object({ id: z.number(), assessedOn: z.string(), result: z.enum(ASSESSMENT_RESULTS), totalPercent: z.number(), nextDueOn: z.string() });

export const contractorSchema = z.object({
  id: z.number(),
  name: z.string(),
  corporateNumber: z.string().nullable(),
  services: z.string(),
  dataCategories: z.array(z.string()),
  dataVolume: z.number().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  status: z.enum(CONTRACTOR_STATUSES),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  reassessmentMonths: z.number().nullable(),
  note: z.string().nullable(),
  certifications: z.array(certificationSchema),
  latest: latestSummarySchema.nullable(),
  flags: z.array(z.enum(CONTRACTOR_FLAGS)),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContractorDto = z.infer<typeof contractorSchema>;

export const assessmentSchema = z.object({
  id: z.number(),
  contractorId: z.number(),
  templateId: z.number(),
  templateVersion: z.number(),
  templateName: z.string(),
  type: z.enum(ASSESSMENT_TYPES),
  assessedOn: z.string(),
  assessor: z.string(),
  scores: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), score: z.number(), comment: z.string().nullable() })),
  maxScore: z.number(),
  totalPercent: z.number(),
  result: z.enum(ASSESSMENT_RESULTS),
  conditions: z.string().nullable(),
  nextDueOn: z.string(),
  evidence: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type AssessmentDto = z.infer<typeof assessmentSchema>;

export const contractorDetailSchema = z.object({
  contractor: contractorSchema,
  assessments: z.array(assessmentSchema),
  history: z.array(z.object({ id: z.number(), occurredAt: z.string(), action: z.string(), actorEmail: z.string().nullable() })),
});
export type ContractorDetail = z.infer<typeof contractorDetailSchema>;

export const templateSchema = z.object({
  id: z.number(),
  family: z.string(),
  version: z.number(),
  nameJa: z.string(),
  nameEn: z.string(),
  criteria: z.array(
    z.object({ key: z.string(), labelJa: z.string(), labelEn: z.string(), weight: z.number(), guidanceJa: z.string().nullish(), guidanceEn: z.string().nullish() }),
  ),
  maxScore: z.number(),
  approvedMin: z.number(),
  conditionalMin: z.number(),
  current: z.boolean(),
  createdAt: z.string(),
});
export type TemplateDto = z.infer<typeof templateSchema>;

export const statsSchema = z.object({
  fiscalYear: z.number(),
  results: z.object({ approved: z.number(), conditional: z.number(), rejected: z.number(), none: z.number() }),
  statuses: z.record(z.string(), z.number()),
  flags: z.record(z.string(), z.number()),
  /** Contractors with at least one flag. */
  flagged: z.number(),
  dueByMonth: z.array(z.object({ month: z.string(), count: z.number() })),
});
export type ContractorStats = z.infer<typeof statsSchema>;

export const contractorImportResultSchema = upsertResultSchema(
  z.object({ line: z.number(), action: z.enum(["insert", "update", "unchanged"]), id: z.number().nullable(), name: z.string(), flags: z.array(z.enum(CONTRACTOR_FLAGS)) }),
);
export type ContractorImportResult = z.infer<typeof contractorImportResultSchema>;
