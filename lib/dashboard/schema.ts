import { z } from "zod";
import { SCORE_INDICATORS } from "./score";

/** ?fy=2026 — the fiscal year; the current one when absent. */
export const dashboardQuery = z.object({
  fy: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ error: "validation.invalidType" }).int("validation.invalidType").min(1900, "validation.tooSmall").max(2998, "validation.tooBig").optional(),
  ),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const counts = {
  required: z.number(),
  compliant: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  exempt: z.number(),
  rate: z.number().nullable(),
};

const renewalWindowSchema = z.object({
  expiresOn: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(["before_window", "window_open", "window_closed_not_expired", "expired"]),
  daysUntilOpens: z.number(),
  daysUntilCloses: z.number(),
  daysUntilExpiry: z.number(),
  daysLeft: z.number(),
  progress: z.number(),
});

export const dashboardSummarySchema = z.object({
  today: z.string(),
  fiscalYear: z.number(),
  isCurrentFiscalYear: z.boolean(),
  asOf: z.string().describe("The day the fiscal-year figures are taken on"),
  fiscalYears: z.array(z.number()),
  training: z.object({
    asOf: z.string(),
    ...counts,
    href: z.string(),
    compliantHref: z.string(),
    overdueHref: z.string(),
    dueSoonHref: z.string(),
    byDepartment: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), ...counts, href: z.string() })),
  }),
  regulations: z.object({ inForce: z.number(), overdue: z.number(), dueSoon: z.number(), overdueHref: z.string(), dueSoonHref: z.string() }),
  incidents: z.object({
    open: z.number(),
    openHref: z.string(),
    openBySeverity: z.array(z.object({ severity: z.string(), count: z.number(), href: z.string() })),
    reportableThisFy: z.number(),
    reportableHref: z.string(),
    lateReports: z.number().describe("Incidents with a report or notice past its deadline and not made"),
    lateReportsHref: z.string(),
    dueSoonReports: z.number(),
    nextDeadline: z
      .object({
        incidentId: z.number(),
        reference: z.string(),
        title: z.string(),
        severity: z.string(),
        key: z.enum(["ppcPreliminary", "ppcFinal", "personsNotice", "pmarkPreliminary", "pmarkFinal"]),
        dueOn: z.string(),
        state: z.enum(["done", "done_late", "late", "due_soon", "pending"]),
        daysLeft: z.number().nullable(),
        href: z.string(),
      })
      .nullable(),
    perMonth: z.array(z.object({ month: z.string(), count: z.number() })),
    perMonthHref: z.string(),
  }),
  contractors: z.object({
    total: z.number(),
    unassessed: z.number(),
    unassessedHref: z.string(),
    assessmentOverdue: z.number(),
    assessmentOverdueHref: z.string(),
    certificationExpired: z.number(),
    certificationExpiredHref: z.string(),
  }),
  audits: z.object({
    planned: z.number(),
    done: z.number(),
    href: z.string(),
    internalPlanned: z.number(),
    internalDone: z.number(),
    internalAuditMet: z.boolean(),
    managementReviewsHeld: z.number(),
    managementReviewMet: z.boolean(),
    managementReviewHref: z.string(),
    findings: z.object({
      majorUnverified: z.number(),
      majorHref: z.string(),
      minorUnverified: z.number(),
      minorHref: z.string(),
      overdueActions: z.number(),
      overdueActionsHref: z.string(),
    }),
  }),
  pmark: z.object({ certificateNumber: z.string().nullable(), validTo: z.string().nullable(), window: renewalWindowSchema.nullable(), href: z.string() }),
  /**
   * Renewal readiness (db/queries/dashboard/renewal.ts): where its card links, from 10 months before the
   * certificate expires (null before). The card loads the checks itself (GET /api/v1/renewal/readiness).
   */
  renewal: z.object({ href: z.string() }).nullable(),
  pmsPosts: z.object({ total: z.number(), vacant: z.number(), href: z.string() }),
  /** The personal information register and its risk analysis (db/queries/dashboard/register.ts). */
  register: z.object({
    active: z.number(),
    overdue: z.number(),
    sensitive: z.number(),
    highRisksNotAccepted: z.number(),
    highThreshold: z.number(),
    overdueHref: z.string(),
    sensitiveHref: z.string(),
    highRisksHref: z.string(),
  }),
  /** Requests from individuals open / late with the nearest due date, provision records past their retention (db/queries/dashboard/requests.ts). */
  requests: z.object({
    open: z.number(),
    openHref: z.string(),
    late: z.number(),
    lateHref: z.string(),
    nextDue: z.object({ reference: z.string(), dueOn: z.string(), daysLeft: z.number(), href: z.string() }).nullable(),
    provisionsDisposable: z.number(),
    provisionsDisposableHref: z.string(),
  }),
  /** Evidence files whose current version has expired, or expires within 30 days (db/queries/dashboard/evidence.ts). */
  evidence: z.object({ expired: z.number(), expiringSoon: z.number(), href: z.string() }),
  /** E-mails and webhook calls failing (db/queries/dashboard/notifications.ts). */
  notifications: z.object({ failing: z.number(), href: z.string() }),
});

const indicatorValues = z.object(Object.fromEntries(SCORE_INDICATORS.map((k) => [k, z.number().nullable()])) as Record<(typeof SCORE_INDICATORS)[number], z.ZodNullable<z.ZodNumber>>);

export const scorePointSchema = z.object({
  month: z.string(),
  asOf: z.string(),
  score: z.number().nullable(),
  band: z.enum(["good", "attention", "critical"]).nullable(),
  indicators: indicatorValues,
  points: indicatorValues,
  details: z.object({
    training: z.object({ required: z.number(), compliant: z.number() }),
    regulations: z.object({ inForce: z.number(), overdue: z.number() }),
    incidents: z.object({ due: z.number(), onTime: z.number() }),
    contractors: z.object({ active: z.number(), clean: z.number() }),
    audits: z.object({ internalAudit: z.number(), managementReview: z.number(), correctiveActions: z.number() }),
  }),
});

export const complianceScoreSchema = z.object({
  today: z.string(),
  fiscalYear: z.number(),
  asOf: z.string(),
  isCurrentFiscalYear: z.boolean(),
  indicatorKeys: z.array(z.enum(SCORE_INDICATORS)),
  months: z.array(scorePointSchema),
  current: scorePointSchema.nullable(),
});

/** What the dashboard's cards are drawn from (GET /api/v1/dashboard/summary); db/queries/dashboard returns this type. */
export type DashboardSummaryDto = z.infer<typeof dashboardSummarySchema>;
/** One month end of the compliance score trend. */
export type ScorePointDto = z.infer<typeof scorePointSchema>;
/** The compliance score trend (GET /api/v1/dashboard/score). */
export type ComplianceScoreDto = z.infer<typeof complianceScoreSchema>;
