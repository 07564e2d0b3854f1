import { addDays, addMonths, compareDates, daysBetween } from "@/lib/dates";

/**
 * The rules of the regulation register (docs/domain.md §2), pure: when each regulation is next due for
 * review, whether it is on time, due soon or overdue, how versions are numbered (第N版) and what an
 * approved review does to the register.
 */

export const REGULATION_STATUSES = ["draft", "in_force", "retired"] as const;
export type RegulationStatus = (typeof REGULATION_STATUSES)[number];
export const REVIEW_TRIGGERS = ["periodic", "law_amendment", "incident", "audit_finding"] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];
export const REVIEW_OUTCOMES = ["no_change", "revised", "retired"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_STATES = ["draft", "approved"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const DUE_STATES = ["overdue", "due_soon", "on_time", "none"] as const;
export type DueState = (typeof DUE_STATES)[number];

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;
export const MAX_REVIEW_INTERVAL_MONTHS = 120;
/** A review due within this many days (today included) is "due soon". */
export const DUE_SOON_DAYS = 30;

type DueFacts = { status: RegulationStatus; effectiveDate: string; lastReviewedOn: string | null; reviewIntervalMonths: number | null };

/**
 * Next review due = last approved review date (or the effective date when never reviewed) + the
 * interval in months (default 12), clamped to the month's end: 2026-01-31 + 1 month → 2026-02-28.
 * Only a regulation in force is due; a draft or a retired one has no due date (null).
 */
export function nextReviewDue(r: DueFacts): string | null {
  if (r.status !== "in_force") return null;
  const base = r.lastReviewedOn ?? r.effectiveDate;
  return addMonths(base, r.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS);
}

/**
 * overdue: the due date has passed (due yesterday or earlier); due_soon: due today or within the
 * next 30 days; on_time: later; none: no due date (draft, retired).
 */
export function dueState(due: string | null, today: string): DueState {
  if (!due) return "none";
  if (compareDates(due, today) < 0) return "overdue";
  return daysBetween(today, due) <= DUE_SOON_DAYS ? "due_soon" : "on_time";
}

/** The last due date that still counts as due soon on `today` (for SQL filters): today + 30. */
export function dueSoonLimit(today: string): string {
  return addDays(today, DUE_SOON_DAYS);
}

/** Days until due (negative: days overdue). */
export function daysUntilDue(due: string, today: string): number {
  return daysBetween(today, due);
}

/**
 * Versions are whole numbers shown 第N版 (ja) / "Version N" (en). The first version in force is 1;
 * a revision makes the highest version so far + 1 (a draft never in force starts at 1).
 */
export function nextVersionNumber(existing: readonly number[]): number {
  return existing.length ? Math.max(...existing) + 1 : 1;
}

export type ReviewForApproval = {
  state: ReviewState;
  outcome: ReviewOutcome;
  reviewedOn: string;
  proposedVersion: number | null;
  proposedEffectiveDate: string | null;
};
export type RegisterFacts = DueFacts & { currentVersion: number | null };

export type ApprovalEffect = {
  status: RegulationStatus;
  currentVersion: number | null;
  effectiveDate: string;
  lastReviewedOn: string;
  nextReviewDue: string | null;
  /** A new version row of the history, for a revision. */
  newVersion: { versionNumber: number; effectiveDate: string } | null;
};

export class ReviewRuleError extends Error {
  constructor(public readonly messageKey: string) {
    super(messageKey);
  }
}

/**
 * What approving a review does to the register (approval is a separate step; until then nothing
 * changes and the current version stays in force):
 * - no_change: last reviewed = the review date, so the due date moves on by one interval;
 * - revised: the proposed version becomes current, in force from its effective date (default the
 *   approval date), a history row is added and the due date restarts from the review date;
 *   a draft regulation comes into force this way;
 * - retired: the regulation is retired and no longer due.
 */
export function applyApproval(reg: RegisterFacts, review: ReviewForApproval, approvedOn: string): ApprovalEffect {
  if (review.state !== "draft") throw new ReviewRuleError("regulations.errors.alreadyApproved");
  if (reg.status === "retired") throw new ReviewRuleError("regulations.errors.regulationRetired");
  const interval = reg.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
  switch (review.outcome) {
    case "no_change": {
      if (reg.status === "draft") throw new ReviewRuleError("regulations.errors.draftNeedsRevision");
      const next = { ...reg, lastReviewedOn: review.reviewedOn, reviewIntervalMonths: interval };
      return {
        status: "in_force",
        currentVersion: reg.currentVersion,
        effectiveDate: reg.effectiveDate,
        lastReviewedOn: review.reviewedOn,
        nextReviewDue: nextReviewDue(next),
        newVersion: null,
      };
    }
    case "revised": {
      const versionNumber = review.proposedVersion ?? (reg.currentVersion ?? 0) + 1;
      if (reg.currentVersion !== null && versionNumber <= reg.currentVersion) throw new ReviewRuleError("regulations.errors.versionNotNewer");
      const effectiveDate = review.proposedEffectiveDate ?? approvedOn;
      const next: DueFacts = { status: "in_force", effectiveDate, lastReviewedOn: review.reviewedOn, reviewIntervalMonths: interval };
      return {
        status: "in_force",
        currentVersion: versionNumber,
        effectiveDate,
        lastReviewedOn: review.reviewedOn,
        nextReviewDue: nextReviewDue(next),
        newVersion: { versionNumber, effectiveDate },
      };
    }
    case "retired":
      return {
        status: "retired",
        currentVersion: reg.currentVersion,
        effectiveDate: reg.effectiveDate,
        lastReviewedOn: review.reviewedOn,
        nextReviewDue: null,
        newVersion: null,
      };
  }
}

/** Who holds a post on `today`: appointments whose term covers today (from ≤ today ≤ to, to open-ended). */
export function isAppointmentActive(a: { fromDate: string; toDate: string | null; retiredAt?: unknown }, today: string): boolean {
  if (a.retiredAt) return false;
  return compareDates(a.fromDate, today) <= 0 && (a.toDate === null || compareDates(today, a.toDate) <= 0);
}

/**
 * A PMS post left empty on `today`: nobody's appointment covers the day (the structure page's gap,
 * its vacant=true filter and the dashboard's "posts left empty").
 */
export function isPostVacant(appointments: readonly { fromDate: string; toDate: string | null; retiredAt?: unknown }[], today: string): boolean {
  return !appointments.some((a) => isAppointmentActive(a, today));
}

/** Per month of a fiscal year ("YYYY-MM" keys), how many reviews fall due, split by due state. */
export function dueTimeline(
  months: readonly string[],
  dues: readonly { nextReviewDue: string | null }[],
  today: string,
): { month: string; overdue: number; dueSoon: number; onTime: number; total: number }[] {
  const byMonth = new Map(months.map((m) => [m, { month: m, overdue: 0, dueSoon: 0, onTime: 0, total: 0 }]));
  for (const d of dues) {
    if (!d.nextReviewDue) continue;
    const bucket = byMonth.get(d.nextReviewDue.slice(0, 7));
    if (!bucket) continue;
    const s = dueState(d.nextReviewDue, today);
    if (s === "overdue") bucket.overdue++;
    else if (s === "due_soon") bucket.dueSoon++;
    else bucket.onTime++;
    bucket.total++;
  }
  return [...byMonth.values()];
}
