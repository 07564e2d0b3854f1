import { z } from "zod";
import { upsertResultSchema } from "@/lib/csv/import";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { groupedNumberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { ACQUISITION_METHODS, DATA_FORMS, PROVISION_KINDS, REGISTER_KINDS, REGISTER_REVIEW_RESULTS } from "./enums";
import { DEFAULT_REGISTER_REVIEW_MONTHS, MAX_REGISTER_REVIEW_MONTHS, REGISTER_DUE_STATES } from "./review";

/**
 * The personal information register 個人情報管理台帳 (docs/domain.md §6): the input schemas the forms,
 * the import and the API all check, the list query, and the response shapes.
 */

/** Writes: the privacy manager only; HR, the auditor and the executive read. */
export const REGISTER_WRITERS = ["privacy_manager"] as const;

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** A list of short texts: an array, or one text split at commas, 、 and new lines; trimmed, empty and repeated entries dropped. */
export const textList = (maxItems: number, maxLength = 100) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(/[,、，;；\n]/) : v === null ? [] : v),
      z.array(z.string({ error: "validation.invalidType" }).trim().max(maxLength, "validation.tooLong"), { error: "validation.invalidType" }).max(maxItems, "validation.tooMany"),
    )
    .default([])
    .transform((xs) => [...new Set(xs.filter((x) => x !== ""))]);

const idList = (max: number) =>
  z
    .array(refId, { error: "validation.invalidType" })
    .max(max, "validation.tooMany")
    .default([])
    .transform((xs) => [...new Set(xs)]);

/** The item code 管理番号 the company uses (re-imports match on it): letters, digits, - _ . / only. */
export const itemCode = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong")
  .transform((s) => s.normalize("NFKC").toUpperCase())
  .refine((s) => /^[A-Z0-9][A-Z0-9._/-]*$/.test(s), "register.errors.code");

const itemFields = {
  code: itemCode,
  name: requiredText(200),
  kind: z.enum(REGISTER_KINDS, { error: "validation.invalidOption" }).default("personal"),
  dataSubjects: textList(20),
  dataItems: textList(60),
  personCount: z.preprocess(groupedNumberOrNull, wholeNumber(0, 1_000_000_000).nullable().default(null)),
  form: z.enum(DATA_FORMS, { error: "validation.invalidOption" }).default("electronic"),
  acquisitionMethod: z.enum(ACQUISITION_METHODS, { error: "validation.invalidOption" }),
  noticeOrConsent: optionalText(1000),
  purposeIds: idList(30),
  ownerDepartmentId: z.preprocess((v) => (v === "" ? null : v), refId.nullable().default(null)),
  storagePlace: optionalText(500),
  storageMethod: optionalText(500),
  accessScope: optionalText(500),
  usePeriod: optionalText(200),
  retentionPeriod: optionalText(200),
  disposalMethod: optionalText(500),
  contractorIds: idList(50),
  provision: z.enum(PROVISION_KINDS, { error: "validation.invalidOption" }).default("none"),
  provisionBasis: optionalText(1000),
  abroadCountries: textList(20, 60),
  reviewIntervalMonths: z.preprocess(groupedNumberOrNull, wholeNumber(1, MAX_REGISTER_REVIEW_MONTHS).nullable().default(null)).transform((v) => v ?? DEFAULT_REGISTER_REVIEW_MONTHS),
  note: optionalText(4000),
};

type ItemShape = z.infer<z.ZodObject<typeof itemFields>>;

/** Rules across fields: a provision or joint use states its basis; sensitive information needs the consent recorded. */
function itemRules<T extends ItemShape>(v: T, ctx: z.RefinementCtx): void {
  if (v.provision !== "none" && !v.provisionBasis)
    ctx.addIssue({ code: "custom", path: ["provisionBasis"], message: "register.errors.provisionBasisRequired", input: v.provisionBasis });
  if (v.kind === "sensitive" && !v.noticeOrConsent)
    ctx.addIssue({ code: "custom", path: ["noticeOrConsent"], message: "register.errors.sensitiveConsent", input: v.noticeOrConsent });
}

/** Create (and import): an existing register may bring the date of its last review. */
export const createItemSchema = z.object({ ...itemFields, lastReviewedOn: optionalIsoDate }).superRefine(itemRules);
export type CreateItemInput = z.output<typeof createItemSchema>;
/** Update: the last review changes only through a review. */
export const updateItemSchema = z.object({ ...itemFields, version }).superRefine(itemRules);
export type UpdateItemInput = z.output<typeof updateItemSchema>;

export const itemIdParams = z.object({ id: refId });

export const REGISTER_SORTS = ["code", "name", "kind", "personCount", "nextReviewDueOn", "department"] as const;
export const REGISTER_STATUSES = ["active", "retired", "all"] as const;

export const listItemsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  kind: z.preprocess(emptyToUndefined, z.enum(REGISTER_KINDS).optional()),
  departmentId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  /** Next review date has passed (Tokyo date). */
  overdue: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  /** Holds special care-required (sensitive) personal information. */
  sensitive: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(REGISTER_STATUSES).default("active")),
  sort: z.enum(REGISTER_SORTS).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;
export const exportItemsQuery = listItemsQuery.omit({ page: true, pageSize: true });
export type ExportItemsQuery = z.infer<typeof exportItemsQuery>;

// ---- purposes of use --------------------------------------------------------------------------

const purposeFields = {
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(20, "validation.tooLong")
    .transform((s) => s.normalize("NFKC").toUpperCase())
    .refine((s) => /^[A-Z0-9][A-Z0-9._-]*$/.test(s), "register.errors.code"),
  text: requiredText(1000),
  sortOrder: z.preprocess(groupedNumberOrNull, wholeNumber(0, 10_000).nullable().default(null)).transform((v) => v ?? 0),
};
export const createPurposeSchema = z.object(purposeFields);
export type CreatePurposeInput = z.output<typeof createPurposeSchema>;
export const updatePurposeSchema = z.object({ ...purposeFields, version });
export type UpdatePurposeInput = z.output<typeof updatePurposeSchema>;
export const listPurposesQuery = z.object({ includeRetired: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()) });

// ---- reviews ----------------------------------------------------------------------------------

const reviewFields = {
  reviewedOn: isoDate,
  reviewer: requiredText(100),
  result: z.enum(REGISTER_REVIEW_RESULTS, { error: "validation.invalidOption" }),
  changes: optionalText(4000),
  /** The item's risk analysis was looked at in the same review. */
  risksReviewed: z.boolean({ error: "validation.invalidType" }).default(false),
};

/**
 * A review of one item (itemId and the item's version: it changes the item) or of the whole register
 * (no itemId: every item in use counts as reviewed on that date). "changed" states what changed.
 */
export const createReviewSchema = z
  .object({ ...reviewFields, itemId: refId.nullable().default(null), version: version.optional() })
  .superRefine((v, ctx) => {
    if (v.result === "changed" && !v.changes) ctx.addIssue({ code: "custom", path: ["changes"], message: "register.errors.changesRequired", input: v.changes });
    if (v.itemId !== null && v.version === undefined) ctx.addIssue({ code: "custom", path: ["version"], message: "validation.required", input: v.version });
    if (v.itemId === null && v.result === "retired") ctx.addIssue({ code: "custom", path: ["result"], message: "register.errors.retireWholeRegister", input: v.result });
  });
export type CreateReviewInput = z.output<typeof createReviewSchema>;

export const listReviewsQuery = z.object({
  ...paging,
  itemId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  /** Only reviews of the whole register. */
  scope: z.preprocess(emptyToUndefined, z.enum(["all", "register", "item"]).default("all")),
});
export type ListReviewsQuery = z.infer<typeof listReviewsQuery>;

// ---- responses --------------------------------------------------------------------------------

export const purposeSchema = z.object({
  id: z.number(),
  code: z.string(),
  text: z.string(),
  sortOrder: z.number(),
  /** Items in use that name it. */
  itemCount: z.number(),
  retiredAt: z.string().nullable(),
  version: z.number(),
});
export type PurposeDto = z.infer<typeof purposeSchema>;

export const registerItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(REGISTER_KINDS),
  dataSubjects: z.array(z.string()),
  dataItems: z.array(z.string()),
  personCount: z.number().nullable(),
  form: z.enum(DATA_FORMS),
  acquisitionMethod: z.enum(ACQUISITION_METHODS),
  noticeOrConsent: z.string().nullable(),
  purposes: z.array(z.object({ id: z.number(), code: z.string(), text: z.string() })),
  ownerDepartmentId: z.number().nullable(),
  ownerDepartmentName: z.string().nullable(),
  storagePlace: z.string().nullable(),
  storageMethod: z.string().nullable(),
  accessScope: z.string().nullable(),
  usePeriod: z.string().nullable(),
  retentionPeriod: z.string().nullable(),
  disposalMethod: z.string().nullable(),
  contractors: z.array(z.object({ id: z.number(), name: z.string() })),
  provision: z.enum(PROVISION_KINDS),
  provisionBasis: z.string().nullable(),
  abroadCountries: z.array(z.string()),
  lastReviewedOn: z.string().nullable(),
  reviewIntervalMonths: z.number(),
  nextReviewDueOn: z.string(),
  dueState: z.enum(REGISTER_DUE_STATES),
  /** Risks in the item's analysis (not retired). */
  riskCount: z.number(),
  note: z.string().nullable(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegisterItemDto = z.infer<typeof registerItemSchema>;

export const reviewSchema = z.object({
  id: z.number(),
  itemId: z.number().nullable(),
  itemCode: z.string().nullable(),
  itemName: z.string().nullable(),
  reviewedOn: z.string(),
  reviewer: z.string(),
  result: z.enum(REGISTER_REVIEW_RESULTS),
  changes: z.string().nullable(),
  risksReviewed: z.boolean(),
  createdAt: z.string(),
});
export type RegisterReviewDto = z.infer<typeof reviewSchema>;

export const itemVersionSchema = z.object({
  version: z.number(),
  action: z.string(),
  changedAt: z.string(),
  changedByName: z.string().nullable(),
  /** The fields this version changed from the one before (empty for the first). */
  changedFields: z.array(z.string()),
  snapshot: z.record(z.string(), z.unknown()),
});
export type ItemVersionDto = z.infer<typeof itemVersionSchema>;

export const itemHistorySchema = z.object({ items: z.array(itemVersionSchema) });

export const itemDetailSchema = z.object({
  item: registerItemSchema,
  reviews: z.array(reviewSchema),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const registerImportResultSchema = upsertResultSchema(
  z.object({ line: z.number(), action: z.enum(["insert", "update", "unchanged"]), id: z.number().nullable(), code: z.string(), name: z.string() }),
);
export type RegisterImportResult = z.infer<typeof registerImportResultSchema>;

export const exportRegisterQuery = exportItemsQuery;
