import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  formatDate,
  formatDateTime,
  isDateString,
  maxDate,
  minDate,
  monthKey,
  todayInTokyo,
} from "@/lib/dates";

describe("todayInTokyo", () => {
  it("is the next day in Tokyo once UTC passes 15:00", () => {
    expect(todayInTokyo(new Date("2026-11-24T15:30:00Z"))).toBe("2026-11-25");
  });

  it("turns over exactly at Tokyo midnight (15:00Z)", () => {
    expect(todayInTokyo(new Date("2026-11-24T14:59:59.999Z"))).toBe("2026-11-24");
    expect(todayInTokyo(new Date("2026-11-24T15:00:00.000Z"))).toBe("2026-11-25");
  });

  it("crosses month and year ends", () => {
    expect(todayInTokyo(new Date("2026-03-31T15:00:00Z"))).toBe("2026-04-01");
    expect(todayInTokyo(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(todayInTokyo(new Date("2024-02-28T15:00:00Z"))).toBe("2024-02-29");
  });

  it("is the same date in the Tokyo morning", () => {
    expect(todayInTokyo(new Date("2026-06-10T00:00:00Z"))).toBe("2026-06-10");
  });

  it("defaults to now", () => {
    expect(todayInTokyo()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(todayInTokyo()).toBe(todayInTokyo(new Date()));
  });

  it("rejects an invalid Date", () => {
    expect(() => todayInTokyo(new Date("nope"))).toThrow(RangeError);
  });
});

describe("isDateString", () => {
  it("accepts real dates only", () => {
    expect(isDateString("2024-02-29")).toBe(true);
    expect(isDateString("2023-02-29")).toBe(false);
    expect(isDateString("2026-04-31")).toBe(false);
    expect(isDateString("2026-13-01")).toBe(false);
    expect(isDateString("2026-00-10")).toBe(false);
    expect(isDateString("2026-4-1")).toBe(false);
    expect(isDateString("2026/04/01")).toBe(false);
    expect(isDateString("2026-04-01T00:00:00Z")).toBe(false);
    expect(isDateString(null)).toBe(false);
  });
});

describe("addDays", () => {
  it("adds and subtracts across month, year and leap boundaries", () => {
    expect(addDays("2026-04-01", 30)).toBe("2026-05-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-02-29", 365)).toBe("2025-02-28");
    expect(addDays("2026-06-10", 0)).toBe("2026-06-10");
  });

  it("throws on an invalid date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("", 1)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("clamps to the month end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-08-31", -2)).toBe("2026-06-30");
  });

  it("takes a leap day to Feb 28 a year later, and back to Feb 29 four years later", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
  });

  it("crosses years both ways", () => {
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(addMonths("2026-04-01", 12)).toBe("2027-04-01");
    expect(addMonths("2026-04-01", 0)).toBe("2026-04-01");
  });
});

describe("daysBetween", () => {
  it("is to minus from", () => {
    expect(daysBetween("2026-04-01", "2026-05-01")).toBe(30);
    expect(daysBetween("2026-05-01", "2026-04-01")).toBe(-30);
    expect(daysBetween("2026-06-10", "2026-06-10")).toBe(0);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });
});

describe("formatDate", () => {
  it("writes a calendar date with slashes, as written", () => {
    expect(formatDate("2026-04-01")).toBe("2026/04/01");
  });

  it("converts a timestamp to Tokyo first", () => {
    expect(formatDate(new Date("2026-11-24T15:30:00Z"))).toBe("2026/11/25");
    expect(formatDate(new Date("2026-11-24T14:59:00Z"))).toBe("2026/11/24");
    expect(formatDate("2026-11-24T15:30:00.000Z")).toBe("2026/11/25");
    expect(formatDate("2026-11-25T00:10:00+09:00")).toBe("2026/11/25");
  });

  it("is empty for nothing or nonsense", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("")).toBe("");
    expect(formatDate("not a date")).toBe("");
    expect(formatDate(new Date("nope"))).toBe("");
  });
});

describe("formatDateTime", () => {
  it("shows the Tokyo wall clock", () => {
    expect(formatDateTime(new Date("2026-11-24T15:30:00Z"))).toBe("2026/11/25 00:30");
    expect(formatDateTime(new Date("2026-06-10T03:05:59Z"))).toBe("2026/06/10 12:05");
    expect(formatDateTime("2026-12-31T14:59:00Z")).toBe("2026/12/31 23:59");
    expect(formatDateTime("2026-12-31T15:00:00Z")).toBe("2027/01/01 00:00");
  });

  it("reads a bare calendar date as Tokyo midnight", () => {
    expect(formatDateTime("2026-04-01")).toBe("2026/04/01 00:00");
  });

  it("is empty for nothing or nonsense", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDateTime("garbage")).toBe("");
  });
});

describe("monthKey", () => {
  it("is YYYY-MM", () => {
    expect(monthKey("2026-04-30")).toBe("2026-04");
    expect(() => monthKey("2026-04")).toThrow(RangeError);
  });
});

describe("compareDates, maxDate, minDate", () => {
  it("compares like a sort comparator", () => {
    expect(compareDates("2026-04-01", "2026-03-31")).toBe(1);
    expect(compareDates("2026-03-31", "2026-04-01")).toBe(-1);
    expect(compareDates("2026-04-01", "2026-04-01")).toBe(0);
    expect(["2027-01-01", "2026-12-31", "2026-02-01"].sort(compareDates)).toEqual(["2026-02-01", "2026-12-31", "2027-01-01"]);
  });

  it("picks the latest / earliest, ignoring empties", () => {
    expect(maxDate("2026-04-01", null, "2026-12-01", undefined, "2025-01-01")).toBe("2026-12-01");
    expect(minDate("2026-04-01", null, "2026-12-01", undefined, "2025-01-01")).toBe("2025-01-01");
    expect(maxDate("2026-04-01")).toBe("2026-04-01");
    expect(maxDate(null, undefined, "")).toBeNull();
    expect(minDate()).toBeNull();
  });

  it("rejects invalid dates rather than comparing them as text", () => {
    expect(() => maxDate("2026-04-01", "2026/05/01")).toThrow(RangeError);
  });
});

/**
 * The integer day arithmetic of lib/dates.ts against the Date-based computation it replaced (what
 * JavaScript's Date says of the same days), over every day from 1890 to 2110 and a few in years < 100.
 */
describe("day arithmetic agrees with Date over three centuries", () => {
  const DAY = 86_400_000;
  const p2 = (n: number) => String(n).padStart(2, "0");
  const p4 = (n: number) => String(n).padStart(4, "0");
  const ref = {
    midnight(s: string): number {
      const [y, m, d] = s.split("-").map(Number);
      const dt = new Date(0);
      dt.setUTCFullYear(y, m - 1, d);
      return dt.getTime();
    },
    fromMs(ms: number): string {
      const dt = new Date(ms);
      return `${p4(dt.getUTCFullYear())}-${p2(dt.getUTCMonth() + 1)}-${p2(dt.getUTCDate())}`;
    },
    daysInMonth(y: number, m: number): number {
      const dt = new Date(0);
      dt.setUTCFullYear(y, m, 0);
      return dt.getUTCDate();
    },
    addMonths(s: string, n: number): string {
      const [y, m, d] = s.split("-").map(Number);
      const total = y * 12 + (m - 1) + n;
      const ny = Math.floor(total / 12);
      const nm = total - ny * 12 + 1;
      return `${p4(ny)}-${p2(nm)}-${p2(Math.min(d, ref.daysInMonth(ny, nm)))}`;
    },
  };
  function* days(from: string, to: string): Generator<string> {
    for (let ms = ref.midnight(from); ms <= ref.midnight(to); ms += DAY) yield ref.fromMs(ms);
  }
  const ranges: [string, string][] = [
    ["1890-01-01", "2110-12-31"],
    ["0001-01-01", "0001-03-31"],
    ["0099-12-01", "0100-03-31"],
  ];

  it("addDays, daysBetween, addMonths and formatDate give Date's answers for every day", () => {
    // Plain comparisons, the differences collected: one expect per case would take minutes.
    const wrong: string[] = [];
    const check = (what: string, got: unknown, want: unknown) => {
      if (got !== want && wrong.length < 20) wrong.push(`${what}: ${String(got)}, Date says ${String(want)}`);
    };
    let checked = 0;
    for (const [from, to] of ranges) {
      for (const s of days(from, to)) {
        const ms = ref.midnight(s);
        for (const n of [1, -1, 30, -30, 400, -400]) check(`${s} + ${n} days`, addDays(s, n), ref.fromMs(ms + n * DAY));
        check(`${from} → ${s}`, daysBetween(from, s), Math.round((ms - ref.midnight(from)) / DAY));
        for (const n of [1, -1, 13, -25]) check(`${s} + ${n} months`, addMonths(s, n), ref.addMonths(s, n));
        check(`formatDate(${s})`, formatDate(s), s.replaceAll("-", "/"));
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(80_000);
  });

  it("isDateString accepts exactly the days Date has, in every month of 1890–2110", () => {
    for (let y = 1890; y <= 2110; y++) {
      for (let m = 1; m <= 12; m++) {
        const last = ref.daysInMonth(y, m);
        for (let d = 28; d <= 31; d++) expect(isDateString(`${p4(y)}-${p2(m)}-${p2(d)}`), `${y}-${m}-${d}`).toBe(d <= last);
      }
    }
    expect(isDateString("2026-00-10")).toBe(false);
    expect(isDateString("2026-13-01")).toBe(false);
    expect(isDateString("2026-01-00")).toBe(false);
  });
});
