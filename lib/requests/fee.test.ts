import { describe, expect, it } from "vitest";
import { REQUEST_KINDS } from "./enums";
import { awaitingFee, consumptionTax, feeAllowed, feeAmount, feeProblem, type FeeFacts } from "./fee";

const base: FeeFacts = { kind: "disclosure", feeExclTax: 1000, feeEstimatedOn: null, feeRequestedOn: "2026-06-11", feePaidOn: null, feeWaived: false, receivedOn: "2026-06-10" };

describe("fee rule (APPI Art. 38)", () => {
  it("allows a fee only for a notice of purpose and a disclosure (provision records included)", () => {
    expect(REQUEST_KINDS.filter(feeAllowed)).toEqual(["purpose_notice", "disclosure", "provision_record_disclosure"]);
  });
  it("shows the tax: 1,000 yen at 10 % is 100, 1,100 with tax; fractions are cut off", () => {
    expect(feeAmount(1000, 10)).toEqual({ exclTax: 1000, tax: 100, inclTax: 1100, ratePercent: 10 });
    expect(consumptionTax(1005, 10)).toBe(100);
    expect(consumptionTax(1009, 8)).toBe(80);
    expect(consumptionTax(0, 10)).toBe(0);
  });
  it("refuses any fee on correction, stop of use and stop of provision", () => {
    for (const kind of ["correction", "stop_use", "stop_provision"] as const) {
      expect(feeProblem({ ...base, kind }, 1000, "2026-06-12")?.key).toBe("requests.errors.feeNotAllowed");
      expect(feeProblem({ ...base, kind, feeExclTax: null, feeRequestedOn: null }, 1000, "2026-06-12")).toBeNull();
      expect(awaitingFee({ kind, feePaidOn: null, feeWaived: false })).toBe(false);
    }
  });
  it("asks for an estimate before more than the policy's amount; the policy's amount itself needs none", () => {
    expect(feeProblem(base, 1000, "2026-06-12")).toBeNull();
    expect(feeProblem({ ...base, feeExclTax: 1001 }, 1000, "2026-06-12")).toEqual({ field: "feeEstimatedOn", key: "requests.errors.estimateRequired" });
    expect(feeProblem({ ...base, feeExclTax: 5000, feeEstimatedOn: "2026-06-11" }, 1000, "2026-06-12")).toBeNull();
  });
  it("checks the order of the dates: estimate, request, payment, none before receipt or in the future", () => {
    expect(feeProblem({ ...base, feeRequestedOn: "2026-06-09" }, 1000, "2026-06-12")?.key).toBe("requests.errors.beforeReceived");
    expect(feeProblem({ ...base, feePaidOn: "2026-06-13" }, 1000, "2026-06-12")?.key).toBe("requests.errors.inFuture");
    expect(feeProblem({ ...base, feePaidOn: "2026-06-10" }, 1000, "2026-06-12")?.key).toBe("requests.errors.paidBeforeRequested");
    expect(feeProblem({ ...base, feeRequestedOn: null, feePaidOn: "2026-06-11" }, 1000, "2026-06-12")?.key).toBe("requests.errors.paidBeforeRequested");
    expect(feeProblem({ ...base, feeExclTax: 3000, feeEstimatedOn: "2026-06-12" }, 1000, "2026-06-12")?.key).toBe("requests.errors.requestedBeforeEstimate");
    expect(feeProblem({ ...base, feeExclTax: null }, 1000, "2026-06-12")?.key).toBe("requests.errors.feeAmountRequired");
    expect(feeProblem({ ...base, feeWaived: true }, 1000, "2026-06-12")?.key).toBe("requests.errors.feeWaivedButCharged");
  });
  it("waits for the fee until paid or waived", () => {
    expect(awaitingFee({ kind: "disclosure", feePaidOn: null, feeWaived: false })).toBe(true);
    expect(awaitingFee({ kind: "disclosure", feePaidOn: "2026-06-12", feeWaived: false })).toBe(false);
    expect(awaitingFee({ kind: "purpose_notice", feePaidOn: null, feeWaived: true })).toBe(false);
  });
});
