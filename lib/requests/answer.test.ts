import { describe, expect, it } from "vitest";
import { answerProblem, requestDisposableFrom, type AnswerFacts } from "./answer";

const r = (over: Partial<AnswerFacts> = {}): AnswerFacts => ({
  kind: "disclosure",
  receivedOn: "2026-06-10",
  identityCheckedOn: "2026-06-11",
  feePaidOn: "2026-06-12",
  feeWaived: false,
  withdrawnOn: null,
  answeredOn: null,
  ...over,
});
const a = { decision: "comply" as const, refusalGround: null, decisionReason: null, answeredOn: "2026-06-15" };

describe("answer rule", () => {
  it("complies once identity is confirmed and the fee paid", () => {
    expect(answerProblem(r(), a, "2026-06-15")).toBeNull();
    expect(answerProblem(r({ identityCheckedOn: null }), a, "2026-06-15")?.key).toBe("requests.errors.identityFirst");
    expect(answerProblem(r({ feePaidOn: null }), a, "2026-06-15")?.key).toBe("requests.errors.feeFirst");
    expect(answerProblem(r({ feePaidOn: null, feeWaived: true }), a, "2026-06-15")).toBeNull();
    expect(answerProblem(r({ kind: "correction", feePaidOn: null }), a, "2026-06-15")).toBeNull();
    expect(answerProblem(r({ identityCheckedOn: "2026-06-16" }), a, "2026-06-16")?.key).toBe("requests.errors.identityFirst");
  });
  it("refuses on each of the policy's grounds with a reason", () => {
    for (const g of ["harm_to_person_or_others", "business_hindrance", "breach_of_law"] as const)
      expect(answerProblem(r(), { ...a, decision: "refuse", refusalGround: g, decisionReason: "理由" }, "2026-06-15")).toBeNull();
    expect(answerProblem(r({ identityCheckedOn: null }), { ...a, decision: "refuse", refusalGround: "identity_unconfirmed", decisionReason: "書類なし" }, "2026-06-15")).toBeNull();
    expect(answerProblem(r(), { ...a, decision: "refuse", refusalGround: "identity_unconfirmed", decisionReason: "x" }, "2026-06-15")?.key).toBe("requests.errors.identityWasConfirmed");
    expect(answerProblem(r(), { ...a, decision: "refuse", refusalGround: null, decisionReason: "x" }, "2026-06-15")?.key).toBe("requests.errors.groundRequired");
    expect(answerProblem(r(), { ...a, decision: "refuse", refusalGround: "breach_of_law", decisionReason: null }, "2026-06-15")?.key).toBe("requests.errors.reasonRequired");
  });
  it("allows 'no grounds' only for correction and stop requests", () => {
    expect(answerProblem(r({ kind: "correction" }), { ...a, decision: "refuse", refusalGround: "no_grounds", decisionReason: "正確" }, "2026-06-15")).toBeNull();
    expect(answerProblem(r(), { ...a, decision: "refuse", refusalGround: "no_grounds", decisionReason: "x" }, "2026-06-15")?.key).toBe("requests.errors.noGroundsKind");
  });
  it("refuses a ground without a refusal, a date outside receipt..today, a second answer, a withdrawn request", () => {
    expect(answerProblem(r(), { ...a, refusalGround: "breach_of_law" }, "2026-06-15")?.key).toBe("requests.errors.groundOnlyOnRefusal");
    expect(answerProblem(r(), { ...a, answeredOn: "2026-06-09" }, "2026-06-15")?.key).toBe("requests.errors.beforeReceived");
    expect(answerProblem(r(), { ...a, answeredOn: "2026-06-16" }, "2026-06-15")?.key).toBe("requests.errors.inFuture");
    expect(answerProblem(r({ answeredOn: "2026-06-14" }), a, "2026-06-15")).toMatchObject({ key: "requests.errors.alreadyAnswered", status: 409 });
    expect(answerProblem(r({ withdrawnOn: "2026-06-14" }), a, "2026-06-15")).toMatchObject({ key: "requests.errors.withdrawn", status: 409 });
    expect(answerProblem(r(), { ...a, decision: "no_data", decisionReason: null }, "2026-06-15")?.key).toBe("requests.errors.reasonRequired");
  });
  it("keeps a closed request for the retention period, counted from the answer or the withdrawal", () => {
    expect(requestDisposableFrom({ answeredOn: null, withdrawnOn: null }, 36)).toBeNull();
    expect(requestDisposableFrom({ answeredOn: "2026-06-15", withdrawnOn: null }, 36)).toBe("2029-06-15");
    expect(requestDisposableFrom({ answeredOn: null, withdrawnOn: "2024-02-29" }, 12)).toBe("2025-02-28");
  });
});
