import { addDays, addMonths, daysBetween } from "@/lib/dates";
import { fiscalYearRange } from "@/lib/fiscal-year";

/**
 * Pure rules of the audit module (docs/domain.md §5): the P-mark renewal window, audit independence, the
 * closing rule, status transitions and the yearly indicators. No database, no clock: `today` is passed in.
 */

export const AUDIT_TYPES = [
  "conformance", // 適合状況監査 (JIS Q 15001)
  "operation", // 運用状況監査
  "contractor_onsite", // 委託先実地監査
  "pmark_assessment", // Pマーク現地審査 (external)
] as const;
export type AuditTypeValue = (typeof AUDIT_TYPES)[number];
export const AUDIT_STATUSES = ["planned", "in_progress", "reported", "closed"] as const;
export type AuditStatusValue = (typeof AUDIT_STATUSES)[number];
export const FINDING_GRADES = ["major_nc", "minor_nc", "observation", "good_practice"] as const;
export type FindingGradeValue = (typeof FINDING_GRADES)[number];
export const FINDING_STATUSES = ["open", "action_planned", "done", "verified"] as const;
export type FindingStatusValue = (typeof FINDING_STATUSES)[number];
/** A finding not yet verified: the dashboard's "not verified" figures and the findings list's status=unverified. */
export const UNVERIFIED_FINDING_STATUSES: readonly FindingStatusValue[] = ["open", "action_planned", "done"];
/** What the findings list filters its status by: one status, or every status short of verified. */
export const FINDING_STATUS_FILTERS = [...FINDING_STATUSES, "unverified"] as const;
export const ACTION_STATUSES = ["open", "done"] as const;

/** Internal audits (the yearly JIS Q 15001 requirement); the contractor audit and the external assessment are not. */
export const INTERNAL_AUDIT_TYPES: readonly AuditTypeValue[] = ["conformance", "operation"];

export class AuditRuleError extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly field?: string,
    public readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

// ---------------------------------------------------------------------------------------------
// P-mark renewal window (docs/domain.md §5), as JIPDEC publishes it: the application is accepted from the
// day after the date 8 months before the end of validity through the date 4 months before it, and a
// last day on which the assessment body is closed (Saturday, Sunday, national holiday) moves to the
// next business day. The dates themselves: lib/audits/renewal-window.ts (it reads the holidays, which
// stay out of the client bundles that import this file for its constants).

export const RENEWAL_OPENS_MONTHS_BEFORE = 8;
export const RENEWAL_CLOSES_MONTHS_BEFORE = 4;
export const CERTIFICATE_VALIDITY_YEARS = 2;

export const RENEWAL_STATES = ["before_window", "window_open", "window_closed_not_expired", "expired"] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

export type RenewalWindow = {
  expiresOn: string;
  opensOn: string;
  closesOn: string;
  state: RenewalState;
  /** Days until the window opens (negative once open). */
  daysUntilOpens: number;
  /** Days until the window closes (negative once closed); the last day to apply is closesOn. */
  daysUntilCloses: number;
  /** Days until expiry (negative once expired); the certificate is valid through expiresOn. */
  daysUntilExpiry: number;
  /** The figure to show with the state: days to the opening, to the closing, to expiry, or since expiry. */
  daysLeft: number;
  /** How far today is through the window, 0..1 (0 before it opens, 1 once it has closed). */
  progress: number;
};

/** The warning banner shows through the window and after it has closed. */
export function renewalNeedsWarning(state: RenewalState): boolean {
  return state !== "before_window";
}

/**
 * The default "valid to" of a certificate valid from `validFrom`: two years counted as the Civil Code
 * counts them (民法 143条): the period ends on the day before the day of the last year that corresponds
 * to the first day, and where the last month has no corresponding day, on that month's last day.
 * 2025-09-01 → 2027-08-31; 2024-02-29 → 2026-02-28 (no 29 February in 2026); 2024-03-01 → 2026-02-28.
 */
export function defaultValidTo(validFrom: string): string {
  const corresponding = addMonths(validFrom, CERTIFICATE_VALIDITY_YEARS * 12);
  // addMonths clamps a missing day to the month's end: then there is no corresponding day and the
  // period ends on that last day itself, not the day before it.
  if (corresponding.slice(8) !== validFrom.slice(8)) return corresponding;
  return addDays(corresponding, -1);
}

// ---------------------------------------------------------------------------------------------
// Independence: an auditor may not audit their own department.

export type TeamCandidate = { userId: number; name?: string; departmentId: number | null };

/** The candidates whose department is in the audit's scope (empty = all independent). */
export function independenceConflicts(scopeDepartmentIds: readonly number[], candidates: readonly TeamCandidate[]): TeamCandidate[] {
  const scope = new Set(scopeDepartmentIds);
  return candidates.filter((c) => c.departmentId !== null && scope.has(c.departmentId));
}

/** Throws a clear refusal when the lead or a team member belongs to an audited department. */
export function assertIndependent(
  scopeDepartmentIds: readonly number[],
  lead: TeamCandidate | null,
  team: readonly TeamCandidate[],
): void {
  if (lead && independenceConflicts(scopeDepartmentIds, [lead]).length > 0)
    throw new AuditRuleError("audits.errors.leadNotIndependent", "leadAuditorId", { name: lead.name ?? String(lead.userId) });
  const bad = independenceConflicts(scopeDepartmentIds, team);
  if (bad.length > 0)
    throw new AuditRuleError("audits.errors.memberNotIndependent", "team", { names: bad.map((b) => b.name ?? String(b.userId)).join("、") });
}

// ---------------------------------------------------------------------------------------------
// Findings and the closing rule.

export const NONCONFORMITY_GRADES: readonly FindingGradeValue[] = ["major_nc", "minor_nc"];

export type FindingFacts = { id?: number; grade: FindingGradeValue; status: FindingStatusValue; dueDate: string | null; retired?: boolean };

export function isNonconformity(grade: FindingGradeValue): boolean {
  return NONCONFORMITY_GRADES.includes(grade);
}

/** The findings that keep an audit from closing: nonconformities (major or minor) not yet verified. */
export function blockingFindings<T extends FindingFacts>(findings: readonly T[]): T[] {
  return findings.filter((f) => !f.retired && isNonconformity(f.grade) && UNVERIFIED_FINDING_STATUSES.includes(f.status));
}

/** A corrective action is overdue when it is due before today and the correction is not done yet. */
export function isFindingOverdue(f: Pick<FindingFacts, "status" | "dueDate">, today: string): boolean {
  return f.dueDate !== null && f.dueDate < today && (f.status === "open" || f.status === "action_planned");
}

/** Finding status moves: open → action_planned → done → verified (verification can send it back to action_planned). */
const FINDING_NEXT: Record<FindingStatusValue, readonly FindingStatusValue[]> = {
  open: ["action_planned", "done"],
  action_planned: ["open", "done"],
  done: ["action_planned"],
  verified: [],
};

export function canMoveFinding(from: FindingStatusValue, to: FindingStatusValue): boolean {
  return from === to || FINDING_NEXT[from].includes(to);
}

/** Verification needs the correction done, and is done by someone other than the finding's owner. */
export function assertCanVerify(f: { status: FindingStatusValue; ownerUserId: number | null }, verifierId: number): void {
  if (f.status === "verified") throw new AuditRuleError("findings.errors.alreadyVerified");
  if (f.status !== "done") throw new AuditRuleError("findings.errors.notDone", "status");
  if (f.ownerUserId !== null && f.ownerUserId === verifierId) throw new AuditRuleError("findings.errors.ownerCannotVerify");
}

/**
 * Rejecting a verification 有効性確認の差戻し: the correction was reported done but the verifier finds
 * it not effective, so the finding goes back to action_planned with the reason. Same people as
 * verifying: only a done correction, and never by the finding's owner (they cannot judge their own fix).
 */
export function assertCanRejectVerification(f: { status: FindingStatusValue; ownerUserId: number | null }, actorId: number): FindingStatusValue {
  if (f.status === "verified") throw new AuditRuleError("findings.errors.alreadyVerified");
  if (f.status !== "done") throw new AuditRuleError("findings.errors.rejectNotDone", "status");
  if (f.ownerUserId !== null && f.ownerUserId === actorId) throw new AuditRuleError("findings.errors.ownerCannotReject");
  return "action_planned";
}

/**
 * Retiring a finding (recorded by mistake, a duplicate) and bringing it back. A retired finding is
 * out of every count and of the closing rule, and is kept with who retired it and why. A closed
 * audit is final: its findings can be neither retired nor restored (restoring an unverified
 * nonconformity would break the closing rule after the fact).
 */
export function assertCanRetireFinding(f: { retired: boolean }, auditStatus: AuditStatusValue): void {
  if (f.retired) throw new AuditRuleError("findings.errors.alreadyRetired");
  if (auditStatus === "closed") throw new AuditRuleError("audits.errors.closed");
}

export function assertCanRestoreFinding(f: { retired: boolean }, auditStatus: AuditStatusValue): void {
  if (!f.retired) throw new AuditRuleError("findings.errors.notRetired");
  if (auditStatus === "closed") throw new AuditRuleError("audits.errors.closed");
}

// ---------------------------------------------------------------------------------------------
// Overdue corrective actions by how late they are (the "overdue" chart on /audits).

export const LATENESS_BUCKETS = ["d1_30", "d31_60", "d61_90", "d91_plus"] as const;
export type LatenessBucket = (typeof LATENESS_BUCKETS)[number];
const BUCKET_DAYS: Record<LatenessBucket, [number, number | null]> = { d1_30: [1, 30], d31_60: [31, 60], d61_90: [61, 90], d91_plus: [91, null] };

/** How late a corrective action due on `dueDate` is on `today` (null when not late: due today or later). */
export function latenessBucket(dueDate: string, today: string): LatenessBucket | null {
  const late = daysBetween(dueDate, today);
  if (late < 1) return null;
  return LATENESS_BUCKETS.find((b) => {
    const [min, max] = BUCKET_DAYS[b];
    return late >= min && (max === null || late <= max);
  })!;
}

/** The due dates (inclusive; `from` null = no lower bound) of the actions in a bucket on `today`: the findings list filters with it. */
export function latenessDueRange(bucket: LatenessBucket, today: string): { from: string | null; to: string } {
  const [min, max] = BUCKET_DAYS[bucket];
  return { from: max === null ? null : addDays(today, -max), to: addDays(today, -min) };
}

export type OverdueByLateness = { bucket: LatenessBucket; findings: number; reviewActions: number }[];

/** Counts overdue findings' and management-review actions' due dates per bucket (every bucket present, in order). */
export function overdueByLateness(findingDues: readonly string[], reviewActionDues: readonly string[], today: string): OverdueByLateness {
  const rows = LATENESS_BUCKETS.map((bucket) => ({ bucket, findings: 0, reviewActions: 0 }));
  const add = (due: string, key: "findings" | "reviewActions") => {
    const b = latenessBucket(due, today);
    if (b) rows[LATENESS_BUCKETS.indexOf(b)][key]++;
  };
  for (const d of findingDues) add(d, "findings");
  for (const d of reviewActionDues) add(d, "reviewActions");
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Audit status transitions.

const AUDIT_NEXT: Record<AuditStatusValue, readonly AuditStatusValue[]> = {
  planned: ["in_progress"],
  in_progress: ["planned", "reported"],
  reported: ["in_progress", "closed"],
  closed: [],
};

export function allowedAuditTransitions(from: AuditStatusValue): readonly AuditStatusValue[] {
  return AUDIT_NEXT[from];
}

export type AuditFacts = {
  status: AuditStatusValue;
  summary: string | null;
  actualStart: string | null;
  actualEnd: string | null;
};

export type TransitionResult = {
  status: AuditStatusValue;
  actualStart: string | null;
  actualEnd: string | null;
  reportedOn: string | null;
  closedOn: string | null;
};

/**
 * Moves an audit to `to` on `on` (a date), or throws AuditRuleError:
 * - starting records the actual start (default `on`);
 * - reporting needs a summary (the audit report) and records the actual end;
 * - closing needs every nonconformity verified (the closing rule).
 */
export function transitionAudit(
  audit: AuditFacts & { reportedOn?: string | null; closedOn?: string | null },
  to: AuditStatusValue,
  on: string,
  findings: readonly FindingFacts[],
): TransitionResult {
  if (!AUDIT_NEXT[audit.status].includes(to)) throw new AuditRuleError("audits.errors.badTransition", "status", { from: audit.status, to });
  const r: TransitionResult = {
    status: to,
    actualStart: audit.actualStart,
    actualEnd: audit.actualEnd,
    reportedOn: audit.reportedOn ?? null,
    closedOn: audit.closedOn ?? null,
  };
  if (to === "in_progress") {
    r.actualStart = audit.actualStart ?? on;
    if (audit.status === "reported") r.reportedOn = null;
  }
  if (to === "planned") {
    r.actualStart = null;
    r.actualEnd = null;
  }
  if (to === "reported") {
    if (!audit.summary) throw new AuditRuleError("audits.errors.summaryRequired", "summary");
    r.actualStart = audit.actualStart ?? on;
    r.actualEnd = audit.actualEnd ?? on;
    if (r.actualEnd < r.actualStart) r.actualEnd = r.actualStart;
    r.reportedOn = on;
  }
  if (to === "closed") {
    const blocking = blockingFindings(findings);
    if (blocking.length > 0) throw new AuditRuleError("audits.errors.openNonconformities", "status", { count: blocking.length });
    r.closedOn = on;
  }
  return r;
}

export function isAuditDone(status: AuditStatusValue): boolean {
  return status === "reported" || status === "closed";
}

// ---------------------------------------------------------------------------------------------
// Fiscal-year indicators.

/** The quarter (1..4) of the fiscal year a date falls in; null outside the fiscal year. */
export function fiscalQuarterOf(date: string, fy: number, startMonth: number): 1 | 2 | 3 | 4 | null {
  const { start, end } = fiscalYearRange(fy, startMonth);
  if (date < start || date > end) return null;
  for (let q = 1; q <= 4; q++) {
    if (date < addMonths(start, q * 3)) return q as 1 | 2 | 3 | 4;
  }
  return 4;
}

export type FiscalYearIndicators = {
  internalAuditsPlanned: number;
  internalAuditsDone: number;
  managementReviewsHeld: number;
  /** At least one internal audit reported or closed in the year. */
  internalAuditMet: boolean;
  /** At least one management review held in the year (on or before today). */
  managementReviewMet: boolean;
};

/** A management review counts as held once its day has come (a later one is only scheduled). */
export function isReviewHeld(r: { heldOn: string; retired?: boolean }, today: string): boolean {
  return !r.retired && r.heldOn <= today;
}

export function fiscalYearIndicators(
  audits: readonly { type: AuditTypeValue; status: AuditStatusValue; retired?: boolean }[],
  reviews: readonly { heldOn: string; retired?: boolean }[],
  today: string,
): FiscalYearIndicators {
  const internal = audits.filter((a) => !a.retired && INTERNAL_AUDIT_TYPES.includes(a.type));
  const done = internal.filter((a) => isAuditDone(a.status)).length;
  const held = reviews.filter((r) => isReviewHeld(r, today)).length;
  return { internalAuditsPlanned: internal.length, internalAuditsDone: done, managementReviewsHeld: held, internalAuditMet: done > 0, managementReviewMet: held > 0 };
}
