import { describe, expect, it } from "vitest";
import {
  contractorFlags,
  hasAssessmentBefore,
  latestAssessment,
  nextAssessmentDue,
  statusChangeProblem,
  violatesBeforeContract,
  type AssessmentFacts,
} from "./rules";

const a = (id: number, assessedOn: string, result: AssessmentFacts["result"], extra: Partial<AssessmentFacts> = {}): AssessmentFacts => ({
  id,
  assessedOn,
  result,
  nextDueOn: nextAssessmentDue(assessedOn, null),
  withdrawn: false,
  ...extra,
});

describe("the before-contract rule", () => {
  it("an approved assessment on the same day as the contract start is in time", () => {
    expect(hasAssessmentBefore("2026-04-01", [a(1, "2026-04-01", "approved")])).toBe(true);
    expect(violatesBeforeContract("2026-04-01", [a(1, "2026-04-01", "approved")])).toBe(false);
  });
  it("one day after the contract start is too late", () => {
    expect(violatesBeforeContract("2026-04-01", [a(1, "2026-04-02", "approved")])).toBe(true);
  });
  it("a conditional result permits the contract (documented decision); a rejected one does not", () => {
    expect(violatesBeforeContract("2026-04-01", [a(1, "2026-03-01", "conditional")])).toBe(false);
    expect(violatesBeforeContract("2026-04-01", [a(1, "2026-03-01", "rejected")])).toBe(true);
  });
  it("a withdrawn assessment does not count", () => {
    expect(violatesBeforeContract("2026-04-01", [a(1, "2026-03-01", "approved", { withdrawn: true })])).toBe(true);
  });
  it("no contract start, no violation; a start without any assessment is one", () => {
    expect(violatesBeforeContract(null, [])).toBe(false);
    expect(violatesBeforeContract("2026-04-01", [])).toBe(true);
  });
});

describe("nextAssessmentDue", () => {
  it("defaults to 12 months, or the contractor's override; clamps month ends", () => {
    expect(nextAssessmentDue("2026-04-15", null)).toBe("2027-04-15");
    expect(nextAssessmentDue("2026-04-15", 6)).toBe("2026-10-15");
    expect(nextAssessmentDue("2024-02-29", 12)).toBe("2025-02-28");
  });
});

describe("latestAssessment", () => {
  it("the newest by date then id, ignoring withdrawn ones", () => {
    const xs = [a(1, "2025-01-01", "approved"), a(3, "2026-01-01", "rejected", { withdrawn: true }), a(2, "2025-06-01", "conditional")];
    expect(latestAssessment(xs)?.id).toBe(2);
    expect(latestAssessment([a(4, "2025-01-01", "approved"), a(5, "2025-01-01", "rejected")])?.id).toBe(5);
    expect(latestAssessment([])).toBeNull();
  });
});

describe("contractorFlags", () => {
  const today = "2026-11-24";
  const ok = { status: "approved" as const, contractStart: "2026-01-10", contractEnd: null };

  it("a compliant contractor has no flags", () => {
    expect(contractorFlags(ok, [a(1, "2026-01-10", "approved")], [{ kind: "pmark", number: "1", expiresOn: "2027-01-01" }], today)).toEqual([]);
  });
  it("periodic assessment due today is not overdue; due yesterday is", () => {
    expect(contractorFlags(ok, [a(1, "2026-01-10", "approved", { nextDueOn: today })], [], today)).toEqual([]);
    expect(contractorFlags(ok, [a(1, "2026-01-10", "approved", { nextDueOn: "2026-11-23" })], [], today)).toEqual(["assessment_overdue"]);
  });
  it("a certification expiring today is valid; one that expired yesterday is flagged", () => {
    expect(contractorFlags(ok, [a(1, "2026-01-10", "approved")], [{ kind: "isms", number: "IS 1", expiresOn: today }], today)).toEqual([]);
    expect(contractorFlags(ok, [a(1, "2026-01-10", "approved")], [{ kind: "isms", number: "IS 1", expiresOn: "2026-11-23" }], today)).toEqual([
      "certification_expired",
    ]);
  });
  it("a contract that started before its assessment is flagged", () => {
    expect(contractorFlags(ok, [a(1, "2026-01-11", "approved")], [], today)).toEqual(["contract_before_assessment"]);
  });
  it("approved status whose newest assessment was withdrawn is flagged twice: no prior assessment, unsupported status", () => {
    expect(contractorFlags(ok, [a(1, "2026-01-10", "approved", { withdrawn: true })], [], today)).toEqual([
      "contract_before_assessment",
      "status_unsupported",
    ]);
  });
  it("terminated contractors and ended contracts are not overdue", () => {
    const old = [a(1, "2020-01-01", "approved")];
    expect(contractorFlags({ ...ok, contractStart: "2020-01-01", status: "terminated" }, old, [{ kind: "pmark", number: "1", expiresOn: "2021-01-01" }], today)).toEqual([]);
    expect(contractorFlags({ ...ok, contractStart: "2020-01-01", contractEnd: "2022-03-31" }, old, [], today)).toEqual([]);
  });
});

describe("statusChangeProblem", () => {
  it("approved needs an approved newest assessment; never on a rejected one", () => {
    expect(statusChangeProblem("approved", { result: "approved" })).toBeNull();
    expect(statusChangeProblem("approved", { result: "rejected" })).toBe("contractors.errors.approveOnRejected");
    expect(statusChangeProblem("approved", { result: "conditional" })).toBe("contractors.errors.approveOnConditional");
    expect(statusChangeProblem("approved", null)).toBe("contractors.errors.approveWithoutAssessment");
  });
  it("conditional needs approved or conditional; other statuses always allowed", () => {
    expect(statusChangeProblem("conditional", { result: "conditional" })).toBeNull();
    expect(statusChangeProblem("conditional", { result: "approved" })).toBeNull();
    expect(statusChangeProblem("conditional", { result: "rejected" })).toBe("contractors.errors.approveOnRejected");
    expect(statusChangeProblem("suspended", null)).toBeNull();
    expect(statusChangeProblem("terminated", { result: "rejected" })).toBeNull();
  });
});
