import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { OBLIGATIONS, REPORTABLE_REASONS } from "./reporting";
import { INCIDENT_STATUSES } from "./workflow";
import { linkedItemSchema, type LinkedItem } from "@/lib/register/linked-item";

/** Incident log (docs/domain.md §3): input schemas shared by the forms and the API, and the response shapes. */

export const INCIDENT_CATEGORIES = [
  "unauthorized_access", // 不正アクセス
  "loss", // 紛失
  "destruction", // 破壊
  "tampering", // 改ざん
  "leakage", // 漏えい
  "misdirected", // 誤送信
  "other",
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** The nine items of the final report to the PPC, in the order of the report. */
export const FINAL_REPORT_ITEMS = [
  "reportOverview",
  "reportDataItems",
  "reportPersons",
  "reportCause",
  "reportSecondaryRisk",
  "reportResponseToPersons",
  "reportPublication",
  "reportRecurrenceMeasures",
  "reportOther",
] as const;
export type FinalReportItem = (typeof FINAL_REPORT_ITEMS)[number];

export const REPORT_DATE_FIELDS = ["ppcPreliminaryReportedOn", "ppcFinalReportedOn", "pmarkPreliminaryReportedOn", "pmarkFinalReportedOn", "personsNotifiedOn"] as const;
export type ReportDateField = (typeof REPORT_DATE_FIELDS)[number];

const TS_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A moment: ISO 8601 with a zone, or a wall-clock time without one ("2026-06-09T23:30", what a
 * datetime-local field sends), which is read as Asia/Tokyo. Becomes an ISO string in UTC.
 */
export const tokyoDateTime = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .transform((s, ctx) => {
    const m = TS_RE.exec(s);
    const [y, mo, d, h, mi, sec] = m ? [m[1], m[2], m[3], m[4], m[5], m[6] ?? "00"].map(Number) : [];
    const ok = m && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && h <= 23 && mi <= 59 && sec <= 59 && y >= 1900 && y <= 2999;
    const ms = ok ? Date.parse(m[7] ? s.replace(" ", "T") : `${s.replace(" ", "T")}+09:00`) : NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "incidents.errors.dateTime", input: s });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

const optionalTokyoDateTime = z
  .union([z.literal(""), z.null(), tokyoDateTime])
  .optional()
  .transform((v) => (v ? v : null));

const flagField = z.boolean({ error: "validation.invalidType" }).default(false);

const reportFields = {
  title: requiredText(200),
  category: z.enum(INCIDENT_CATEGORIES, { error: "validation.invalidOption" }),
  occurredAt: optionalTokyoDateTime,
  discoveredAt: tokyoDateTime,
  departmentId: z.preprocess(numberOrNull, z.union([z.null(), refId]).optional()).transform((v) => v ?? null),
  description: requiredText(4000),
  dataInvolved: optionalText(2000),
  personsAffected: z.preprocess(numberOrNull, wholeNumber(0, 100_000_000)),
  sensitiveData: flagField,
  financialLoss: flagField,
  wrongfulPurpose: flagField,
  encrypted: flagField,
  severity: z.enum(INCIDENT_SEVERITIES, { error: "validation.invalidOption" }).default("medium"),
  /** The personal information register's items among the data involved (docs/domain.md §6, "Links"); omitted on an edit: left as they are. */
  registerItemIds: z.array(refId, { error: "validation.invalidType" }).max(50, "validation.tooMany").optional(),
};

/** Occurred ≤ discovered, and neither in the future (a minute of clock skew allowed). */
function checkTimes(v: { occurredAt: string | null; discoveredAt: string }, ctx: z.RefinementCtx) {
  const now = Date.now() + 60_000;
  if (Date.parse(v.discoveredAt) > now) ctx.addIssue({ code: "custom", path: ["discoveredAt"], message: "incidents.errors.inFuture", input: v.discoveredAt });
  if (v.occurredAt && Date.parse(v.occurredAt) > now) ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "incidents.errors.inFuture", input: v.occurredAt });
  else if (v.occurredAt && Date.parse(v.occurredAt) > Date.parse(v.discoveredAt))
    ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "incidents.errors.occurredAfterDiscovered", input: v.occurredAt });
}

/** "Report an incident": anyone signed in. */
export const createIncidentSchema = z.object(reportFields).superRefine(checkTimes);
export type CreateIncidentInput = z.output<typeof createIncidentSchema>;

const finalReportFields = Object.fromEntries(FINAL_REPORT_ITEMS.map((k) => [k, optionalText(4000)])) as Record<FinalReportItem, ReturnType<typeof optionalText>>;

/** The privacy manager's edit: the report fields, containment and the nine final-report items. */
export const updateIncidentSchema = z
  .object({ ...reportFields, containment: optionalText(4000), ...finalReportFields, version })
  .superRefine(checkTimes);
export type UpdateIncidentInput = z.output<typeof updateIncidentSchema>;

/** The dates the reports and the notice to the persons were made (empty = not yet). */
export const reportDatesSchema = z.object({
  ppcPreliminaryReportedOn: optionalIsoDate,
  ppcFinalReportedOn: optionalIsoDate,
  pmarkPreliminaryReportedOn: optionalIsoDate,
  pmarkFinalReportedOn: optionalIsoDate,
  personsNotifiedOn: optionalIsoDate,
  version,
});
export type ReportDatesInput = z.output<typeof reportDatesSchema>;

/**
 * What the regulator-outputs pages mark as made (docs/domain.md §3, "Regulator outputs"), and the
 * date each one fills: the PPC reports and the notice feed the clocks, the statement fills 公表の実施状況.
 */
export const INCIDENT_OUTPUTS = ["ppcPreliminary", "ppcFinal", "personsNotice", "publicStatement"] as const;
export type IncidentOutput = (typeof INCIDENT_OUTPUTS)[number];
export const OUTPUT_DATE_FIELDS = {
  ppcPreliminary: "ppcPreliminaryReportedOn",
  ppcFinal: "ppcFinalReportedOn",
  personsNotice: "personsNotifiedOn",
  publicStatement: "publiclyAnnouncedOn",
} as const satisfies Record<IncidentOutput, ReportDateField | "publiclyAnnouncedOn">;

/** The day an output was made, as the incident records it (null: not yet). */
export function madeOnOf(i: Record<(typeof OUTPUT_DATE_FIELDS)[IncidentOutput], string | null>, output: IncidentOutput): string | null {
  return i[OUTPUT_DATE_FIELDS[output]];
}

export const incidentOutputParams = z.object({
  id: refId,
  output: z.enum(INCIDENT_OUTPUTS, { error: "validation.invalidOption" }),
});

/** The day an output was made; empty or null = not made (undoes a mark made by mistake). */
export const markOutputMadeSchema = z.object({ madeOn: optionalIsoDate, version });
export type MarkOutputMadeInput = z.output<typeof markOutputMadeSchema>;

export const transitionSchema = z.object({
  to: z.enum(INCIDENT_STATUSES, { error: "validation.invalidOption" }),
  note: optionalText(2000),
  version,
});
export type TransitionInput = z.output<typeof transitionSchema>;

export const correctiveActionSchema = z.object({
  description: requiredText(2000),
  owner: requiredText(100),
  dueOn: isoDate,
  doneOn: optionalIsoDate,
});
export type CorrectiveActionInput = z.output<typeof correctiveActionSchema>;
export const updateCorrectiveActionSchema = correctiveActionSchema.extend({ version });
export type UpdateCorrectiveActionInput = z.output<typeof updateCorrectiveActionSchema>;

export const incidentIdParams = z.object({ id: refId });
export const correctiveActionParams = z.object({ id: refId, actionId: refId });

const boolFlag = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

export const INCIDENT_SORTS = ["reference", "discoveredAt", "severity", "status", "nextDue", "personsAffected"] as const;

export const listIncidentsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  status: optionalEnum([...INCIDENT_STATUSES, "open"] as const),
  category: optionalEnum(INCIDENT_CATEGORIES),
  severity: optionalEnum(INCIDENT_SEVERITIES),
  reportable: boolFlag,
  /** "true": something is past its deadline and not made. */
  overdue: boolFlag,
  /** "true": a report to the P-mark assessment body (preliminary or final) not made and past its deadline (renewal readiness links here). */
  pmarkLate: boolFlag,
  /** Discovered in this fiscal year. */
  fy: z.coerce.number().int().min(1900).max(2999).optional(),
  sort: z.enum(INCIDENT_SORTS).default("discoveredAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuery>;
export const exportIncidentsQuery = listIncidentsQuery.omit({ page: true, pageSize: true });
export type ExportIncidentsQuery = z.infer<typeof exportIncidentsQuery>;

export const dueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const statsQuery = z.object({ fy: z.coerce.number().int().min(1900).max(2999).optional() });

const obligationSchema = z.object({
  key: z.enum(OBLIGATIONS),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(["done", "done_late", "late", "due_soon", "pending"]),
  daysLeft: z.number().nullable(),
});

export const incidentSchema = z.object({
  id: z.number(),
  reference: z.string(),
  title: z.string(),
  category: z.enum(INCIDENT_CATEGORIES),
  occurredAt: z.string().nullable(),
  discoveredAt: z.string(),
  reporterId: z.number().nullable(),
  reporterName: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  description: z.string(),
  dataInvolved: z.string().nullable(),
  personsAffected: z.number(),
  sensitiveData: z.boolean(),
  financialLoss: z.boolean(),
  wrongfulPurpose: z.boolean(),
  encrypted: z.boolean(),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  containment: z.string().nullable(),
  ...Object.fromEntries(FINAL_REPORT_ITEMS.map((k) => [k, z.string().nullable()])),
  ...Object.fromEntries(REPORT_DATE_FIELDS.map((k) => [k, z.string().nullable()])),
  /** The day the public statement 公表 was made (no deadline; feeds 公表の実施状況 of the report). */
  publiclyAnnouncedOn: z.string().nullable(),
  closedApprovedBy: z.number().nullable(),
  closedApprovedByName: z.string().nullable(),
  closedApprovedAt: z.string().nullable(),
  // Computed on read (lib/incidents/reporting.ts).
  discoveryDate: z.string(),
  reportable: z.boolean(),
  reportableReasons: z.array(z.enum(REPORTABLE_REASONS)),
  exemption: z.enum(["advanced_encryption"]).nullable(),
  exemptedReasons: z.array(z.enum(REPORTABLE_REASONS)),
  finalReportDays: z.number(),
  preliminaryReportDue: z.string().nullable(),
  finalReportDue: z.string().nullable(),
  pmarkPreliminaryReportDue: z.string(),
  pmarkFinalReportDue: z.string(),
  obligations: z.array(obligationSchema),
  preliminaryReportLate: z.boolean(),
  finalReportLate: z.boolean(),
  personsNoticeLate: z.boolean(),
  pmarkPreliminaryReportLate: z.boolean(),
  pmarkFinalReportLate: z.boolean(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  nextDue: z.string().nullable(),
  openCorrectiveActions: z.number(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IncidentDto = z.infer<typeof incidentSchema> & Record<FinalReportItem | ReportDateField, string | null>;

export const transitionRowSchema = z.object({
  id: z.number(),
  fromStatus: z.enum(INCIDENT_STATUSES).nullable(),
  toStatus: z.enum(INCIDENT_STATUSES),
  actorName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export type TransitionDto = z.infer<typeof transitionRowSchema>;

export const correctiveActionRowSchema = z.object({
  id: z.number(),
  incidentId: z.number(),
  description: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  retiredAt: z.string().nullable(),
  version: z.number(),
});
export type CorrectiveActionDto = z.infer<typeof correctiveActionRowSchema>;

export const incidentDetailSchema = z.object({
  incident: incidentSchema,
  transitions: z.array(transitionRowSchema),
  correctiveActions: z.array(correctiveActionRowSchema),
  /** The register items named as the data involved. */
  registerItems: z.array(linkedItemSchema),
});
export type IncidentDetail = { incident: IncidentDto; transitions: TransitionDto[]; correctiveActions: CorrectiveActionDto[]; registerItems: LinkedItem[] };

export const dueItemSchema = z.object({
  incidentId: z.number(),
  reference: z.string(),
  title: z.string(),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  key: z.enum(OBLIGATIONS),
  dueOn: z.string(),
  state: z.enum(["late", "due_soon", "pending"]),
  daysLeft: z.number(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const statsSchema = z.object({
  fiscalYear: z.number(),
  months: z.array(z.object({ month: z.string(), counts: z.record(z.string(), z.number()), total: z.number() })),
  openBySeverity: z.array(z.object({ severity: z.enum(INCIDENT_SEVERITIES), count: z.number() })),
  containmentDays: z.array(z.object({ id: z.number(), reference: z.string(), days: z.number() })),
  averageContainmentDays: z.number().nullable(),
});
export type IncidentStats = z.infer<typeof statsSchema>;

/** A timestamp as the value of a datetime-local field, in Tokyo time: "2026-06-09T23:30". */
export function toTokyoLocalInput(iso: string | null): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 16);
}
