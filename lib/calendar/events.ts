import { addDays, isDateString } from "@/lib/dates";
import { computeReportingClocks, reportingObligations, type ObligationKey, type ReportingFacts, type ReportsMade } from "@/lib/incidents/reporting";

/**
 * The calendar (issue 6): one model of "something is due on a day" collected from the modules'
 * own rules. Pure: the queries load plain rows, these functions turn them into events, and the
 * page, the JSON API and the iCalendar feed all show the same events.
 *
 * Every event is an all-day event (dates are Tokyo calendar dates "YYYY-MM-DD"); `end` is the LAST
 * day, inclusive (an audit running 12-01..12-03 has start 12-01, end 12-03). `uid` is stable for
 * the same record and obligation, so a calendar client subscribed to the feed updates an event
 * whose date moved rather than adding a second one. The summary is built from `kind` (a message
 * key under calendar.summary) and `values`, in the reader's language.
 */

export const CALENDAR_EVENT_TYPES = ["audit", "finding", "review_action", "pmark", "training", "regulation", "incident", "contractor", "evidence", "register", "request"] as const;
export type CalendarEventType = (typeof CALENDAR_EVENT_TYPES)[number];

/**
 * overdue: past its date and not done; due_soon: within DUE_SOON_DAYS; planned: otherwise;
 * in_progress: an audit running within its own dates (auditEvents).
 */
export const CALENDAR_EVENT_STATES = ["overdue", "due_soon", "planned", "in_progress", "done"] as const;
export type CalendarEventState = (typeof CALENDAR_EVENT_STATES)[number];

export const DUE_SOON_DAYS = 30;

export type CalendarEvent = {
  uid: string;
  type: CalendarEventType;
  /** Message key under calendar.summary (e.g. "incident.ppcPreliminary"). */
  kind: string;
  start: string;
  /** Last day, inclusive. */
  end: string;
  /** Values of the summary message: the record's own words (code, title), never translated. */
  values: Record<string, string | number>;
  /** Path of the record in the app, e.g. "/incidents/3". */
  href: string;
  state: CalendarEventState;
};

export function stateOf(due: string, today: string, done = false): CalendarEventState {
  if (done) return "done";
  if (due < today) return "overdue";
  return due <= addDays(today, DUE_SOON_DAYS) ? "due_soon" : "planned";
}

/** The event touches [from, to] (inclusive). */
export function overlaps(e: Pick<CalendarEvent, "start" | "end">, from: string, to: string): boolean {
  return e.start <= to && e.end >= from;
}

export function sortEvents<T extends Pick<CalendarEvent, "start" | "type" | "uid">>(events: T[]): T[] {
  const rank = (t: CalendarEventType) => CALENDAR_EVENT_TYPES.indexOf(t);
  return [...events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : rank(a.type) - rank(b.type) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)));
}

/** Keeps the events of the given types touching [from, to], in date order. */
export function selectEvents(events: CalendarEvent[], from: string, to: string, types?: readonly CalendarEventType[]): CalendarEvent[] {
  const wanted = types?.length ? new Set(types) : null;
  return sortEvents(events.filter((e) => (!wanted || wanted.has(e.type)) && overlaps(e, from, to)));
}

// ---------------------------------------------------------------------------------------------
// Training: one event per course and due day, not one per employee.

export type TrainingDueRow = {
  courseId: number;
  courseCode: string;
  courseTitle: string;
  dueOn: string | null;
  status: "compliant" | "due_soon" | "overdue" | "exempt";
  /** How many pairs this row stands for (the database may count them per course and day); 1 if absent. */
  count?: number;
};

/**
 * Training deadlines aggregated per course per day ("PI-BASIC: 5名が期限"). Exempt rows and rows
 * without a deadline (a once-only course already passed) are not deadlines.
 */
export function trainingEvents(rows: readonly TrainingDueRow[], today: string): CalendarEvent[] {
  const groups = new Map<string, { row: TrainingDueRow; count: number }>();
  for (const r of rows) {
    if (r.status === "exempt" || !r.dueOn) continue;
    const key = `${r.courseId}|${r.dueOn}`;
    const g = groups.get(key);
    if (g) g.count += r.count ?? 1;
    else groups.set(key, { row: r, count: r.count ?? 1 });
  }
  return [...groups.values()].map(({ row, count }) => ({
    uid: `training-${row.courseId}-${row.dueOn}`,
    type: "training",
    kind: "training.due",
    start: row.dueOn!,
    end: row.dueOn!,
    values: { code: row.courseCode, title: row.courseTitle, count },
    href: `/training/status?course=${row.courseId}`,
    state: stateOf(row.dueOn!, today),
  }));
}

// ---------------------------------------------------------------------------------------------
// Regulations: the next periodic review.

export type RegulationDueRow = { id: number; code: string; title: string; nextReviewDue: string | null };

export function regulationEvents(rows: readonly RegulationDueRow[], today: string): CalendarEvent[] {
  return rows
    .filter((r) => r.nextReviewDue)
    .map((r) => ({
      uid: `regulation-${r.id}-review`,
      type: "regulation",
      kind: "regulation.review",
      start: r.nextReviewDue!,
      end: r.nextReviewDue!,
      values: { code: r.code, title: r.title },
      href: `/regulations/${r.id}`,
      state: stateOf(r.nextReviewDue!, today),
    }));
}

// ---------------------------------------------------------------------------------------------
// The personal information register: each item's next review (docs/domain.md §6).

export type RegisterReviewDueRow = { id: number; code: string; name: string; nextReviewDueOn: string };

export function registerReviewEvents(rows: readonly RegisterReviewDueRow[], today: string): CalendarEvent[] {
  return rows.map((r) => ({
    uid: `register-${r.id}-review`,
    type: "register",
    kind: "register.review",
    start: r.nextReviewDueOn,
    end: r.nextReviewDueOn,
    values: { code: r.code, name: r.name },
    href: `/register/${r.id}`,
    state: stateOf(r.nextReviewDueOn, today),
  }));
}

// ---------------------------------------------------------------------------------------------
// Requests from individuals: the answer due of each open request; provision records: the day each
// may be disposed of (docs/domain.md §7). The due date comes from lib/requests/clock.ts.

export type RequestDueRow = { id: number; reference: string; dueOn: string };
export type ProvisionDisposalRow = { id: number; counterpartyName: string; disposableFrom: string };

export function requestEvents(requests: readonly RequestDueRow[], disposals: readonly ProvisionDisposalRow[], today: string): CalendarEvent[] {
  return [
    ...requests.map(
      (r): CalendarEvent => ({ uid: `request-${r.id}-answer`, type: "request", kind: "request.due", start: r.dueOn, end: r.dueOn, values: { reference: r.reference }, href: `/requests/${r.id}`, state: stateOf(r.dueOn, today) }),
    ),
    ...disposals.map(
      (p): CalendarEvent => ({
        uid: `provision-${p.id}-disposal`,
        type: "request",
        kind: "request.provisionDisposal",
        start: p.disposableFrom,
        end: p.disposableFrom,
        values: { name: p.counterpartyName },
        href: `/provisions/${p.id}`,
        // A date from which something may be done, not a deadline: never "overdue".
        state: p.disposableFrom <= today ? "due_soon" : stateOf(p.disposableFrom, today),
      }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Incidents: the reports and the notice not yet made, of open incidents.

export type IncidentDueRow = ReportingFacts &
  ReportsMade & {
    id: number;
    reference: string;
    title: string;
    /** Closed incidents have nothing left to report. */
    open: boolean;
  };

export const INCIDENT_EVENT_KINDS: readonly ObligationKey[] = ["ppcPreliminary", "ppcFinal", "personsNotice", "pmarkPreliminary", "pmarkFinal"];

/** The deadlines come from lib/incidents/reporting.ts (one rule): an obligation already met is no longer a deadline. */
export function incidentEvents(rows: readonly IncidentDueRow[], today: string): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const r of rows) {
    if (!r.open) continue;
    const obligations = reportingObligations(computeReportingClocks(r), r, today);
    for (const o of obligations) {
      if (o.doneOn !== null) continue;
      out.push({
        uid: `incident-${r.id}-${o.key}`,
        type: "incident",
        kind: `incident.${o.key}`,
        start: o.dueOn,
        end: o.dueOn,
        values: { reference: r.reference, title: r.title },
        href: `/incidents/${r.id}`,
        state: o.state === "late" ? "overdue" : o.state === "due_soon" ? "due_soon" : "planned",
      });
    }
  }
  return out;
}

export type IncidentActionDueRow = { id: number; incidentId: number; reference: string; description: string; dueOn: string; doneOn: string | null; incidentOpen: boolean };

/**
 * The corrective actions 是正処置 of open incidents not done yet, on their due day (shown as incident
 * events: the link goes to the incident, where the action is recorded as done).
 */
export function incidentActionEvents(rows: readonly IncidentActionDueRow[], today: string): CalendarEvent[] {
  return rows
    .filter((a) => a.incidentOpen && a.doneOn === null)
    .map((a) => ({
      uid: `incident-action-${a.id}`,
      type: "incident" as const,
      kind: "incident.correctiveAction",
      start: a.dueOn,
      end: a.dueOn,
      values: { reference: a.reference, title: shorten(a.description) },
      href: `/incidents/${a.incidentId}`,
      state: stateOf(a.dueOn, today),
    }));
}

// ---------------------------------------------------------------------------------------------
// Contractors: the next periodic assessment of contractors in use.

export type ContractorDueRow = { id: number; name: string; status: string; nextDueOn: string | null };

/** Only contractors in use (approved or conditional) are due for re-assessment, as the register's "due month" filter has it. */
export function contractorEvents(rows: readonly ContractorDueRow[], today: string): CalendarEvent[] {
  return rows
    .filter((r) => r.nextDueOn && (r.status === "approved" || r.status === "conditional"))
    .map((r) => ({
      uid: `contractor-${r.id}-assessment`,
      type: "contractor",
      kind: "contractor.assessment",
      start: r.nextDueOn!,
      end: r.nextDueOn!,
      values: { name: r.name },
      href: `/contractors/${r.id}`,
      state: stateOf(r.nextDueOn!, today),
    }));
}

// ---------------------------------------------------------------------------------------------
// Audits, findings, management review actions, the P-mark certificate.

export type AuditRow = {
  id: number;
  title: string;
  type: string;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
};

/**
 * One event per audit: the actual dates once it has started (an audit still running ends on its
 * planned end, or on its start when that is later), the planned dates before. Its state follows its
 * own status and dates: reported or closed → done; in progress → in_progress up to and including its
 * last day, overdue once that day has passed unreported; planned → due on its planned start (due soon
 * from DUE_SOON_DAYS before), overdue once that day has passed without the audit starting.
 */
export function auditEvents(rows: readonly AuditRow[], today: string): CalendarEvent[] {
  return rows.map((a) => {
    const actual = a.actualStart !== null;
    const start = a.actualStart ?? a.plannedStart;
    let end = actual ? (a.actualEnd ?? a.plannedEnd) : a.plannedEnd;
    if (end < start) end = start;
    const done = a.status === "reported" || a.status === "closed";
    return {
      uid: `audit-${a.id}`,
      type: "audit" as const,
      kind: actual ? "audit.actual" : "audit.planned",
      start,
      end,
      values: { title: a.title },
      href: `/audits/${a.id}`,
      state: done ? "done" : a.status === "in_progress" ? (end < today ? "overdue" : "in_progress") : stateOf(start, today),
    };
  });
}

export type FindingDueRow = { id: number; auditId: number; clauseRef: string | null; description: string; dueDate: string | null; status: string };

/** Corrective actions not yet done (open or planned) on their due day. */
export function findingEvents(rows: readonly FindingDueRow[], today: string): CalendarEvent[] {
  return rows
    .filter((f) => f.dueDate && (f.status === "open" || f.status === "action_planned"))
    .map((f) => ({
      uid: `finding-${f.id}-action`,
      type: "finding",
      kind: "finding.action",
      start: f.dueDate!,
      end: f.dueDate!,
      values: { clause: f.clauseRef ?? "—", title: shorten(f.description) },
      href: `/audits/${f.auditId}#finding-${f.id}`,
      state: stateOf(f.dueDate!, today),
    }));
}

export type ReviewActionDueRow = { id: number; reviewId: number; description: string; dueDate: string | null; status: string };

export function reviewActionEvents(rows: readonly ReviewActionDueRow[], today: string): CalendarEvent[] {
  return rows
    .filter((a) => a.dueDate && a.status === "open")
    .map((a) => ({
      uid: `review-action-${a.id}`,
      type: "review_action",
      kind: "review_action.due",
      start: a.dueDate!,
      end: a.dueDate!,
      values: { title: shorten(a.description) },
      href: `/audits/management-reviews/${a.reviewId}`,
      state: stateOf(a.dueDate!, today),
    }));
}

export type PmarkCertificateDates = {
  id: number;
  certificateNumber: string;
  validTo: string;
  /** The renewal application window (from lib/audits): first and last day. */
  windowOpens: string;
  windowCloses: string;
};

/** The renewal window opening, its last day, and the expiry of the current certificate. */
export function pmarkEvents(cert: PmarkCertificateDates | null, today: string): CalendarEvent[] {
  if (!cert) return [];
  const base = { type: "pmark" as const, values: { number: cert.certificateNumber }, href: "/audits/pmark" };
  return [
    { ...base, uid: `pmark-${cert.id}-window-opens`, kind: "pmark.windowOpens", start: cert.windowOpens, end: cert.windowOpens, state: stateOf(cert.windowOpens, today) },
    { ...base, uid: `pmark-${cert.id}-window-closes`, kind: "pmark.windowCloses", start: cert.windowCloses, end: cert.windowCloses, state: stateOf(cert.windowCloses, today) },
    { ...base, uid: `pmark-${cert.id}-expiry`, kind: "pmark.expiry", start: cert.validTo, end: cert.validTo, state: stateOf(cert.validTo, today) },
  ];
}

function shorten(s: string, max = 40): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Every event's dates are calendar dates (a guard for data that came from elsewhere). */
export function validEvents(events: CalendarEvent[]): CalendarEvent[] {
  return events.filter((e) => isDateString(e.start) && isDateString(e.end) && e.end >= e.start);
}

// ---------------------------------------------------------------------------------------------
// Evidence: the expiry of the current version of an evidence file (a contract, a certificate).

export type EvidenceExpiryRow = { evidenceId: number; title: string; fileName: string; expiresOn: string; href: string };

export function evidenceEvents(rows: readonly EvidenceExpiryRow[], today: string): CalendarEvent[] {
  return rows.map((r) => ({
    uid: `evidence-${r.evidenceId}-expiry`,
    type: "evidence",
    kind: "evidence.expiry",
    start: r.expiresOn,
    end: r.expiresOn,
    values: { title: r.title, file: r.fileName },
    href: r.href,
    state: stateOf(r.expiresOn, today),
  }));
}
