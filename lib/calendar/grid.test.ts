import { describe, expect, it } from "vitest";
import { addMonthKey, daysOf, fiscalYearAgenda, fiscalYearOfMonth, isMonthKey, monthGrid, monthGridRange, monthRange, weekday } from "./grid";
import { calendarSearchString, parseCalendarSearchParams, step } from "./view-params";

describe("month grid", () => {
  it("weekday: 2026-11-01 is a Sunday, 2026-11-24 a Tuesday", () => {
    expect(weekday("2026-11-01")).toBe(0);
    expect(weekday("2026-11-24")).toBe(2);
    expect(weekday("1969-12-31")).toBe(3);
  });

  it("a month starting on Sunday has no leading days (Nov 2026: 5 weeks)", () => {
    const g = monthGrid("2026-11");
    expect(g).toHaveLength(5);
    expect(g[0][0]).toEqual({ date: "2026-11-01", inMonth: true, weekday: 0 });
    expect(g[4][6]).toEqual({ date: "2026-12-05", inMonth: false, weekday: 6 });
  });

  it("February 2026 (starts Sunday, 28 days) is exactly 4 weeks; leap February 2032 (also from Sunday) needs 5", () => {
    expect(monthGrid("2026-02")).toHaveLength(4);
    expect(monthGridRange("2026-02")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(monthGrid("2032-02")[0][0].date).toBe("2032-02-01");
    expect(monthGrid("2032-02")).toHaveLength(5);
  });

  it("a 31-day month starting on Saturday needs 6 weeks (Aug 2026)", () => {
    const g = monthGrid("2026-08");
    expect(g).toHaveLength(6);
    expect(g[0][0].date).toBe("2026-07-26");
    expect(g[0][6]).toEqual({ date: "2026-08-01", inMonth: true, weekday: 6 });
    expect(g[5][6].date).toBe("2026-09-05");
  });

  it("year edges: December and January", () => {
    expect(monthRange("2026-12")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(addMonthKey("2026-12", 1)).toBe("2027-01");
    expect(addMonthKey("2027-01", -1)).toBe("2026-12");
    expect(monthGridRange("2027-01")).toEqual({ start: "2026-12-27", end: "2027-02-06" });
  });

  it("isMonthKey", () => {
    expect(isMonthKey("2026-11")).toBe(true);
    expect(isMonthKey("2026-13")).toBe(false);
    expect(isMonthKey("2026-1")).toBe(false);
    expect(isMonthKey(undefined)).toBe(false);
  });

  it("daysOf clips a multi-day event to the range", () => {
    expect(daysOf({ start: "2026-11-29", end: "2026-12-02" }, "2026-12-01", "2026-12-31")).toEqual(["2026-12-01", "2026-12-02"]);
    expect(daysOf({ start: "2026-11-29", end: "2026-11-30" }, "2026-12-01", "2026-12-31")).toEqual([]);
  });
});

describe("fiscal-year agenda", () => {
  it("start month 4: FY2026 = 2026-04-01..2027-03-31, twelve months April to March", () => {
    const a = fiscalYearAgenda(2026, 4);
    expect([a.start, a.end]).toEqual(["2026-04-01", "2027-03-31"]);
    expect(a.months).toHaveLength(12);
    expect(a.months[0]).toEqual({ month: "2026-04", start: "2026-04-01", end: "2026-04-30" });
    expect(a.months[10]).toEqual({ month: "2027-02", start: "2027-02-01", end: "2027-02-28" });
    expect(a.months[11].month).toBe("2027-03");
    expect(fiscalYearOfMonth("2027-03", 4)).toBe(2026);
    expect(fiscalYearOfMonth("2027-04", 4)).toBe(2027);
  });

  it("start month 1: the calendar year", () => {
    const a = fiscalYearAgenda(2027, 1);
    expect([a.start, a.end]).toEqual(["2027-01-01", "2027-12-31"]);
    expect(a.months.map((m) => m.month)[11]).toBe("2027-12");
    expect(fiscalYearOfMonth("2027-01", 1)).toBe(2027);
  });
});

describe("the page's URL state", () => {
  it("falls back to today's month and every type; round-trips", () => {
    const s = parseCalendarSearchParams({ month: "2026-13", types: "audit,nope,incident" }, "2026-11-24", 4);
    expect(s).toEqual({ view: "month", month: "2026-11", fy: 2026, types: ["audit", "incident"] });
    expect(calendarSearchString(s)).toBe("?view=month&month=2026-11&types=audit%2Cincident");
    expect(parseCalendarSearchParams({ view: "year" }, "2027-02-10", 4).fy).toBe(2026);
    expect(step({ view: "month", month: "2026-12", fy: 2026, types: [] }, 1).month).toBe("2027-01");
    expect(step({ view: "year", month: "2026-12", fy: 2026, types: [] }, -1).fy).toBe(2025);
  });
});
