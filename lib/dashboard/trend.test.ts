import { describe, expect, it } from "vitest";
import { trendDays } from "./trend";

describe("trendDays", () => {
  it("month ends so far, the running month on the as-of day", () => {
    expect(trendDays(2026, 4, "2026-06-15")).toEqual([
      { month: "2026-04", asOf: "2026-04-30" },
      { month: "2026-05", asOf: "2026-05-31" },
      { month: "2026-06", asOf: "2026-06-15" },
    ]);
  });
  it("the first day of the FY gives one point; a month end is taken once", () => {
    expect(trendDays(2026, 4, "2026-04-01")).toEqual([{ month: "2026-04", asOf: "2026-04-01" }]);
    expect(trendDays(2026, 4, "2026-05-31").map((d) => d.asOf)).toEqual(["2026-04-30", "2026-05-31"]);
  });
  it("a whole past FY: twelve month ends, February clamped", () => {
    const days = trendDays(2027, 4, "2028-03-31");
    expect(days).toHaveLength(12);
    expect(days[10]).toEqual({ month: "2028-02", asOf: "2028-02-29" });
  });
});
