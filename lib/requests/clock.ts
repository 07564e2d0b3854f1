import { addDays, daysBetween } from "@/lib/dates";
import type { ClockState, RequestKind, RequestStage } from "./enums";
import { awaitingFee, feeAllowed } from "./fee";

/**
 * The clock of a request (docs/domain.md §7). The law asks for an answer "without delay" (遅滞なく);
 * the company makes that concrete with a target of N calendar days from receipt (a setting, default
 * 14). As everywhere in the product, the day of receipt is not counted (初日不算入): received on
 * 2026-06-10 with 14 days → due 2026-06-24.
 *
 * The clock stops while the company waits for the person: from the day it asked for identity
 * documents until the day identity was confirmed, and from the day it asked for the fee until the day
 * the fee was paid. Each pause adds its days (to minus from) to the target; overlapping pauses count
 * once; a pause still running counts up to today, so a paused request never turns late. All dates are
 * Tokyo calendar dates (lib/dates.ts).
 */

export const DEFAULT_TARGET_DAYS = 14;
/** A request is "due soon" from this many days before its due date. */
export const DUE_SOON_DAYS = 3;

export type ClockFacts = {
  kind: RequestKind;
  receivedOn: string;
  identityRequestedOn: string | null;
  identityCheckedOn: string | null;
  feeRequestedOn: string | null;
  feePaidOn: string | null;
  feeWaived: boolean;
  answeredOn: string | null;
  withdrawnOn: string | null;
};

export type PauseReason = "identity" | "fee";
export type Pause = { reason: PauseReason; from: string; to: string | null };

/** Where the request stands, from its dates alone. */
export function requestStage(r: ClockFacts): RequestStage {
  if (r.withdrawnOn) return "withdrawn";
  if (r.answeredOn) return "answered";
  if (!r.identityCheckedOn) return "awaiting_identity";
  if (awaitingFee(r)) return "awaiting_fee";
  return "in_progress";
}

/** The pauses of the clock, in order. A pause the answer (or a withdrawal) came before closes on that day. */
export function requestPauses(r: ClockFacts): Pause[] {
  const end = r.answeredOn ?? r.withdrawnOn;
  const pauses: Pause[] = [];
  const add = (reason: PauseReason, from: string | null, to: string | null) => {
    if (!from) return;
    let stop = to;
    if (end && (!stop || stop > end)) stop = end;
    if (stop && stop < from) stop = from;
    pauses.push({ reason, from, to: stop });
  };
  add("identity", r.identityRequestedOn, r.identityCheckedOn);
  if (feeAllowed(r.kind) && !r.feeWaived) add("fee", r.feeRequestedOn, r.feePaidOn);
  return pauses.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Days the clock stood still up to `today`: the union of the pauses, a running one up to today. */
export function pausedDays(pauses: Pause[], today: string): number {
  const spans = pauses
    .map((p) => ({ from: p.from, to: p.to ?? (today > p.from ? today : p.from) }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let total = 0;
  let curFrom: string | null = null;
  let curTo: string | null = null;
  for (const s of spans) {
    if (curTo !== null && s.from <= curTo) {
      if (s.to > curTo) curTo = s.to;
      continue;
    }
    if (curFrom !== null && curTo !== null) total += daysBetween(curFrom, curTo);
    curFrom = s.from;
    curTo = s.to;
  }
  if (curFrom !== null && curTo !== null) total += daysBetween(curFrom, curTo);
  return total;
}

export type RequestClock = {
  dueOn: string;
  targetDays: number;
  pausedDays: number;
  pauses: Pause[];
  /** A pause is running today (the due date still moves). */
  paused: boolean;
  state: ClockState;
  /** Days from today to the due date (negative when late); null once answered or withdrawn. */
  daysLeft: number | null;
  /** Late now, or answered late. */
  late: boolean;
};

export function requestClock(r: ClockFacts, targetDays: number, today: string): RequestClock {
  const pauses = requestPauses(r);
  const end = r.answeredOn ?? r.withdrawnOn;
  const asOf = end ?? today;
  const paused = !end && pauses.some((p) => p.to === null);
  const days = pausedDays(pauses, asOf);
  const dueOn = addDays(r.receivedOn, targetDays + days);
  let state: ClockState;
  let daysLeft: number | null = null;
  if (r.withdrawnOn) state = "withdrawn";
  else if (r.answeredOn) state = r.answeredOn <= dueOn ? "answered_on_time" : "answered_late";
  else {
    daysLeft = daysBetween(today, dueOn);
    state = paused ? "paused" : daysLeft < 0 ? "late" : daysLeft <= DUE_SOON_DAYS ? "due_soon" : "pending";
  }
  return { dueOn, targetDays, pausedDays: days, pauses, paused, state, daysLeft, late: state === "late" || state === "answered_late" };
}

/** Still to be answered (not answered, not withdrawn). */
export function isOpen(r: Pick<ClockFacts, "answeredOn" | "withdrawnOn">): boolean {
  return !r.answeredOn && !r.withdrawnOn;
}
