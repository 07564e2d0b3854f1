import { z } from "zod";
import { isDateString, todayInTokyo } from "@/lib/dates";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  DUE_STATES,
  MAX_REVIEW_INTERVAL_MONTHS,
  REGULATION_STATUSES,
  REVIEW_OUTCOMES,
  REVIEW_STATES,
  REVIEW_TRIGGERS,
} from "./due";

/** Input schemas shared by the regulation forms and the API, and the response shapes. */

const code = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong")
  .regex(/^\S+$/, "regulations.errors.codeFormat");

const ownerFields = {
  /** A sign-in user as owner … */
  ownerUserId: z.preprocess(numberOrNull, z.number({ error: "validation.invalidType" }).int("validation.invalidType").positive("validation.invalidType").nullable().default(null)),
  /** … or a name/role written out (e.g. 総務部長). */
  ownerName: optionalText(100),
};

const regulationFields = {
  code,
  title: requiredText(200),
  description: optionalText(4000),
  ...ownerFields,
  reviewIntervalMonths: z.preprocess(numberOrNull, wholeNumber(1, MAX_REVIEW_INTERVAL_MONTHS).default(DEFAULT_REVIEW_INTERVAL_MONTHS)),
};

type OwnerShape = { ownerUserId: number | null; ownerName: string | null };
function ownerRequired<T extends OwnerShape>(v: T, ctx: z.RefinementCtx): T {
  if (v.ownerUserId === null && v.ownerName === null) {
    ctx.addIssue({ code: "custom", path: ["ownerName"], message: "regulations.errors.ownerRequired", input: v });
    return z.NEVER;
  }
  return v;
}

export const createRegulationSchema = z
  .object({
    ...regulationFields,
    /** in_force: registered with its current version (e.g. an existing 第3版); draft: not yet in force. */
    status: z.enum(["draft", "in_force"], { error: "validation.invalidOption" }).default("in_force"),
    currentVersion: z.preprocess(numberOrNull, wholeNumber(1, 999).default(1)),
    effectiveDate: isoDate,
    lastReviewedOn: optionalIsoDate,
    /** What the current version changed (its history row). */
    versionSummary: optionalText(2000),
  })
  .transform(ownerRequired)
  .superRefine((v, ctx) => {
    if (v.lastReviewedOn && v.lastReviewedOn < v.effectiveDate)
      ctx.addIssue({ code: "custom", path: ["lastReviewedOn"], message: "regulations.errors.reviewBeforeEffective", input: v.lastReviewedOn });
  });
export type CreateRegulationInput = z.output<typeof createRegulationSchema>;

export const updateRegulationSchema = z.object({ ...regulationFields, version }).transform(ownerRequired);
export type UpdateRegulationInput = z.output<typeof updateRegulationSchema>;

export const regulationIdParams = z.object({ id: refId });

export const REGULATION_SORTS = ["code", "title", "nextReviewDue", "effectiveDate", "status"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: "validation.invalidOption" }).optional());

export const listRegulationsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  status: optionalEnum(REGULATION_STATUSES),
  dueState: optionalEnum(DUE_STATES),
  owner: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  sort: z.enum(REGULATION_SORTS).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListRegulationsQuery = z.infer<typeof listRegulationsQuery>;
export const exportRegulationsQuery = listRegulationsQuery.omit({ page: true, pageSize: true });
export type ExportRegulationsQuery = z.infer<typeof exportRegulationsQuery>;

export const summaryQuery = z.object({
  fy: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()),
});

// Reviews

const reviewFields = {
  reviewedOn: isoDate,
  reviewers: requiredText(500),
  trigger: z.enum(REVIEW_TRIGGERS, { error: "validation.invalidOption" }),
  outcome: z.enum(REVIEW_OUTCOMES, { error: "validation.invalidOption" }),
  summary: optionalText(4000),
  proposedEffectiveDate: optionalIsoDate,
  minutes: optionalText(20000),
};

type ReviewShape = { outcome: string; summary: string | null; proposedEffectiveDate: string | null; reviewedOn: string };
function reviewRules<T extends ReviewShape>(v: T, ctx: z.RefinementCtx) {
  // A review is recorded once it has taken place (Tokyo date).
  if (isDateString(v.reviewedOn) && v.reviewedOn > todayInTokyo())
    ctx.addIssue({ code: "custom", path: ["reviewedOn"], message: "regulations.errors.reviewInFuture", input: v.reviewedOn });
  if (v.outcome === "revised" && !v.summary)
    ctx.addIssue({ code: "custom", path: ["summary"], message: "regulations.errors.summaryRequired", input: v.summary });
  if (v.outcome !== "revised" && v.proposedEffectiveDate)
    ctx.addIssue({ code: "custom", path: ["proposedEffectiveDate"], message: "regulations.errors.effectiveOnlyForRevision", input: v.proposedEffectiveDate });
}

export const createReviewSchema = z.object(reviewFields).superRefine(reviewRules);
export type CreateReviewInput = z.output<typeof createReviewSchema>;
export const updateReviewSchema = z.object({ ...reviewFields, version }).superRefine(reviewRules);
export type UpdateReviewInput = z.output<typeof updateReviewSchema>;

// Responses

export const regulationSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  /** The owner as shown: the user's name, or the name written out. */
  ownerLabel: z.string(),
  currentVersion: z.number().nullable(),
  effectiveDate: z.string(),
  reviewIntervalMonths: z.number(),
  lastReviewedOn: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  dueState: z.enum(DUE_STATES),
  /** Days until due (negative: overdue), null without a due date. */
  daysUntilDue: z.number().nullable(),
  status: z.enum(REGULATION_STATUSES),
  /** A draft review waiting (not in force until approved). */
  pendingReviewId: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegulationDto = z.infer<typeof regulationSchema>;

export const regulationVersionSchema = z.object({
  id: z.number(),
  versionNumber: z.number(),
  effectiveDate: z.string(),
  summary: z.string(),
  reviewId: z.number().nullable(),
  approvedByName: z.string().nullable(),
  approvedOn: z.string().nullable(),
  current: z.boolean(),
});
export type RegulationVersionDto = z.infer<typeof regulationVersionSchema>;

export const reviewSchema = z.object({
  id: z.number(),
  regulationId: z.number(),
  reviewedOn: z.string(),
  reviewers: z.string(),
  trigger: z.enum(REVIEW_TRIGGERS),
  outcome: z.enum(REVIEW_OUTCOMES),
  summary: z.string().nullable(),
  proposedVersion: z.number().nullable(),
  proposedEffectiveDate: z.string().nullable(),
  minutes: z.string().nullable(),
  state: z.enum(REVIEW_STATES),
  recordedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedOn: z.string().nullable(),
  approvedAt: z.string().nullable(),
  discarded: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;

export const regulationDetailSchema = z.object({
  regulation: regulationSchema,
  versions: z.array(regulationVersionSchema),
  reviews: z.array(reviewSchema),
});
export type RegulationDetail = z.infer<typeof regulationDetailSchema>;

export const regulationSummarySchema = z.object({
  today: z.string(),
  fiscalYear: z.number(),
  counts: z.object({ overdue: z.number(), dueSoon: z.number(), onTime: z.number(), inForce: z.number(), draft: z.number(), retired: z.number(), pendingApproval: z.number() }),
  /** Reviews due per month of the fiscal year, by due state. */
  months: z.array(z.object({ month: z.string(), overdue: z.number(), dueSoon: z.number(), onTime: z.number(), total: z.number() })),
  /** Approved reviews per month of the fiscal year. */
  reviewed: z.array(z.object({ month: z.string(), count: z.number() })),
});
export type RegulationSummary = z.infer<typeof regulationSummarySchema>;
