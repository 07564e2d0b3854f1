import { describe, expect, it } from "vitest";
import { checkScores, resultFor, weightedTotal } from "./scoring";

const criteria = [
  { key: "org", weight: 2 },
  { key: "tech", weight: 3 },
  { key: "sub", weight: 1 },
];
const t = { approvedMin: 80, conditionalMin: 60 };

describe("weightedTotal", () => {
  it("weights each score: (5×2 + 4×3 + 3×1) / (5×6) = 25/30 = 83.3 %", () => {
    expect(weightedTotal(criteria, [{ key: "org", score: 5 }, { key: "tech", score: 4 }, { key: "sub", score: 3 }], 5)).toBe(83.3);
  });
  it("all top scores: 100; all zero: 0", () => {
    expect(weightedTotal(criteria, criteria.map((c) => ({ key: c.key, score: 5 })), 5)).toBe(100);
    expect(weightedTotal(criteria, criteria.map((c) => ({ key: c.key, score: 0 })), 5)).toBe(0);
  });
  it("exactly 80.0 stays 80 (no floating drift)", () => {
    expect(weightedTotal(criteria, criteria.map((c) => ({ key: c.key, score: 4 })), 5)).toBe(80);
  });
  it("null while a criterion is unscored", () => {
    expect(weightedTotal(criteria, [{ key: "org", score: 5 }], 5)).toBeNull();
    expect(weightedTotal(criteria, [{ key: "org", score: 5 }, { key: "tech", score: null }, { key: "sub", score: 1 }], 5)).toBeNull();
  });
  it("rounds to one decimal: 2/3 → 66.7", () => {
    expect(weightedTotal([{ key: "a", weight: 1 }], [{ key: "a", score: 2 }], 3)).toBe(66.7);
  });
});

describe("resultFor", () => {
  it("exactly at the approved threshold is approved; just below is conditional", () => {
    expect(resultFor(80, t)).toBe("approved");
    expect(resultFor(79.9, t)).toBe("conditional");
  });
  it("exactly at the conditional threshold is conditional; just below is rejected", () => {
    expect(resultFor(60, t)).toBe("conditional");
    expect(resultFor(59.9, t)).toBe("rejected");
  });
  it("0 and 100", () => {
    expect(resultFor(0, t)).toBe("rejected");
    expect(resultFor(100, t)).toBe("approved");
  });
});

describe("checkScores", () => {
  it("accepts one whole score per criterion within 0..max", () => {
    expect(checkScores(criteria, [{ key: "org", score: 0 }, { key: "tech", score: 5 }, { key: "sub", score: 3 }], 5)).toEqual([]);
  });
  it("names missing, unknown, duplicate and out-of-range scores", () => {
    const issues = checkScores(
      criteria,
      [
        { key: "org", score: 6 },
        { key: "org", score: 1 },
        { key: "xyz", score: 1 },
        { key: "tech", score: 2.5 },
      ],
      5,
    );
    expect(issues).toEqual([
      { field: "scores.0.score", code: "range", key: "org" },
      { field: "scores.1.key", code: "duplicate", key: "org" },
      { field: "scores.2.key", code: "unknown", key: "xyz" },
      { field: "scores.3.score", code: "range", key: "tech" },
      { field: "scores.sub", code: "missing", key: "sub" },
    ]);
  });
});
