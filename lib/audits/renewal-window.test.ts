import { describe, expect, it } from "vitest";
import { renewalWindow, renewalWindowDates } from "./renewal-window";

describe("renewalWindow (JIPDEC: from the day after 8 months before expiry through 4 months before, last day off closed days)", () => {
  it("JIPDEC's own example: expiry 2024-12-01 → 2024-04-02 to 2024-08-01", () => {
    expect(renewalWindowDates("2024-12-01")).toEqual({ opensOn: "2024-04-02", closesOn: "2024-08-01" });
    expect(renewalWindow("2024-12-01", "2024-04-01").state).toBe("before_window");
    expect(renewalWindow("2024-12-01", "2024-04-02").state).toBe("window_open");
    expect(renewalWindow("2024-12-01", "2024-08-01").state).toBe("window_open");
    expect(renewalWindow("2024-12-01", "2024-08-02").state).toBe("window_closed_not_expired");
  });

  it("JIPDEC's second example: a last day of Saturday 2024-09-14, Monday the 16th a holiday → Tuesday 2024-09-17", () => {
    const w = renewalWindow("2025-01-14", "2024-09-16");
    expect(w.closesOn).toBe("2024-09-17");
    expect(w.state).toBe("window_open");
    expect(w.daysLeft).toBe(1);
    expect(renewalWindow("2025-01-14", "2024-09-17").state).toBe("window_open");
    expect(renewalWindow("2025-01-14", "2024-09-18").state).toBe("window_closed_not_expired");
    // The opening does not move: 8 months before is 2024-05-14, the window opens the 15th.
    expect(w.opensOn).toBe("2024-05-15");
  });

  it("moves a last day on a Sunday to Monday, and past a substitute holiday (振替休日)", () => {
    expect(renewalWindowDates("2026-01-15").closesOn).toBe("2025-09-16"); // Mon 15 Sep 2025 is 敬老の日
    expect(renewalWindowDates("2025-10-14").closesOn).toBe("2025-06-16"); // Sat 14 June → Mon 16
    // Sun 2024-11-03 文化の日, Mon 11-04 its substitute holiday → Tue 11-05.
    expect(renewalWindowDates("2025-03-03").closesOn).toBe("2024-11-05");
  });

  it("moves a last day in Golden Week to the first business day after it", () => {
    // 2027-05-01 Sat, 05-02 Sun, 05-03..05 holidays → Thu 2027-05-06.
    const w = renewalWindow("2027-09-01", "2027-05-05");
    expect(w.opensOn).toBe("2027-01-02");
    expect(w.closesOn).toBe("2027-05-06");
    expect(w.state).toBe("window_open");
  });

  it("moves a last day on New Year's Day (a holiday) but not over the year-end days that are no holiday", () => {
    // 2027-01-01 is a Friday and 元日 → Mon 2027-01-04.
    expect(renewalWindowDates("2027-05-01").closesOn).toBe("2027-01-04");
    // 2026-12-29 is a Tuesday: not a national holiday, the last day stays (an office's year-end closing is not assumed).
    expect(renewalWindowDates("2027-04-29").closesOn).toBe("2026-12-29");
  });

  it("opens the day after the date 8 months before, not on it", () => {
    expect(renewalWindow("2027-06-15", "2026-10-15").state).toBe("before_window");
    expect(renewalWindow("2027-06-15", "2026-10-15").daysUntilOpens).toBe(1);
    const open = renewalWindow("2027-06-15", "2026-10-16");
    expect(open.state).toBe("window_open");
    expect(open.daysLeft).toBe(122); // to Monday 2027-02-15
    expect(open.progress).toBe(0);
  });

  it("closes on the date 4 months before expiry when that is a business day (open that day, closed the next)", () => {
    const last = renewalWindow("2027-06-15", "2027-02-15");
    expect(last.state).toBe("window_open");
    expect(last.daysLeft).toBe(0);
    expect(last.progress).toBe(1);
    const after = renewalWindow("2027-06-15", "2027-02-16");
    expect(after.state).toBe("window_closed_not_expired");
    expect(after.daysLeft).toBe(119); // to 2027-06-15
  });

  it("is expired the day after the valid-to date, not on it", () => {
    expect(renewalWindow("2027-06-15", "2027-06-15").state).toBe("window_closed_not_expired");
    expect(renewalWindow("2027-06-15", "2027-06-15").daysLeft).toBe(0);
    const exp = renewalWindow("2027-06-15", "2027-06-20");
    expect(exp.state).toBe("expired");
    expect(exp.daysLeft).toBe(5);
    expect(exp.daysUntilExpiry).toBe(-5);
  });

  it("month ends: the date N months before is the month's last day when the month has no such day", () => {
    // 8 months before 2027-08-31 is 2026-12-31 → opens 2027-01-01 (the next year); 4 months before is Fri 2027-04-30.
    expect(renewalWindowDates("2027-08-31")).toEqual({ opensOn: "2027-01-01", closesOn: "2027-04-30" });
    // 8 months before 2027-10-31 is 2027-02-28 (no 31 February) → opens 2027-03-01; 4 months before is Wed 2027-06-30.
    expect(renewalWindowDates("2027-10-31")).toEqual({ opensOn: "2027-03-01", closesOn: "2027-06-30" });
    // In a leap year: 8 months before 2028-10-31 is 2028-02-29 → opens 2028-03-01.
    expect(renewalWindowDates("2028-10-31").opensOn).toBe("2028-03-01");
    // 4 months before 2027-06-30 is Sun 2027-02-28 → Mon 2027-03-01.
    expect(renewalWindowDates("2027-06-30").closesOn).toBe("2027-03-01");
  });

  it("the leap day: expiry 2028-02-29 opens 2027-06-30 and closes Fri 2027-10-29", () => {
    const w = renewalWindow("2028-02-29", "2027-06-30");
    expect(w.opensOn).toBe("2027-06-30");
    expect(w.closesOn).toBe("2027-10-29");
    expect(w.state).toBe("window_open");
  });

  it("reports progress half way through", () => {
    const w = renewalWindow("2027-09-01", "2026-11-01"); // opens 2027-01-02 → before
    expect(w.state).toBe("before_window");
    const mid = renewalWindow("2027-09-01", "2027-03-05"); // 2027-01-02 .. 2027-05-06 (124 days), 62 in
    expect(mid.state).toBe("window_open");
    expect(mid.progress).toBe(0.5);
  });

});
