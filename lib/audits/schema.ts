import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId } from "@/lib/validation/numbers";
import { ACTION_STATUSES, AUDIT_STATUSES, AUDIT_TYPES, FINDING_GRADES, FINDING_STATUS_FILTERS, FINDING_STATUSES, LATENESS_BUCKETS, RENEWAL_STATES } from "./rules";

/** Input schemas shared by the audit forms and the API, and the response shapes. */

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: "validation.invalidOption" }).optional());
const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional());
const nullableUserId = z.preprocess(
  numberOrNull,
  z.number({ error: "validation.invalidType" }).int("validation.invalidType").positive("validation.invalidType").nullable().default(null),
);
const fy = z.preprocess(numberOrNull, z.number({ error: "validation.required" }).int("validation.invalidType").min(2000, "validation.tooSmall").max(2100, "validation.tooBig"));
const fyQuery = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional());

const CLAUSE_RE = /^[A-Za-z0-9][A-Za-z0-9.\-()]{0,29}$/;

export const idParams = z.object({ id: refId });

// Audits ----------------------------------------------------------------------------------------

const auditFields = {
  fiscalYear: fy,
  type: z.enum(AUDIT_TYPES, { error: "validation.invalidOption" }),
  title: requiredText(200),
  scopeDepartmentIds: z
    .array(z.number({ error: "validation.invalidType" }).int().positive("validation.invalidType"), { error: "validation.invalidType" })
    .max(100, "validation.tooMany")
    .default([]),
  scopeClauses: z
    .array(z.string({ error: "validation.invalidType" }).trim().regex(CLAUSE_RE, "audits.errors.clauseFormat"), { error: "validation.invalidType" })
    .max(100, "validation.tooMany")
    .default([]),
  auditee: optionalText(200),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  leadAuditorId: nullableUserId,
  summary: optionalText(20000),
};

type AuditShape = { plannedStart: string; plannedEnd: string; scopeDepartmentIds: number[]; scopeClauses: string[] };
function auditRules<T extends AuditShape>(v: T, ctx: z.RefinementCtx): T {
  if (v.plannedEnd < v.plannedStart) {
    ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "audits.errors.endBeforeStart", input: v.plannedEnd });
    return z.NEVER;
  }
  return { ...v, scopeDepartmentIds: [...new Set(v.scopeDepartmentIds)].sort((a, b) => a - b), scopeClauses: [...new Set(v.scopeClauses)] };
}

export const createAuditSchema = z
  .object({
    ...auditFields,
    /** Team members (user ids), besides the lead. */
    teamUserIds: z.array(z.number({ error: "validation.invalidType" }).int().positive("validation.invalidType"), { error: "validation.invalidType" }).max(20, "validation.tooMany").default([]),
  })
  .transform(auditRules);
export type CreateAuditInput = z.output<typeof createAuditSchema>;

export const updateAuditSchema = z
  .object({ ...auditFields, actualStart: optionalIsoDate, actualEnd: optionalIsoDate, version })
  .transform(auditRules)
  .superRefine((v, ctx) => {
    if (v.actualStart && v.actualEnd && v.actualEnd < v.actualStart)
      ctx.addIssue({ code: "custom", path: ["actualEnd"], message: "audits.errors.endBeforeStart", input: v.actualEnd });
  });
export type UpdateAuditInput = z.output<typeof updateAuditSchema>;

export const transitionAuditSchema = z.object({
  to: z.enum(AUDIT_STATUSES, { error: "validation.invalidOption" }),
  /** The date of the step (default today, Tokyo). */
  on: optionalIsoDate,
  version,
});
export type TransitionAuditInput = z.output<typeof transitionAuditSchema>;

export const setTeamSchema = z.object({
  teamUserIds: z.array(z.number({ error: "validation.invalidType" }).int().positive("validation.invalidType"), { error: "validation.invalidType" }).max(20, "validation.tooMany"),
  version,
});
export type SetTeamInput = z.output<typeof setTeamSchema>;

export const AUDIT_SORTS = ["plannedStart", "title", "type", "status", "fiscalYear"] as const;

export const listAuditsQuery = z.object({
  ...paging,
  fy: fyQuery,
  type: optionalEnum(AUDIT_TYPES),
  status: optionalEnum(AUDIT_STATUSES),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(AUDIT_SORTS).default("plannedStart"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListAuditsQuery = z.infer<typeof listAuditsQuery>;
export const exportAuditsQuery = listAuditsQuery.omit({ page: true, pageSize: true });
export type ExportAuditsQuery = z.infer<typeof exportAuditsQuery>;
export const statsQuery = z.object({ fy: fyQuery });

const person = z.object({ id: z.number(), name: z.string(), departmentId: z.number().nullable() });

export const auditSchema = z.object({
  id: z.number(),
  fiscalYear: z.number(),
  type: z.enum(AUDIT_TYPES),
  title: z.string(),
  scopeDepartmentIds: z.array(z.number()),
  scopeDepartments: z.array(z.object({ id: z.number(), name: z.string() })),
  scopeClauses: z.array(z.string()),
  auditee: z.string().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  leadAuditorId: z.number().nullable(),
  leadAuditorName: z.string().nullable(),
  team: z.array(person),
  status: z.enum(AUDIT_STATUSES),
  summary: z.string().nullable(),
  reportedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  findingCount: z.number(),
  /** Nonconformities not verified yet (they keep the audit from closing). */
  openNonconformities: z.number(),
  allowedTransitions: z.array(z.enum(AUDIT_STATUSES)),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AuditDto = z.infer<typeof auditSchema>;

// Findings --------------------------------------------------------------------------------------

const findingFields = {
  clauseRef: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string({ error: "validation.invalidType" }).trim().regex(CLAUSE_RE, "audits.errors.clauseFormat").nullable().default(null),
  ),
  grade: z.enum(FINDING_GRADES, { error: "validation.invalidOption" }),
  departmentId: nullableUserId,
  description: requiredText(4000),
  correctiveAction: optionalText(4000),
  ownerUserId: nullableUserId,
  ownerName: optionalText(100),
  dueDate: optionalIsoDate,
};

export const createFindingSchema = z.object({ auditId: refId, ...findingFields });
export type CreateFindingInput = z.output<typeof createFindingSchema>;

export const updateFindingSchema = z
  .object({
    ...findingFields,
    status: z.enum(["open", "action_planned", "done"], { error: "validation.invalidOption" }),
    doneOn: optionalIsoDate,
    version,
  })
  .superRefine((v, ctx) => {
    if (v.status !== "open" && !v.correctiveAction)
      ctx.addIssue({ code: "custom", path: ["correctiveAction"], message: "findings.errors.actionRequired", input: v.correctiveAction });
  });
export type UpdateFindingInput = z.output<typeof updateFindingSchema>;

export const verifyFindingSchema = z.object({ verifiedOn: optionalIsoDate, note: optionalText(2000), version });
export type VerifyFindingInput = z.output<typeof verifyFindingSchema>;

/** Sending a done correction back (not effective): the reason is required and kept as the verification note. */
export const rejectVerificationSchema = z.object({ reason: requiredText(2000), version });
export type RejectVerificationInput = z.output<typeof rejectVerificationSchema>;

/** Retiring a finding recorded by mistake: the reason is required and kept on the finding. */
export const retireFindingSchema = z.object({ reason: requiredText(500), version });
export type RetireFindingInput = z.output<typeof retireFindingSchema>;

const booleanQuery = z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === "1" || v === true), z.boolean().optional());

export const FINDING_SORTS = ["dueDate", "grade", "status", "auditTitle", "createdAt"] as const;

export const listFindingsQuery = z.object({
  ...paging,
  audit: optionalId,
  fy: fyQuery,
  grade: optionalEnum(FINDING_GRADES),
  /** A status, or "unverified": every status short of verified (UNVERIFIED_FINDING_STATUSES). */
  status: optionalEnum(FINDING_STATUS_FILTERS),
  department: optionalId,
  overdue: booleanQuery,
  /** Overdue by how late (the /audits chart's bars): due-date range from lib/audits latenessDueRange. */
  late: optionalEnum(LATENESS_BUCKETS),
  /** Retired findings are left out unless asked for (they are then shown marked as retired). */
  includeRetired: booleanQuery,
  sort: z.enum(FINDING_SORTS).default("dueDate"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>;
export const exportFindingsQuery = listFindingsQuery.omit({ page: true, pageSize: true });
export type ExportFindingsQuery = z.infer<typeof exportFindingsQuery>;

export const findingSchema = z.object({
  id: z.number(),
  auditId: z.number(),
  auditTitle: z.string(),
  auditFiscalYear: z.number(),
  clauseRef: z.string().nullable(),
  grade: z.enum(FINDING_GRADES),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  description: z.string(),
  correctiveAction: z.string().nullable(),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  ownerLabel: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(FINDING_STATUSES),
  doneOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verificationNote: z.string().nullable(),
  overdue: z.boolean(),
  retiredAt: z.string().nullable(),
  retiredByName: z.string().nullable(),
  retireReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const auditDetailSchema = z.object({ audit: auditSchema, findings: z.array(findingSchema) });
export type AuditDetail = z.infer<typeof auditDetailSchema>;

// Stats -----------------------------------------------------------------------------------------

export const auditStatsSchema = z.object({
  today: z.string(),
  fiscalYear: z.number(),
  quarters: z.array(z.object({ quarter: z.number(), planned: z.number(), done: z.number() })),
  findingsByGrade: z.array(z.object({ grade: z.enum(FINDING_GRADES), open: z.number(), action_planned: z.number(), done: z.number(), verified: z.number() })),
  overdueActions: z.number(),
  overdueReviewActions: z.number(),
  /** Overdue corrective actions (findings' and management-review actions', every year) by how late. */
  overdueByLateness: z.array(z.object({ bucket: z.enum(LATENESS_BUCKETS), findings: z.number(), reviewActions: z.number() })),
  indicators: z.object({
    internalAuditsPlanned: z.number(),
    internalAuditsDone: z.number(),
    managementReviewsHeld: z.number(),
    internalAuditMet: z.boolean(),
    managementReviewMet: z.boolean(),
  }),
});
export type AuditStats = z.infer<typeof auditStatsSchema>;

// Management reviews ----------------------------------------------------------------------------

const reviewFields = {
  heldOn: isoDate,
  title: requiredText(200),
  participants: requiredText(1000),
  inputAuditResults: optionalText(8000),
  inputIncidents: optionalText(8000),
  inputTraining: optionalText(8000),
  inputContractors: optionalText(8000),
  inputLawChanges: optionalText(8000),
  inputOther: optionalText(8000),
  decisions: optionalText(8000),
};
export const createManagementReviewSchema = z.object(reviewFields);
export type CreateManagementReviewInput = z.output<typeof createManagementReviewSchema>;
export const updateManagementReviewSchema = z.object({ ...reviewFields, version });
export type UpdateManagementReviewInput = z.output<typeof updateManagementReviewSchema>;

export const listManagementReviewsQuery = z.object({
  ...paging,
  fy: fyQuery,
  /** true: only the reviews held by today (isReviewHeld, what the dashboard counts as held); false: only those still to come. */
  held: booleanQuery,
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type ListManagementReviewsQuery = z.infer<typeof listManagementReviewsQuery>;

const actionFields = {
  description: requiredText(2000),
  ownerUserId: nullableUserId,
  ownerName: optionalText(100),
  dueDate: optionalIsoDate,
};
export const createReviewActionSchema = z.object(actionFields);
export type CreateReviewActionInput = z.output<typeof createReviewActionSchema>;
export const updateReviewActionSchema = z
  .object({ ...actionFields, status: z.enum(ACTION_STATUSES, { error: "validation.invalidOption" }), doneOn: optionalIsoDate, note: optionalText(2000), version });
export type UpdateReviewActionInput = z.output<typeof updateReviewActionSchema>;

export const reviewActionSchema = z.object({
  id: z.number(),
  reviewId: z.number(),
  description: z.string(),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  ownerLabel: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
});
export type ReviewActionDto = z.infer<typeof reviewActionSchema>;

export const managementReviewSchema = z.object({
  id: z.number(),
  fiscalYear: z.number(),
  heldOn: z.string(),
  title: z.string(),
  participants: z.string(),
  inputAuditResults: z.string().nullable(),
  inputIncidents: z.string().nullable(),
  inputTraining: z.string().nullable(),
  inputContractors: z.string().nullable(),
  inputLawChanges: z.string().nullable(),
  inputOther: z.string().nullable(),
  decisions: z.string().nullable(),
  actionCount: z.number(),
  openActionCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
});
export type ManagementReviewDto = z.infer<typeof managementReviewSchema>;
export const managementReviewDetailSchema = z.object({ review: managementReviewSchema, actions: z.array(reviewActionSchema) });
export type ManagementReviewDetail = z.infer<typeof managementReviewDetailSchema>;

// P-mark ---------------------------------------------------------------------------------------

const certificateNumber = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong")
  .regex(/^[0-9A-Za-z()（）\-]+$/, "pmark.errors.numberFormat");
const certFields = { certificateNumber, validFrom: isoDate, validTo: optionalIsoDate, note: optionalText(2000) };
function certRules<T extends { validFrom: string; validTo: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.validTo && v.validTo <= v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "pmark.errors.toBeforeFrom", input: v.validTo });
}
export const createCertificateSchema = z.object(certFields).superRefine(certRules);
export type CreateCertificateInput = z.output<typeof createCertificateSchema>;
export const updateCertificateSchema = z.object({ ...certFields, version }).superRefine(certRules);
export type UpdateCertificateInput = z.output<typeof updateCertificateSchema>;

export const renewalWindowSchema = z.object({
  expiresOn: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(RENEWAL_STATES),
  daysUntilOpens: z.number(),
  daysUntilCloses: z.number(),
  daysUntilExpiry: z.number(),
  daysLeft: z.number(),
  progress: z.number(),
});
export const certificateSchema = z.object({
  id: z.number(),
  certificateNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  note: z.string().nullable(),
  window: renewalWindowSchema,
  version: z.number(),
  createdAt: z.string(),
});
export type CertificateDto = z.infer<typeof certificateSchema>;
export const currentCertificateSchema = z.object({ current: certificateSchema.nullable(), history: z.array(certificateSchema), today: z.string() });
export type CurrentCertificate = z.infer<typeof currentCertificateSchema>;
