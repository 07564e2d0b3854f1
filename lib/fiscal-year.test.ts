import { describe, expect, it } from "vitest";
import {
  DEFAULT_FY_START_MONTH,
  currentFiscalYear,
  fiscalYearLabel,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearRange,
} from "@/lib/fiscal-year";

describe("fiscalYearOf", () => {
  it("defaults to an April start", () => {
    expect(DEFAULT_FY_START_MONTH).toBe(4);
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
  });

  it("puts January–March in the previous FY", () => {
    expect(fiscalYearOf("2027-01-01", 4)).toBe(2026);
    expect(fiscalYearOf("2027-02-28", 4)).toBe(2026);
    expect(fiscalYearOf("2027-03-31", 4)).toBe(2026);
    expect(fiscalYearOf("2026-12-31", 4)).toBe(2026);
  });

  it("with start month 1 is the calendar year", () => {
    expect(fiscalYearOf("2026-01-01", 1)).toBe(2026);
    expect(fiscalYearOf("2026-12-31", 1)).toBe(2026);
    expect(fiscalYearOf("2025-12-31", 1)).toBe(2025);
  });

  it("with start month 10", () => {
    expect(fiscalYearOf("2026-09-30", 10)).toBe(2025);
    expect(fiscalYearOf("2026-10-01", 10)).toBe(2026);
    expect(fiscalYearOf("2027-09-30", 10)).toBe(2026);
  });

  it("with start month 12", () => {
    expect(fiscalYearOf("2026-11-30", 12)).toBe(2025);
    expect(fiscalYearOf("2026-12-01", 12)).toBe(2026);
  });

  it("rejects a bad start month or date", () => {
    expect(() => fiscalYearOf("2026-04-01", 0)).toThrow(RangeError);
    expect(() => fiscalYearOf("2026-04-01", 13)).toThrow(RangeError);
    expect(() => fiscalYearOf("2026-04-01", 4.5)).toThrow(RangeError);
    expect(() => fiscalYearOf("2026-02-30", 4)).toThrow(RangeError);
  });
});

describe("fiscalYearRange", () => {
  it("FY2026 with April is 2026-04-01 .. 2027-03-31", () => {
    expect(fiscalYearRange(2026)).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(fiscalYearRange(2026, 4)).toEqual({ start: "2026-04-01", end: "2027-03-31" });
  });

  it("start month 1 is the calendar year", () => {
    expect(fiscalYearRange(2026, 1)).toEqual({ start: "2026-01-01", end: "2026-12-31" });
  });

  it("start month 10", () => {
    expect(fiscalYearRange(2026, 10)).toEqual({ start: "2026-10-01", end: "2027-09-30" });
  });

  it("start month 3 ends on the leap day when there is one", () => {
    expect(fiscalYearRange(2027, 3)).toEqual({ start: "2027-03-01", end: "2028-02-29" });
    expect(fiscalYearRange(2026, 3)).toEqual({ start: "2026-03-01", end: "2027-02-28" });
  });

  it("is consistent with fiscalYearOf at both ends", () => {
    for (const sm of [1, 3, 4, 10, 12]) {
      const { start, end } = fiscalYearRange(2026, sm);
      expect(fiscalYearOf(start, sm)).toBe(2026);
      expect(fiscalYearOf(end, sm)).toBe(2026);
    }
  });
});

describe("fiscalYearMonths", () => {
  it("lists April to March", () => {
    expect(fiscalYearMonths(2026)).toEqual([
      "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
      "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
    ]);
  });

  it("lists the calendar year with start month 1", () => {
    const months = fiscalYearMonths(2026, 1);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2026-01");
    expect(months[11]).toBe("2026-12");
  });

  it("start month 10", () => {
    const months = fiscalYearMonths(2026, 10);
    expect(months[0]).toBe("2026-10");
    expect(months[3]).toBe("2027-01");
    expect(months[11]).toBe("2027-09");
  });
});

describe("fiscalYearLabel", () => {
  it("in Japanese and English", () => {
    expect(fiscalYearLabel(2026, "ja")).toBe("2026年度");
    expect(fiscalYearLabel(2026, "en")).toBe("FY2026");
  });
});

describe("currentFiscalYear", () => {
  it("is the FY of today", () => {
    expect(currentFiscalYear("2027-03-31")).toBe(2026);
    expect(currentFiscalYear("2027-04-01")).toBe(2027);
    expect(currentFiscalYear("2027-03-31", 1)).toBe(2027);
  });
});
