import { addDays, daysBetween, isDateString, todayInTokyo } from "@/lib/dates";

/**
 * The two reporting clocks of an incident (docs/domain.md §3), in one pure module.
 *
 * APPI (as amended, in force April 2022): an incident is reportable to the Personal Information
 * Protection Commission (PPC) and to the persons affected when any of these holds — sensitive data
 * 要配慮個人情報; data whose misuse can cause financial loss; a suspected wrongful purpose 不正の目的;
 * MORE than 1,000 persons (1,000 is not reportable, 1,001 is). Data protected by advanced encryption
 * 高度な暗号化等の秘匿化 does not count: the flag unmakes every trigger.
 *
 * Deadlines are calendar days counted as Japanese law counts them (初日不算入): the day of discovery,
 * taken in Tokyo time, is not counted, so the deadline is the discovery date + N days.
 *   preliminary 速報: warning from day 3, due day 5;
 *   final 確報: day 30, or day 60 when a wrongful purpose is suspected.
 * Discovered 2026-06-10 → preliminary due 2026-06-15, final due 2026-07-10 (2026-08-09 at 60 days).
 *
 * The P-mark assessment body 審査機関 is told of EVERY incident (reportable or not, encrypted or not)
 * on the same clocks.
 */

export const PRELIMINARY_WARNING_DAYS = 3;
export const PRELIMINARY_DUE_DAYS = 5;
export const FINAL_DUE_DAYS = 30;
export const FINAL_DUE_DAYS_WRONGFUL = 60;
/** More than this many persons makes an incident reportable. */
export const PERSONS_THRESHOLD = 1000;
/** A final report is flagged "due soon" this many days before its deadline. */
export const FINAL_WARNING_DAYS = 7;

export const REPORTABLE_REASONS = ["sensitive_data", "financial_loss", "wrongful_purpose", "many_persons"] as const;
export type ReportableReason = (typeof REPORTABLE_REASONS)[number];

export type ReportingFacts = {
  /** A timestamp (Date, or ISO 8601 string with its zone). */
  discoveredAt: Date | string;
  sensitiveData: boolean;
  financialLoss: boolean;
  wrongfulPurpose: boolean;
  encrypted: boolean;
  personsAffected: number;
};

export type ReportingClocks = {
  /** The day of discovery in Asia/Tokyo, "YYYY-MM-DD". */
  discoveryDate: string;
  /** Reportable to the PPC and the persons affected. */
  reportable: boolean;
  /** What makes it reportable; empty when not reportable (also when encryption exempted it). */
  reportableReasons: ReportableReason[];
  /** The triggers that held but were unmade by advanced encryption; empty otherwise. */
  exemptedReasons: ReportableReason[];
  /** "advanced_encryption" when encryption is what made a triggered incident not reportable. */
  exemption: "advanced_encryption" | null;
  /** 30 or 60. */
  finalReportDays: number;
  // PPC: null when not reportable.
  preliminaryReportWarningFrom: string | null;
  preliminaryReportDue: string | null;
  finalReportDue: string | null;
  // P-mark assessment body: every incident.
  pmarkPreliminaryReportWarningFrom: string;
  pmarkPreliminaryReportDue: string;
  pmarkFinalReportDue: string;
};

/** The Tokyo calendar date of a timestamp. A bare "YYYY-MM-DD" is taken as that Tokyo day. */
export function tokyoDateOf(at: Date | string): string {
  if (typeof at === "string") {
    if (isDateString(at)) return at;
    const ms = Date.parse(at);
    if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: ${JSON.stringify(at)}`);
    return todayInTokyo(new Date(ms));
  }
  return todayInTokyo(at);
}

export function triggeredReasons(f: Omit<ReportingFacts, "discoveredAt" | "encrypted">): ReportableReason[] {
  const reasons: ReportableReason[] = [];
  if (f.sensitiveData) reasons.push("sensitive_data");
  if (f.financialLoss) reasons.push("financial_loss");
  if (f.wrongfulPurpose) reasons.push("wrongful_purpose");
  if (f.personsAffected > PERSONS_THRESHOLD) reasons.push("many_persons");
  return reasons;
}

export function computeReportingClocks(f: ReportingFacts): ReportingClocks {
  const discoveryDate = tokyoDateOf(f.discoveredAt);
  const triggers = triggeredReasons(f);
  const exempt = f.encrypted && triggers.length > 0;
  const reportable = triggers.length > 0 && !f.encrypted;
  const finalReportDays = f.wrongfulPurpose ? FINAL_DUE_DAYS_WRONGFUL : FINAL_DUE_DAYS;
  const warn = addDays(discoveryDate, PRELIMINARY_WARNING_DAYS);
  const prelim = addDays(discoveryDate, PRELIMINARY_DUE_DAYS);
  const final = addDays(discoveryDate, finalReportDays);
  return {
    discoveryDate,
    reportable,
    reportableReasons: reportable ? triggers : [],
    exemptedReasons: exempt ? triggers : [],
    exemption: exempt ? "advanced_encryption" : null,
    finalReportDays,
    preliminaryReportWarningFrom: reportable ? warn : null,
    preliminaryReportDue: reportable ? prelim : null,
    finalReportDue: reportable ? final : null,
    pmarkPreliminaryReportWarningFrom: warn,
    pmarkPreliminaryReportDue: prelim,
    pmarkFinalReportDue: final,
  };
}

// ---------------------------------------------------------------------------------------------
// What is due and what is late

export const OBLIGATIONS = ["ppcPreliminary", "ppcFinal", "personsNotice", "pmarkPreliminary", "pmarkFinal"] as const;
export type ObligationKey = (typeof OBLIGATIONS)[number];

/**
 * done: made on or before its deadline; done_late: made after it; late: not made and the deadline
 * has passed; due_soon: not made, inside the warning window (preliminary from day 3, final from 7
 * days before); pending: not made, not yet in the warning window.
 */
export type ObligationState = "done" | "done_late" | "late" | "due_soon" | "pending";

export type Obligation = {
  key: ObligationKey;
  dueOn: string;
  doneOn: string | null;
  state: ObligationState;
  /** dueOn − today in days (negative when late); null once done. */
  daysLeft: number | null;
};

export type ReportsMade = {
  ppcPreliminaryReportedOn: string | null;
  ppcFinalReportedOn: string | null;
  pmarkPreliminaryReportedOn: string | null;
  pmarkFinalReportedOn: string | null;
  personsNotifiedOn: string | null;
};

/**
 * The latest deadline that has passed on `today`: yesterday. A report due today is "due today" (due
 * soon, 0 days left), not late, until the day ends. The one rule for "has this deadline passed" — the
 * incident list, the cards and the compliance score (lib/dashboard/score.ts) all judge by it.
 */
export function lastPassedDeadline(today: string): string {
  return addDays(today, -1);
}

/** The deadline has passed on `today` (it is before today). */
export function isPastDue(dueOn: string, today: string): boolean {
  return dueOn <= lastPassedDeadline(today);
}

function obligation(key: ObligationKey, dueOn: string, warnFrom: string, doneOn: string | null, today: string): Obligation {
  if (doneOn) return { key, dueOn, doneOn, state: doneOn <= dueOn ? "done" : "done_late", daysLeft: null };
  const state: ObligationState = isPastDue(dueOn, today) ? "late" : today >= warnFrom ? "due_soon" : "pending";
  return { key, dueOn, doneOn: null, state, daysLeft: daysBetween(today, dueOn) };
}

/**
 * The obligations of an incident on `today` (a Tokyo date). The PPC reports and the notice to the
 * persons exist only when the incident is reportable; the P-mark reports always. The law asks the
 * notice to the persons "promptly" (速やかに) without a number of days: the product holds it to the
 * preliminary report's deadline (day 5).
 */
export function reportingObligations(clocks: ReportingClocks, made: ReportsMade, today: string): Obligation[] {
  const out: Obligation[] = [];
  const finalWarn = (due: string) => addDays(due, -FINAL_WARNING_DAYS);
  if (clocks.reportable && clocks.preliminaryReportDue && clocks.finalReportDue && clocks.preliminaryReportWarningFrom) {
    out.push(obligation("ppcPreliminary", clocks.preliminaryReportDue, clocks.preliminaryReportWarningFrom, made.ppcPreliminaryReportedOn, today));
    out.push(obligation("ppcFinal", clocks.finalReportDue, finalWarn(clocks.finalReportDue), made.ppcFinalReportedOn, today));
    out.push(obligation("personsNotice", clocks.preliminaryReportDue, clocks.preliminaryReportWarningFrom, made.personsNotifiedOn, today));
  }
  out.push(obligation("pmarkPreliminary", clocks.pmarkPreliminaryReportDue, clocks.pmarkPreliminaryReportWarningFrom, made.pmarkPreliminaryReportedOn, today));
  out.push(obligation("pmarkFinal", clocks.pmarkFinalReportDue, finalWarn(clocks.pmarkFinalReportDue), made.pmarkFinalReportedOn, today));
  return out;
}

export type LateFlags = {
  preliminaryReportLate: boolean;
  finalReportLate: boolean;
  personsNoticeLate: boolean;
  pmarkPreliminaryReportLate: boolean;
  pmarkFinalReportLate: boolean;
  /** Something not yet made is past its deadline. */
  overdue: boolean;
  /** Something not yet made is inside its warning window (not late). */
  dueSoon: boolean;
  /** The earliest deadline of what is not yet made; null when everything is made. */
  nextDue: string | null;
};

/** Late = not made and past the deadline, or made after it. `overdue` counts only what is still not made. */
export function lateFlags(obligations: Obligation[]): LateFlags {
  const isLate = (k: ObligationKey) => obligations.some((o) => o.key === k && (o.state === "late" || o.state === "done_late"));
  const open = obligations.filter((o) => o.doneOn === null);
  return {
    preliminaryReportLate: isLate("ppcPreliminary"),
    finalReportLate: isLate("ppcFinal"),
    personsNoticeLate: isLate("personsNotice"),
    pmarkPreliminaryReportLate: isLate("pmarkPreliminary"),
    pmarkFinalReportLate: isLate("pmarkFinal"),
    overdue: open.some((o) => o.state === "late"),
    dueSoon: open.some((o) => o.state === "due_soon"),
    nextDue: open.length ? open.map((o) => o.dueOn).reduce((a, b) => (b < a ? b : a)) : null,
  };
}

/** A report date may not precede the day of discovery nor lie after today. */
export function reportDateProblem(date: string, discoveryDate: string, today: string): "beforeDiscovery" | "inFuture" | null {
  if (date < discoveryDate) return "beforeDiscovery";
  if (date > today) return "inFuture";
  return null;
}
