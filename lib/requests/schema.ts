import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { CLOCK_STATES, DISCLOSURE_METHODS, IDENTITY_METHODS, REFUSAL_GROUNDS, REQUEST_CHANNELS, REQUEST_DECISIONS, REQUEST_KINDS, REQUEST_STAGES } from "./enums";
import { DEFAULT_TARGET_DAYS } from "./clock";
import { DEFAULT_REQUEST_RETENTION_MONTHS } from "./answer";

/** Requests from individuals (docs/domain.md §7): input schemas shared by the forms and the API, and the response shapes. */

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? null : v), z.enum(values, { error: "validation.invalidOption" }).nullable().optional()).transform((v) => v ?? null);
const flag = z.boolean({ error: "validation.invalidType" }).default(false);

export const registerItemIds = z.array(refId, { error: "validation.invalidType" }).max(50, "validation.tooMany").default([]);

const intakeFields = {
  kind: z.enum(REQUEST_KINDS, { error: "validation.invalidOption" }),
  channel: z.enum(REQUEST_CHANNELS, { error: "validation.invalidOption" }),
  receivedOn: isoDate,
  requesterName: requiredText(200),
  requesterContact: optionalText(300),
  requesterAddress: optionalText(500),
  viaAgent: flag,
  agentName: optionalText(200),
  agentRelationship: optionalText(200),
  details: requiredText(4000),
  disclosureMethod: optionalEnum(DISCLOSURE_METHODS),
  registerItemIds,
};

function checkIntake(v: { viaAgent: boolean; agentName: string | null; receivedOn: string }, ctx: z.RefinementCtx) {
  if (v.viaAgent && !v.agentName) ctx.addIssue({ code: "custom", path: ["agentName"], message: "requests.errors.agentNameRequired", input: v.agentName });
}

/**
 * A request sent by the person (or their agent) through the public intake page: what the privacy
 * manager would log, less what only the company knows (channel, date, register items). The contact
 * is an e-mail address, the way the answer and the identity check begin.
 */
export const publicRequestSchema = z
  .object({
    kind: intakeFields.kind,
    requesterName: intakeFields.requesterName,
    requesterContact: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(300, "validation.tooLong").regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "requests.errors.contactEmail"),
    requesterAddress: intakeFields.requesterAddress,
    viaAgent: intakeFields.viaAgent,
    agentName: intakeFields.agentName,
    agentRelationship: intakeFields.agentRelationship,
    details: intakeFields.details,
    disclosureMethod: intakeFields.disclosureMethod,
  })
  .superRefine((v, ctx) => {
    if (v.viaAgent && !v.agentName) ctx.addIssue({ code: "custom", path: ["agentName"], message: "requests.errors.agentNameRequired", input: v.agentName });
  });
export type PublicRequestInput = z.output<typeof publicRequestSchema>;
/** What the requester is told: the reference to quote, the day received, and the company's answer target. */
export const publicRequestReceipt = z.object({ reference: z.string(), receivedOn: z.string(), targetDays: z.number() });
export type PublicRequestReceipt = z.infer<typeof publicRequestReceipt>;

/** Log a request received (the privacy manager). */
export const createRequestSchema = z.object(intakeFields).superRefine(checkIntake);
export type CreateRequestInput = z.output<typeof createRequestSchema>;
export const updateRequestSchema = z.object({ ...intakeFields, version }).superRefine(checkIntake);
export type UpdateRequestInput = z.output<typeof updateRequestSchema>;

/** Identity check: documents asked for (pauses the clock) and the confirmation: how, when, by whom. */
export const identitySchema = z
  .object({
    identityRequestedOn: optionalIsoDate,
    identityCheckedOn: optionalIsoDate,
    identityMethod: optionalEnum(IDENTITY_METHODS),
    identityCheckedBy: optionalText(200),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.identityCheckedOn && !v.identityMethod) ctx.addIssue({ code: "custom", path: ["identityMethod"], message: "validation.required", input: null });
    if (v.identityCheckedOn && !v.identityCheckedBy) ctx.addIssue({ code: "custom", path: ["identityCheckedBy"], message: "validation.required", input: null });
    if (v.identityRequestedOn && v.identityCheckedOn && v.identityCheckedOn < v.identityRequestedOn)
      ctx.addIssue({ code: "custom", path: ["identityCheckedOn"], message: "requests.errors.checkedBeforeRequested", input: v.identityCheckedOn });
  });
export type IdentityInput = z.output<typeof identitySchema>;

/** The fee: amount (excl. tax), estimate, request and payment dates, or waived. */
export const feeSchema = z.object({
  feeExclTax: z.preprocess(numberOrNull, wholeNumber(0, 10_000_000).nullable().optional()).transform((v) => v ?? null),
  feeEstimatedOn: optionalIsoDate,
  feeRequestedOn: optionalIsoDate,
  feePaidOn: optionalIsoDate,
  feeWaived: flag,
  version,
});
export type FeeInput = z.output<typeof feeSchema>;

export const answerSchema = z.object({
  decision: z.enum(REQUEST_DECISIONS, { error: "validation.invalidOption" }),
  refusalGround: optionalEnum(REFUSAL_GROUNDS),
  decisionReason: optionalText(4000),
  answeredOn: isoDate,
  answerMethod: optionalEnum(DISCLOSURE_METHODS),
  answerNote: optionalText(4000),
  version,
});
export type AnswerRequestInput = z.output<typeof answerSchema>;

export const withdrawSchema = z.object({ withdrawnOn: isoDate, version });
export type WithdrawInput = z.output<typeof withdrawSchema>;

export const requestIdParams = z.object({ id: refId });

const boolFlag = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional());
const filterEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

export const REQUEST_SORTS = ["receivedOn", "dueOn", "reference"] as const;

export const listRequestsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  kind: filterEnum(REQUEST_KINDS),
  /** A stage, or "open": not answered and not withdrawn. */
  stage: filterEnum([...REQUEST_STAGES, "open"] as const),
  /** "true": open and past its due date, or answered late. */
  late: boolFlag,
  /** "true": closed and past its retention, details not yet disposed of. */
  disposable: boolFlag,
  fy: z.coerce.number().int().min(1900).max(2999).optional(),
  sort: z.enum(REQUEST_SORTS).default("receivedOn"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;
export const exportRequestsQuery = listRequestsQuery.omit({ page: true, pageSize: true });
export type ExportRequestsQuery = z.infer<typeof exportRequestsQuery>;

/** The company's settings for requests: the answer target, the policy's fee and tax rate, the retention of closed requests. */
export const requestSettingsSchema = z.object({
  targetDays: z.preprocess(numberOrNull, wholeNumber(1, 90)),
  feeExclTax: z.preprocess(numberOrNull, wholeNumber(0, 100_000)),
  taxRatePercent: z.preprocess(numberOrNull, wholeNumber(0, 30)),
  retentionMonths: z.preprocess(numberOrNull, wholeNumber(1, 240)),
  /** The public intake page /request (off by default): anyone may send a request through it. */
  publicIntake: z.boolean({ error: "validation.invalidType" }).default(false),
});
export type RequestSettings = z.output<typeof requestSettingsSchema>;
export const updateRequestSettingsSchema = requestSettingsSchema.extend({
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = { targetDays: DEFAULT_TARGET_DAYS, feeExclTax: 1000, taxRatePercent: 10, retentionMonths: DEFAULT_REQUEST_RETENTION_MONTHS, publicIntake: false };
export const requestSettingsDto = requestSettingsSchema.extend({ version: z.number() });

const pauseSchema = z.object({ reason: z.enum(["identity", "fee"]), from: z.string(), to: z.string().nullable() });

export const requestSchema = z.object({
  id: z.number(),
  reference: z.string(),
  kind: z.enum(REQUEST_KINDS),
  channel: z.enum(REQUEST_CHANNELS),
  receivedOn: z.string(),
  requesterName: z.string().nullable(),
  requesterContact: z.string().nullable(),
  requesterAddress: z.string().nullable(),
  viaAgent: z.boolean(),
  agentName: z.string().nullable(),
  agentRelationship: z.string().nullable(),
  details: z.string().nullable(),
  disclosureMethod: z.enum(DISCLOSURE_METHODS).nullable(),
  registerItems: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  identityRequestedOn: z.string().nullable(),
  identityCheckedOn: z.string().nullable(),
  identityMethod: z.enum(IDENTITY_METHODS).nullable(),
  identityCheckedBy: z.string().nullable(),
  feeAllowed: z.boolean(),
  feeExclTax: z.number().nullable(),
  feeTaxRatePercent: z.number().nullable(),
  feeTax: z.number().nullable(),
  feeInclTax: z.number().nullable(),
  feeEstimatedOn: z.string().nullable(),
  feeRequestedOn: z.string().nullable(),
  feePaidOn: z.string().nullable(),
  feeWaived: z.boolean(),
  decision: z.enum(REQUEST_DECISIONS).nullable(),
  refusalGround: z.enum(REFUSAL_GROUNDS).nullable(),
  decisionReason: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answerMethod: z.enum(DISCLOSURE_METHODS).nullable(),
  answerNote: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  disposedOn: z.string().nullable(),
  // Computed on read (lib/requests).
  stage: z.enum(REQUEST_STAGES),
  dueOn: z.string(),
  targetDays: z.number(),
  pausedDays: z.number(),
  pauses: z.array(pauseSchema),
  paused: z.boolean(),
  clockState: z.enum(CLOCK_STATES),
  daysLeft: z.number().nullable(),
  late: z.boolean(),
  disposableFrom: z.string().nullable(),
  disposable: z.boolean(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestDto = z.infer<typeof requestSchema>;
