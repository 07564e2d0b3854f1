import { z } from "zod";
import { CALENDAR_TYPE_READERS } from "@/lib/calendar/access";
import { CALENDAR_EVENT_TYPES, stateOf, type CalendarEvent, type CalendarEventType } from "@/lib/calendar/events";
import type { Role } from "@/lib/auth/roles";
import { addDays } from "@/lib/dates";
import { fiscalYearRange } from "@/lib/fiscal-year";
import { isPastDue } from "@/lib/incidents/reporting";
import { NOTIFICATION_MODES, type NotificationMode, type NotificationStage } from "./enums";

/**
 * The rules that turn the calendar's deadlines into notifications (docs/domain.md, "Notifications").
 * Pure: the scan (db/queries/notifications.ts) loads the calendar's events for today, the users and
 * their preferences, and these functions decide who hears what. The deadlines themselves are the
 * calendar's (lib/calendar/events.ts), so a notification never disagrees with the calendar.
 */

// ---------------------------------------------------------------------------------------------
// Lead times: a setting (db/queries/notifications.ts), one number of days per event type.

export const MAX_LEAD_DAYS = 180;

const leadDay = z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.tooSmall").max(MAX_LEAD_DAYS, "validation.tooBig");

/**
 * Days before the due day from which a deadline is announced ("soon"). The incident report clocks are
 * not here: their warning day is the incident module's own rule (lib/incidents/reporting.ts), the day
 * the incident list turns a report amber.
 */
export const leadDaysSchema = z.object({
  training: leadDay,
  regulation: leadDay,
  contractor: leadDay,
  audit: leadDay,
  finding: leadDay,
  review_action: leadDay,
  pmark: leadDay,
  evidence: leadDay,
  register: leadDay,
  request: leadDay,
});
export type LeadDays = z.infer<typeof leadDaysSchema>;

export const DEFAULT_LEAD_DAYS: LeadDays = {
  training: 14,
  regulation: 30,
  contractor: 30,
  audit: 14,
  finding: 7,
  review_action: 7,
  pmark: 30,
  evidence: 30,
  register: 30,
  request: 7,
};

/** Kinds of the fiscal-year rule (below): not calendar events, the notifications' own (messages under notifications.summary). */
export const FISCAL_YEAR_KINDS = ["fiscalYear.internalAudit", "fiscalYear.managementReview"] as const;

// ---------------------------------------------------------------------------------------------
// Stages.

/** Kinds whose day passing is not "late": the renewal window opening is a start, not a deadline. */
const NO_LATE_STAGE = new Set(["pmark.windowOpens"]);

/** The day an event is due: an audit already running is due on its last day, everything else on its (only) day. */
export function dueDayOf(e: Pick<CalendarEvent, "kind" | "start" | "end">): string {
  return e.kind === "audit.actual" ? e.end : e.start;
}

/**
 * The stage an event has reached on `today`, or null when there is nothing to say yet (or any more).
 * Late is the incident list's rule (lib/incidents/reporting.ts isPastDue: due yesterday or before);
 * the due day itself is "due"; "soon" starts `lead` days before it — for incident report clocks, on
 * the incident's own warning day (the calendar's due_soon state).
 */
export function stageOf(e: CalendarEvent, lead: LeadDays, today: string): NotificationStage | null {
  if (e.state === "done") return null;
  const due = dueDayOf(e);
  if (e.state === "in_progress" && due > today) return null;
  if (isPastDue(due, today)) return NO_LATE_STAGE.has(e.kind) ? null : "late";
  if (due === today) return "due";
  if (e.type === "incident" && e.kind !== "incident.correctiveAction") return e.state === "due_soon" ? "soon" : null;
  const days = lead[e.type as keyof LeadDays] ?? 0;
  return today >= addDays(due, -days) ? "soon" : null;
}

// ---------------------------------------------------------------------------------------------
// The fiscal year: an internal audit and a management review at least once a year.

/**
 * Events for a fiscal year not yet holding its internal audit or its management review, due on the
 * fiscal year's last day (announced from `lead.audit` days before). None once held.
 */
export function fiscalYearEvents(fy: number, startMonth: number, held: { internalAudit: boolean; managementReview: boolean }, today: string): CalendarEvent[] {
  const { end } = fiscalYearRange(fy, startMonth);
  const base = { type: "audit" as const, start: end, end, values: { fy }, state: stateOf(end, today) };
  const out: CalendarEvent[] = [];
  if (!held.internalAudit) out.push({ ...base, uid: `fy-${fy}-internal-audit`, kind: "fiscalYear.internalAudit", href: "/audits" });
  if (!held.managementReview) out.push({ ...base, uid: `fy-${fy}-management-review`, kind: "fiscalYear.managementReview", href: "/audits/management-reviews" });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Contractor certifications (P-mark, ISMS …): their expiry, which the calendar does not show.

export type CertificationDueRow = { id: number; contractorId: number; contractorName: string; contractorStatus: string; number: string; expiresOn: string | null };

/**
 * The expiry of each live certification of a contractor still in use (not terminated, as the
 * register's "certification expired" flag judges it: lib/contractors/rules.ts), due on its last day
 * of validity and announced `lead.contractor` days before.
 */
export function certificationEvents(rows: readonly CertificationDueRow[], today: string): CalendarEvent[] {
  return rows
    .filter((r) => r.expiresOn && r.contractorStatus !== "terminated")
    .map((r) => ({
      uid: `contractor-cert-${r.id}`,
      type: "contractor" as const,
      kind: "contractorCertification.expiry",
      start: r.expiresOn!,
      end: r.expiresOn!,
      values: { name: r.contractorName, number: r.number },
      href: `/contractors/${r.contractorId}`,
      state: stateOf(r.expiresOn!, today),
    }));
}

/** The notifications' own kinds (not calendar events) → their summary under notifications.summary. */
export const OWN_KIND_SUMMARIES: Record<string, string> = {
  "fiscalYear.internalAudit": "internalAudit",
  "fiscalYear.managementReview": "managementReview",
  "contractorCertification.expiry": "certificationExpiry",
};

// ---------------------------------------------------------------------------------------------
// Recipients.

/** The roles told of each type of deadline (a type not listed: the privacy manager); owners (the record's own people) come on top. */
export const RECIPIENT_ROLES: Partial<Record<CalendarEventType, readonly Role[]>> = {
  training: ["hr"],
  regulation: ["privacy_manager"],
  incident: ["privacy_manager"],
  contractor: ["privacy_manager"],
  audit: ["privacy_manager"],
  finding: [],
  review_action: [],
  pmark: ["privacy_manager"],
};

/** Whoever owns the record decides; with no owner the privacy manager hears of it. */
const OWNED_TYPES = new Set<CalendarEventType>(["finding", "review_action"]);

export type Person = { id: number; role: Role };
export type Recipient = { userId: number; escalated: boolean };

/**
 * Who hears of an event at a stage: the roles of RECIPIENT_ROLES, the record's owners (the reporter of
 * an incident, the lead auditor, the owner of a finding or a review action), and — once late — every
 * privacy manager (escalated, when not already told as role or owner). Only active users whose role
 * may read the event's module (lib/calendar/access.ts).
 */
export function recipientsFor(e: Pick<CalendarEvent, "type">, stage: NotificationStage, people: readonly Person[], ownerIds: readonly number[]): Recipient[] {
  const readers = CALENDAR_TYPE_READERS[e.type];
  const byId = new Map(people.filter((p) => readers.includes(p.role)).map((p) => [p.id, p]));
  const out = new Map<number, Recipient>();
  const add = (id: number, escalated: boolean) => {
    if (byId.has(id) && !out.has(id)) out.set(id, { userId: id, escalated });
  };
  const owners = ownerIds.filter((id) => byId.has(id));
  for (const id of owners) add(id, false);
  const roles: readonly Role[] = OWNED_TYPES.has(e.type) && owners.length === 0 ? ["privacy_manager"] : (RECIPIENT_ROLES[e.type] ?? ["privacy_manager"]);
  for (const p of byId.values()) if (roles.includes(p.role)) add(p.id, false);
  if (stage === "late") for (const p of byId.values()) if (p.role === "privacy_manager") add(p.id, true);
  return [...out.values()].sort((a, b) => a.userId - b.userId);
}

// ---------------------------------------------------------------------------------------------
// Preferences.

export const NOTIFICATION_TYPES = CALENDAR_EVENT_TYPES;
export type NotificationModes = Record<CalendarEventType, NotificationMode>;

export const DEFAULT_MODES: NotificationModes = Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, "immediate"])) as NotificationModes;

export const modesSchema = z.object(Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, z.enum(NOTIFICATION_MODES, { error: "validation.invalid" })])) as Record<CalendarEventType, z.ZodEnum<{ [K in NotificationMode]: K }>>);

/** The APPI clocks: the privacy manager hears of them whatever their preferences say. */
export const MANDATORY_KINDS: readonly string[] = ["incident.ppcPreliminary", "incident.ppcFinal", "incident.personsNotice"];

/** The mode that applies to this user for this event: their choice, except that the APPI clocks are never off for the privacy manager. */
export function effectiveMode(modes: Partial<NotificationModes>, e: Pick<CalendarEvent, "type" | "kind">, role: Role): NotificationMode {
  const chosen = modes[e.type] ?? "immediate";
  if (chosen === "off" && role === "privacy_manager" && MANDATORY_KINDS.includes(e.kind)) return "immediate";
  return chosen;
}

/** Reads stored modes leniently: unknown types dropped, missing ones at the default. */
export function readModes(value: unknown): NotificationModes {
  const out = { ...DEFAULT_MODES };
  if (value && typeof value === "object") {
    for (const t of NOTIFICATION_TYPES) {
      const v = (value as Record<string, unknown>)[t];
      if (typeof v === "string" && (NOTIFICATION_MODES as readonly string[]).includes(v)) out[t] = v as NotificationMode;
    }
  }
  return out;
}

/** The idempotency key's rule part: the event's kind and the stage. */
export function ruleOf(kind: string, stage: NotificationStage): string {
  return `${kind}:${stage}`;
}

// ---------------------------------------------------------------------------------------------
// Delivery retries.

/** Attempts of one e-mail or webhook call before it is marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** Wait before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failedAttempts - 1), 6 * 3600_000);
}
