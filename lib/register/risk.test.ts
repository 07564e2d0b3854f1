import { describe, expect, it } from "vitest";
import {
  DEFAULT_HIGH_THRESHOLD,
  NO_ACCEPTANCE,
  POSSIBLE_SCORES,
  RiskRuleError,
  acceptResidual,
  acceptanceAfterEdit,
  analysisDueState,
  analysisReviewDue,
  isHighRisk,
  isValidThreshold,
  levelOfScore,
  residualProblems,
  riskLevel,
  riskScore,
} from "./risk";

describe("score and level", () => {
  it("multiplies likelihood by impact", () => {
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
    expect(riskScore({ likelihood: 5, impact: 5 })).toBe(25);
    expect(riskScore({ likelihood: 4, impact: 3 })).toBe(12);
  });

  it("refuses a rating off the 1..5 scale", () => {
    for (const bad of [0, 6, 2.5, Number.NaN]) {
      expect(() => riskScore({ likelihood: bad, impact: 3 })).toThrow(RangeError);
      expect(() => riskScore({ likelihood: 3, impact: bad })).toThrow(RangeError);
    }
  });

  it("puts each band's edges where docs/domain.md says: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical", () => {
    expect([1, 4].map(levelOfScore)).toEqual(["low", "low"]);
    expect([5, 9].map(levelOfScore)).toEqual(["medium", "medium"]);
    expect([10, 14].map(levelOfScore)).toEqual(["high", "high"]);
    expect([15, 25].map(levelOfScore)).toEqual(["critical", "critical"]);
    expect(() => levelOfScore(0)).toThrow(RangeError);
    expect(() => levelOfScore(26)).toThrow(RangeError);
  });

  it("rates the grid's corners and its middle", () => {
    expect(riskLevel({ likelihood: 1, impact: 5 })).toBe("medium");
    expect(riskLevel({ likelihood: 5, impact: 1 })).toBe("medium");
    expect(riskLevel({ likelihood: 2, impact: 2 })).toBe("low");
    expect(riskLevel({ likelihood: 3, impact: 3 })).toBe("medium");
    expect(riskLevel({ likelihood: 2, impact: 5 })).toBe("high");
    expect(riskLevel({ likelihood: 3, impact: 5 })).toBe("critical");
  });
});

describe("the high threshold", () => {
  it("defaults to the floor of 'high'", () => {
    expect(DEFAULT_HIGH_THRESHOLD).toBe(10);
    expect(isHighRisk({ likelihood: 3, impact: 3 }, DEFAULT_HIGH_THRESHOLD)).toBe(false);
    expect(isHighRisk({ likelihood: 2, impact: 5 }, DEFAULT_HIGH_THRESHOLD)).toBe(true);
  });

  it("counts a score equal to the threshold as high", () => {
    expect(isHighRisk({ likelihood: 3, impact: 4 }, 12)).toBe(true);
    expect(isHighRisk({ likelihood: 1, impact: 1 }, 1)).toBe(true);
    expect(isHighRisk({ likelihood: 4, impact: 5 }, 25)).toBe(false);
  });

  it("accepts only scores the grid can produce", () => {
    expect(POSSIBLE_SCORES).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    expect(isValidThreshold(10)).toBe(true);
    expect(isValidThreshold(7)).toBe(false);
    expect(isValidThreshold(0)).toBe(false);
    expect(isValidThreshold("10")).toBe(false);
  });
});

describe("residual rating against the inherent one", () => {
  const base = { likelihood: 4, impact: 3 };
  it("allows the same or lower on each axis", () => {
    expect(residualProblems({ ...base, residualLikelihood: 4, residualImpact: 3 })).toEqual([]);
    expect(residualProblems({ ...base, residualLikelihood: 1, residualImpact: 1 })).toEqual([]);
  });
  it("refuses a residual axis above the inherent one, even when the score is lower", () => {
    expect(residualProblems({ ...base, residualLikelihood: 5, residualImpact: 3 }).map((p) => p.field)).toEqual(["residualLikelihood"]);
    expect(residualProblems({ ...base, residualLikelihood: 1, residualImpact: 4 }).map((p) => p.field)).toEqual(["residualImpact"]);
    expect(residualProblems({ ...base, residualLikelihood: 5, residualImpact: 4 })).toHaveLength(2);
  });
});

describe("acceptance", () => {
  const manager = { id: 1, name: "佐藤 花子", role: "privacy_manager" };
  const open = { retiredAt: null, acceptedOn: null };

  it("records the manager, the date and the note", () => {
    expect(acceptResidual(open, manager, "  残存リスクは許容範囲  ", "2026-11-24")).toEqual({
      acceptedOn: "2026-11-24",
      acceptedBy: 1,
      acceptedByName: "佐藤 花子",
      acceptanceNote: "残存リスクは許容範囲",
    });
  });

  it("is the privacy manager's alone", () => {
    for (const role of ["hr", "auditor", "executive"]) {
      const e = (() => {
        try {
          acceptResidual(open, { ...manager, role }, "ok", "2026-11-24");
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(RiskRuleError);
      expect((e as RiskRuleError).kind).toBe("forbidden");
    }
  });

  it("refuses a retired risk, a second acceptance and an empty note", () => {
    expect(() => acceptResidual({ retiredAt: new Date(), acceptedOn: null }, manager, "ok", "2026-11-24")).toThrow("registerRisks.errors.retired");
    expect(() => acceptResidual({ retiredAt: null, acceptedOn: "2026-11-01" }, manager, "ok", "2026-11-24")).toThrow("registerRisks.errors.alreadyAccepted");
    expect(() => acceptResidual(open, manager, "   ", "2026-11-24")).toThrow("registerRisks.errors.noteRequired");
  });

  const accepted = { residualLikelihood: 2, residualImpact: 3, acceptedOn: "2026-11-01", acceptedBy: 1, acceptedByName: "佐藤 花子", acceptanceNote: "ok" };
  it("stands while the residual rating stands", () => {
    expect(acceptanceAfterEdit(accepted, { residualLikelihood: 2, residualImpact: 3 }).acceptedOn).toBe("2026-11-01");
  });
  it("is cleared by any change of the residual rating, lower as well as higher", () => {
    expect(acceptanceAfterEdit(accepted, { residualLikelihood: 1, residualImpact: 3 })).toEqual(NO_ACCEPTANCE);
    expect(acceptanceAfterEdit(accepted, { residualLikelihood: 2, residualImpact: 4 })).toEqual(NO_ACCEPTANCE);
    // Same score, other cell: still a different rating.
    expect(acceptanceAfterEdit(accepted, { residualLikelihood: 3, residualImpact: 2 })).toEqual(NO_ACCEPTANCE);
  });
});

describe("analysis review due", () => {
  it("is due on registration day when nothing was analysed yet", () => {
    expect(analysisReviewDue({ lastAnalysedOn: null, itemNextReviewDueOn: "2027-04-01", registeredOn: "2026-04-01", intervalMonths: 12 })).toBe("2026-04-01");
  });
  it("is the earlier of last analysis + interval and the item's next review", () => {
    expect(analysisReviewDue({ lastAnalysedOn: "2026-01-15", itemNextReviewDueOn: "2027-04-01", registeredOn: "2025-04-01", intervalMonths: 12 })).toBe("2027-01-15");
    expect(analysisReviewDue({ lastAnalysedOn: "2026-06-15", itemNextReviewDueOn: "2027-04-01", registeredOn: "2025-04-01", intervalMonths: 12 })).toBe("2027-04-01");
  });
  it("clamps to the month's end", () => {
    expect(analysisReviewDue({ lastAnalysedOn: "2024-02-29", itemNextReviewDueOn: "2030-01-01", registeredOn: "2024-01-01", intervalMonths: 12 })).toBe("2025-02-28");
  });
  it("is overdue the day after its due date, due soon within 30 days", () => {
    expect(analysisDueState("2026-11-24", "2026-11-24")).toBe("due_soon");
    expect(analysisDueState("2026-11-23", "2026-11-24")).toBe("overdue");
    expect(analysisDueState("2026-12-24", "2026-11-24")).toBe("due_soon");
    expect(analysisDueState("2026-12-25", "2026-11-24")).toBe("on_time");
  });
});
