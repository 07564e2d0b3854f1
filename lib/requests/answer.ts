import { addMonths } from "@/lib/dates";
import type { RefusalGround, RequestDecision, RequestKind } from "./enums";
import { awaitingFee } from "./fee";

/**
 * The answer to a request and the request's own retention (docs/domain.md §7).
 *
 * - Nothing is disclosed (complied with, in whole or in part) before the identity is confirmed, nor
 *   before the fee is paid where one is charged.
 * - A refusal names one ground: the policy's four ((1) harm to the person's or a third party's life,
 *   body, property or rights; (2) significant hindrance to the business; (3) a breach of law;
 *   (4) identity not confirmed), or — for correction and stop requests only — "no grounds" (the facts
 *   do not warrant the correction or the stop). Identity-not-confirmed cannot be the ground once the
 *   identity was confirmed.
 * - A partial answer, a refusal and "no such data retained" carry the reason told to the person.
 */

const NO_GROUNDS_KINDS: readonly RequestKind[] = ["correction", "stop_use", "stop_provision"];

export type AnswerFacts = {
  kind: RequestKind;
  receivedOn: string;
  identityCheckedOn: string | null;
  feePaidOn: string | null;
  feeWaived: boolean;
  withdrawnOn: string | null;
  answeredOn: string | null;
};

export type AnswerInput = { decision: RequestDecision; refusalGround: RefusalGround | null; decisionReason: string | null; answeredOn: string };

export function answerProblem(r: AnswerFacts, a: AnswerInput, today: string): { field: string; key: string; status: 400 | 409 } | null {
  if (r.withdrawnOn) return { field: "decision", key: "requests.errors.withdrawn", status: 409 };
  if (r.answeredOn) return { field: "decision", key: "requests.errors.alreadyAnswered", status: 409 };
  if (a.answeredOn < r.receivedOn) return { field: "answeredOn", key: "requests.errors.beforeReceived", status: 400 };
  if (a.answeredOn > today) return { field: "answeredOn", key: "requests.errors.inFuture", status: 400 };
  if (a.decision === "refuse") {
    if (!a.refusalGround) return { field: "refusalGround", key: "requests.errors.groundRequired", status: 400 };
    if (a.refusalGround === "identity_unconfirmed" && r.identityCheckedOn) return { field: "refusalGround", key: "requests.errors.identityWasConfirmed", status: 400 };
    if (a.refusalGround === "no_grounds" && !NO_GROUNDS_KINDS.includes(r.kind)) return { field: "refusalGround", key: "requests.errors.noGroundsKind", status: 400 };
  } else if (a.refusalGround) return { field: "refusalGround", key: "requests.errors.groundOnlyOnRefusal", status: 400 };
  if (a.decision !== "comply" && !a.decisionReason) return { field: "decisionReason", key: "requests.errors.reasonRequired", status: 400 };
  if (a.decision === "comply" || a.decision === "comply_partly") {
    if (!r.identityCheckedOn || r.identityCheckedOn > a.answeredOn) return { field: "decision", key: "requests.errors.identityFirst", status: 409 };
    if (awaitingFee(r) || (r.feePaidOn && r.feePaidOn > a.answeredOn)) return { field: "decision", key: "requests.errors.feeFirst", status: 409 };
  }
  return null;
}

export const DEFAULT_REQUEST_RETENTION_MONTHS = 36;

/**
 * The request is itself personal data: kept for a period after it was closed (answered or
 * withdrawn), then the requester's details are disposed of and a minimal log stays. Null while open.
 */
export function requestDisposableFrom(r: { answeredOn: string | null; withdrawnOn: string | null }, retentionMonths: number): string | null {
  const closed = r.answeredOn ?? r.withdrawnOn;
  return closed ? addMonths(closed, retentionMonths) : null;
}
