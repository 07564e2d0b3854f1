import { addDays, addMonths, compareDates, daysBetween, maxDate } from "@/lib/dates";
import { fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";

/**
 * Training status of one (active employee × required course), docs/domain.md §1. All dates are Tokyo
 * calendar dates "YYYY-MM-DD"; `asOf` is the day the status is taken on.
 *
 * 1. exempt    — the employee has an exemption reason (on leave). Wins over any record.
 * 2. A passing completion counts only when it is on or before `asOf` (failing records never count:
 *    see isPassing; the caller passes the latest passing record's date, see lastPassedOnAsOf).
 *    - course without recurrence (once only): never expires → compliant; validUntil and dueOn null.
 *    - otherwise validUntil = dueOn = lastPassedOn + recurrenceMonths (month end clamped). The record
 *      is still valid on that day:
 *        asOf > dueOn                 → overdue  (expired)
 *        dueOn − asOf ≤ DUE_SOON_DAYS → due_soon (expiring exactly today is due_soon)
 *        else                         → compliant
 * 3. No passing completion: dueOn = max(hireDate, requiredFrom) + newHireDueDays — new staff get a grace
 *    period from hire, existing staff from the day the course became required.
 *        asOf > dueOn → overdue; otherwise due_soon (pending: not done yet, still within its grace).
 * daysLeft = dueOn − asOf in days (negative when overdue), null when there is no dueOn.
 * An exempt result keeps lastCompletedOn/validUntil as facts but has no dueOn/daysLeft.
 *
 * Whether the pair is counted at all is decided by isActiveOn and isRequired.
 */

export type TrainingStatus = "compliant" | "due_soon" | "overdue" | "exempt";

export const TRAINING_STATUSES: readonly TrainingStatus[] = ["compliant", "due_soon", "overdue", "exempt"] as const;

export const DUE_SOON_DAYS = 30;

export type CourseRule = {
  id: number;
  audienceAll: boolean;
  audienceDepartmentIds: number[];
  audienceEmploymentTypes: string[];
  /** null: once only, never expires. */
  recurrenceMonths: number | null;
  /** Grace period, in days, from hire (or from requiredFrom for existing staff). */
  newHireDueDays: number;
  passMark: number | null;
  /** The day the course became required. */
  requiredFrom: string;
  retiredAt?: Date | null;
};

export type EmployeeFacts = {
  id: number;
  departmentId: number;
  employmentType: string;
  hireDate: string;
  leaveDate: string | null;
  /** Set while on leave (休職, 産休・育休 …): the employee is exempt. */
  exemptionReason: string | null;
  retiredAt?: Date | null;
};

export type StatusResult = {
  status: TrainingStatus;
  lastCompletedOn: string | null;
  validUntil: string | null;
  dueOn: string | null;
  daysLeft: number | null;
  exemptionReason: string | null;
};

/**
 * Employed on `date`: hired on or before it, not past the leave date, record not retired.
 * The leave date is 退職日 as Japanese HR records it: the last day of employment, still employed.
 */
export function isActiveOn(e: EmployeeFacts, date: string): boolean {
  if (e.retiredAt) return false;
  if (compareDates(e.hireDate, date) > 0) return false;
  return e.leaveDate === null || compareDates(e.leaveDate, date) >= 0;
}

/** The course's audience includes the employee: all, or their department, or their employment type. */
export function isRequired(c: CourseRule, e: EmployeeFacts): boolean {
  if (c.retiredAt) return false;
  if (c.audienceAll) return true;
  // A chosen audience narrows by department and by employment type; a list left empty does not narrow.
  const depts = c.audienceDepartmentIds;
  const types = c.audienceEmploymentTypes;
  if (!depts.length && !types.length) return false;
  return (!depts.length || depts.includes(e.departmentId)) && (!types.length || types.includes(e.employmentType));
}

/** No pass mark: any completion passes. With one, a missing score fails and the mark itself passes. */
export function isPassing(score: number | null, passMark: number | null): boolean {
  if (passMark === null) return true;
  if (score === null || Number.isNaN(score)) return false;
  return score >= passMark;
}

/** The latest passing completion on or before `asOf`, or null. */
export function lastPassedOnAsOf(records: readonly { completedOn: string; passed: boolean }[], asOf: string): string | null {
  return maxDate(...records.filter((r) => r.passed && compareDates(r.completedOn, asOf) <= 0).map((r) => r.completedOn));
}

export function computeTrainingStatus(args: {
  course: CourseRule;
  employee: EmployeeFacts;
  lastPassedOn: string | null;
  asOf: string;
}): StatusResult {
  const { course, employee, asOf } = args;
  const lastCompletedOn = args.lastPassedOn !== null && compareDates(args.lastPassedOn, asOf) <= 0 ? args.lastPassedOn : null;
  const validUntil = lastCompletedOn !== null && course.recurrenceMonths !== null ? addMonths(lastCompletedOn, course.recurrenceMonths) : null;

  const exemptionReason = employee.exemptionReason?.trim() || null;
  if (exemptionReason) {
    return { status: "exempt", lastCompletedOn, validUntil, dueOn: null, daysLeft: null, exemptionReason };
  }

  if (lastCompletedOn !== null && validUntil === null) {
    return { status: "compliant", lastCompletedOn, validUntil: null, dueOn: null, daysLeft: null, exemptionReason: null };
  }

  const dueOn = validUntil ?? addDays(maxDate(employee.hireDate, course.requiredFrom)!, course.newHireDueDays);
  const daysLeft = daysBetween(asOf, dueOn);
  let status: TrainingStatus;
  if (daysLeft < 0) status = "overdue";
  else if (lastCompletedOn === null || daysLeft <= DUE_SOON_DAYS) status = "due_soon";
  else status = "compliant";

  return { status, lastCompletedOn, validUntil, dueOn, daysLeft, exemptionReason: null };
}

/** Counts per status; rate = compliant / required, where required is every non-exempt status (null when 0). */
export function completionRate(statuses: TrainingStatus[]): {
  required: number;
  compliant: number;
  dueSoon: number;
  overdue: number;
  exempt: number;
  rate: number | null;
} {
  const count = (s: TrainingStatus) => statuses.filter((x) => x === s).length;
  const compliant = count("compliant");
  const dueSoon = count("due_soon");
  const overdue = count("overdue");
  const exempt = count("exempt");
  const required = compliant + dueSoon + overdue;
  return { required, compliant, dueSoon, overdue, exempt, rate: required === 0 ? null : compliant / required };
}

/**
 * The day a fiscal year's status is taken on: today for the current FY, its last day for a past FY
 * (how it ended), its first day for a future FY.
 */
export function statusAsOfForFiscalYear(fy: number, today: string, startMonth: number): string {
  const current = fiscalYearOf(today, startMonth);
  if (fy === current) return today;
  const { start, end } = fiscalYearRange(fy, startMonth);
  return fy < current ? end : start;
}
