import { z } from "zod";
import { FLAG_VALUES } from "@/lib/list/params";
import { paging, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { LIFECYCLE_STAGES, RISK_SCALE_MAX, RISK_THREATS, SAFEGUARD_KINDS } from "./enums";
import { ANALYSIS_DUE_STATES, DEFAULT_HIGH_THRESHOLD, RISK_LEVELS, isValidThreshold, residualProblems } from "./risk";

/**
 * Input schemas of the risk analysis (forms and API alike), the list and heat-map queries, and the
 * response shapes (docs/domain.md §6, "Risk analysis").
 */

const scalePoint = z.preprocess(numberOrNull, wholeNumber(1, RISK_SCALE_MAX));
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: "validation.invalidOption" }).optional());
const optionalId = z.preprocess((v) => (v === "" ? undefined : v), refId.optional());
const optionalScale = z.preprocess((v) => (v === "" || v === undefined ? undefined : numberOrNull(v)), wholeNumber(1, RISK_SCALE_MAX).optional());

/** At most this many countermeasures per risk. */
export const MAX_COUNTERMEASURES = 20;

export const countermeasureSchema = z.object({
  safeguard: z.enum(SAFEGUARD_KINDS, { error: "validation.invalidOption" }),
  description: requiredText(1000),
  /** A regulation of the register of rules (規程類) the countermeasure is written in; checked to exist. */
  regulationId: z.preprocess(numberOrNull, refId.nullable().default(null)),
});
export type CountermeasureInput = z.output<typeof countermeasureSchema>;

const riskFields = {
  stage: z.enum(LIFECYCLE_STAGES, { error: "validation.invalidOption" }),
  threat: z.enum(RISK_THREATS, { error: "validation.invalidOption" }),
  description: requiredText(2000),
  likelihood: scalePoint,
  impact: scalePoint,
  countermeasures: z.array(countermeasureSchema, { error: "validation.invalidType" }).max(MAX_COUNTERMEASURES, "validation.tooMany").default([]),
  residualLikelihood: scalePoint,
  residualImpact: scalePoint,
};

type Ratings = { likelihood: number; impact: number; residualLikelihood: number; residualImpact: number };
function residualRule<T extends Ratings>(v: T, ctx: z.RefinementCtx) {
  for (const p of residualProblems(v)) ctx.addIssue({ code: "custom", path: [p.field], message: p.messageKey, input: v[p.field as keyof Ratings] });
}

export const createRiskSchema = z.object({ itemId: refId, ...riskFields }).superRefine(residualRule);
export type CreateRiskInput = z.output<typeof createRiskSchema>;

export const updateRiskSchema = z.object({ ...riskFields, version }).superRefine(residualRule);
export type UpdateRiskInput = z.output<typeof updateRiskSchema>;

export const acceptRiskSchema = z.object({ note: requiredText(2000), version });
export type AcceptRiskInput = z.output<typeof acceptRiskSchema>;

export const riskIdParams = z.object({ id: refId });

/** Which rating a filter or the heat map looks at: before (inherent) or after (residual) the countermeasures. */
export const RATING_PHASES = ["inherent", "residual"] as const;
export type RatingPhase = (typeof RATING_PHASES)[number];

export const RISK_SORTS = ["item", "stage", "score", "residualScore", "updatedAt"] as const;

const riskFilters = {
  itemId: optionalId,
  stage: optionalEnum(LIFECYCLE_STAGES),
  threat: optionalEnum(RISK_THREATS),
  /** The rating the level and cell filters look at (default: residual, after the countermeasures). */
  phase: z.preprocess((v) => (v === "" ? undefined : v), z.enum(RATING_PHASES, { error: "validation.invalidOption" }).default("residual")),
  level: optionalEnum(RISK_LEVELS),
  /** One cell of the heat map: the rating of `phase` is exactly likelihood × impact. */
  likelihood: optionalScale,
  impact: optionalScale,
  /** true: residual risk accepted by the manager; false: not accepted. */
  accepted: optionalEnum(FLAG_VALUES),
  /** true: residual score at or above the "high" threshold (the dashboard's figure). */
  high: optionalEnum(FLAG_VALUES),
  /** true: the retired risks instead of the live ones. */
  retired: optionalEnum(FLAG_VALUES),
  q: z.string().trim().max(100).optional(),
};

export const listRisksQuery = z.object({
  ...paging,
  ...riskFilters,
  sort: z.enum(RISK_SORTS, { error: "validation.invalidOption" }).default("residualScore"),
  dir: z.enum(["asc", "desc"], { error: "validation.invalidOption" }).default("desc"),
});
export type ListRisksQuery = z.infer<typeof listRisksQuery>;

/** The heat map counts the risks the list would show with the same filters (without the cell and phase). */
export const heatMapQuery = z.object({
  itemId: riskFilters.itemId,
  stage: riskFilters.stage,
  threat: riskFilters.threat,
  accepted: riskFilters.accepted,
});
export type HeatMapQuery = z.infer<typeof heatMapQuery>;

export const riskThresholdSchema = z.object({
  /** The residual score from which a risk counts as high (a score the 5 × 5 grid can produce). */
  highThreshold: z.preprocess(numberOrNull, z.number({ error: "validation.required" }).refine(isValidThreshold, "registerRisks.errors.threshold")),
});
export type RiskThreshold = z.infer<typeof riskThresholdSchema>;
export const DEFAULT_RISK_THRESHOLD: RiskThreshold = { highThreshold: DEFAULT_HIGH_THRESHOLD };
/** Version 0: the default, never saved (as every keyed setting). */
export const updateRiskThresholdSchema = riskThresholdSchema.extend({
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});

// Responses

export const countermeasureDtoSchema = z.object({
  safeguard: z.enum(SAFEGUARD_KINDS),
  description: z.string(),
  regulationId: z.number().nullable(),
  /** The regulation's code and title when one is cited. */
  regulationCode: z.string().nullable(),
  regulationTitle: z.string().nullable(),
});

export const riskSchema = z.object({
  id: z.number(),
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  stage: z.enum(LIFECYCLE_STAGES),
  threat: z.enum(RISK_THREATS),
  description: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  score: z.number(),
  level: z.enum(RISK_LEVELS),
  countermeasures: z.array(countermeasureDtoSchema),
  residualLikelihood: z.number(),
  residualImpact: z.number(),
  residualScore: z.number(),
  residualLevel: z.enum(RISK_LEVELS),
  /** Residual score at or above the threshold in force. */
  high: z.boolean(),
  acceptedOn: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  retired: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RiskDto = z.infer<typeof riskSchema>;

export const riskVersionSchema = z.object({
  version: z.number(),
  action: z.string(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
  /** The risk as it was written in this version. */
  snapshot: z.object({
    stage: z.enum(LIFECYCLE_STAGES),
    threat: z.enum(RISK_THREATS),
    description: z.string(),
    likelihood: z.number(),
    impact: z.number(),
    residualLikelihood: z.number(),
    residualImpact: z.number(),
    countermeasures: z.array(z.object({ safeguard: z.enum(SAFEGUARD_KINDS), description: z.string(), regulationId: z.number().nullable() })),
    acceptedOn: z.string().nullable(),
    acceptedByName: z.string().nullable(),
    retired: z.boolean(),
  }),
});
export type RiskVersionDto = z.infer<typeof riskVersionSchema>;

export const riskDetailSchema = z.object({ risk: riskSchema, history: z.array(riskVersionSchema) });
export type RiskDetail = z.infer<typeof riskDetailSchema>;

/** The five stages of one item with their risks (the item page's analysis). */
export const itemAnalysisSchema = z.object({
  itemId: z.number(),
  highThreshold: z.number(),
  /** When the item's analysis is next due for review, and its state on today. */
  reviewDueOn: z.string(),
  reviewDueState: z.enum(ANALYSIS_DUE_STATES),
  lastAnalysedOn: z.string().nullable(),
  risks: z.array(riskSchema),
});
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;

const grid = z.array(z.array(z.number()).length(RISK_SCALE_MAX)).length(RISK_SCALE_MAX);
export const heatMapSchema = z.object({
  /** cells[likelihood - 1][impact - 1] = the number of live risks rated likelihood × impact. */
  inherent: grid,
  residual: grid,
  total: z.number(),
  highThreshold: z.number(),
});
export type HeatMapDto = z.infer<typeof heatMapSchema>;

export const riskThresholdDtoSchema = riskThresholdSchema.extend({ version: z.number() });

/** The heat-map page's URL: the list's filters and which rating the grid shows. */
export const heatMapViewQuery = heatMapQuery.extend({ phase: riskFilters.phase });
