import { describe, expect, it } from "vitest";
import { HOLIDAY_YEARS, isClosedDay, isWeekend, japaneseHoliday, onOrNextBusinessDay } from "./business-days";

describe("Japanese holidays and business days", () => {
  it("knows the fixed, Happy-Monday and equinox holidays", () => {
    expect(japaneseHoliday("2024-09-16")).toBe("敬老の日");
    expect(japaneseHoliday("2024-09-22")).toBe("秋分の日");
    expect(japaneseHoliday("2026-01-01")).toBe("元日");
    expect(japaneseHoliday("2024-09-17")).toBeNull();
  });

  it("knows substitute holidays (振替休日) and the citizens' holiday (国民の休日)", () => {
    expect(japaneseHoliday("2024-09-23")).toBe("秋分の日 振替休日");
    expect(japaneseHoliday("2024-11-04")).toBe("文化の日 振替休日");
    expect(japaneseHoliday("2026-09-22")).toBe("休日"); // between 敬老の日 (21st) and 秋分の日 (23rd)
  });

  it("covers the years a certificate can run to (through at least 2035)", () => {
    expect(HOLIDAY_YEARS.first).toBeLessThanOrEqual(2000);
    expect(HOLIDAY_YEARS.last).toBeGreaterThanOrEqual(2035);
    expect(japaneseHoliday("2030-01-01")).toBe("元日");
    expect(japaneseHoliday("2035-05-03")).toBe("憲法記念日");
  });

  it("weekends by the date's own weekday", () => {
    expect(isWeekend("2024-09-14")).toBe(true); // Saturday
    expect(isWeekend("2024-09-15")).toBe(true); // Sunday
    expect(isWeekend("2024-09-13")).toBe(false);
    expect(isClosedDay("2024-09-16")).toBe(true);
    expect(isClosedDay("2024-12-30")).toBe(false); // year-end days are no national holiday
  });

  it("moves to the next business day over weekends, holidays and substitute holidays", () => {
    expect(onOrNextBusinessDay("2024-09-17")).toBe("2024-09-17");
    expect(onOrNextBusinessDay("2024-09-14")).toBe("2024-09-17");
    expect(onOrNextBusinessDay("2024-11-02")).toBe("2024-11-05");
    expect(onOrNextBusinessDay("2026-05-02")).toBe("2026-05-07"); // Golden Week: Sat 2 .. Wed 6 (substitute for Sun 3)
    expect(onOrNextBusinessDay("2027-12-31")).toBe("2027-12-31"); // a Friday, no holiday
    expect(onOrNextBusinessDay("2028-01-01")).toBe("2028-01-03"); // 元日 on a Saturday (no substitute), Sunday → Monday
  });

  it("refuses what is not a date", () => {
    expect(() => isClosedDay("2026-02-30")).toThrow(RangeError);
  });
});
