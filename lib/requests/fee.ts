import type { RequestKind } from "./enums";

/**
 * The fee of a request (docs/domain.md §7). The APPI lets a company charge only for a notice of the
 * purpose of use and for a disclosure (Art. 38(1); the disclosure of third-party provision records is
 * a disclosure too), at an amount reasonable for the actual cost (Art. 38(2)). The policy charges
 * 1,000 yen excluding tax per request, and estimates first when the work is larger. Correction,
 * deletion and stop requests carry no fee.
 *
 * Consumption tax is shown beside the amount: rate × amount, fractions of a yen cut off (切り捨て).
 */

export const FEE_KINDS: readonly RequestKind[] = ["purpose_notice", "disclosure", "provision_record_disclosure"];

export function feeAllowed(kind: RequestKind): boolean {
  return FEE_KINDS.includes(kind);
}

/** Consumption tax on an amount excluding tax, in whole yen (fractions cut off). */
export function consumptionTax(amountExclTax: number, ratePercent: number): number {
  // Integer arithmetic: 1,000 × 10 / 100, never 1000 * 0.1.
  return Math.floor((amountExclTax * ratePercent) / 100);
}

export type FeeAmount = { exclTax: number; tax: number; inclTax: number; ratePercent: number };

export function feeAmount(amountExclTax: number, ratePercent: number): FeeAmount {
  const tax = consumptionTax(amountExclTax, ratePercent);
  return { exclTax: amountExclTax, tax, inclTax: amountExclTax + tax, ratePercent };
}

export type FeeFacts = {
  kind: RequestKind;
  /** The fee asked for, excluding tax (null: none). */
  feeExclTax: number | null;
  /** When an estimate was sent to the person (needed before asking more than the policy's amount). */
  feeEstimatedOn: string | null;
  feeRequestedOn: string | null;
  feePaidOn: string | null;
  feeWaived: boolean;
  receivedOn: string;
};

/**
 * Why a fee entry cannot stand (a message key and the field), or null. `baseFee` is the policy's
 * amount per request (a setting).
 */
export function feeProblem(f: FeeFacts, baseFee: number, today: string): { field: string; key: string } | null {
  const charged = f.feeExclTax !== null && f.feeExclTax > 0;
  if (!feeAllowed(f.kind) && (charged || f.feeRequestedOn || f.feePaidOn)) return { field: "feeExclTax", key: "requests.errors.feeNotAllowed" };
  if (f.feeWaived && (f.feeRequestedOn || f.feePaidOn)) return { field: "feeWaived", key: "requests.errors.feeWaivedButCharged" };
  if (charged && f.feeExclTax! > baseFee && !f.feeEstimatedOn) return { field: "feeEstimatedOn", key: "requests.errors.estimateRequired" };
  if ((f.feeRequestedOn || f.feePaidOn) && !charged) return { field: "feeExclTax", key: "requests.errors.feeAmountRequired" };
  if (f.feePaidOn && !f.feeRequestedOn) return { field: "feeRequestedOn", key: "requests.errors.paidBeforeRequested" };
  for (const [field, d] of [["feeEstimatedOn", f.feeEstimatedOn], ["feeRequestedOn", f.feeRequestedOn], ["feePaidOn", f.feePaidOn]] as const) {
    if (d && d < f.receivedOn) return { field, key: "requests.errors.beforeReceived" };
    if (d && d > today) return { field, key: "requests.errors.inFuture" };
  }
  if (f.feeEstimatedOn && f.feeRequestedOn && f.feeRequestedOn < f.feeEstimatedOn) return { field: "feeRequestedOn", key: "requests.errors.requestedBeforeEstimate" };
  if (f.feeRequestedOn && f.feePaidOn && f.feePaidOn < f.feeRequestedOn) return { field: "feePaidOn", key: "requests.errors.paidBeforeRequested" };
  return null;
}

/** Whether the request still waits for its fee: a fee kind, not waived, not paid. */
export function awaitingFee(f: Pick<FeeFacts, "kind" | "feePaidOn" | "feeWaived">): boolean {
  return feeAllowed(f.kind) && !f.feeWaived && !f.feePaidOn;
}
