import { describe, expect, it } from "vitest";
import { todayInTokyo } from "@/lib/dates";
import { isRegisterReviewOverdue, lastReviewAfter, nextRegisterReviewDue, registerDueState, reviewDateProblem } from "./review";

describe("nextRegisterReviewDue", () => {
  it("counts from the last review, or from registration when never reviewed", () => {
    expect(nextRegisterReviewDue({ lastReviewedOn: "2026-04-10", registeredOn: "2025-01-01" })).toBe("2027-04-10");
    expect(nextRegisterReviewDue({ lastReviewedOn: null, registeredOn: "2025-01-01" })).toBe("2026-01-01");
  });
  it("takes the item's interval and clamps to the month's end", () => {
    expect(nextRegisterReviewDue({ lastReviewedOn: "2026-01-31", registeredOn: "2025-01-01", reviewIntervalMonths: 1 })).toBe("2026-02-28");
    expect(nextRegisterReviewDue({ lastReviewedOn: "2024-02-29", registeredOn: "2024-01-01", reviewIntervalMonths: 12 })).toBe("2025-02-28");
    expect(nextRegisterReviewDue({ lastReviewedOn: null, registeredOn: "2026-08-31", reviewIntervalMonths: 6 })).toBe("2027-02-28");
  });
  it("refuses an interval longer than a year (the standard asks for yearly) or below a month", () => {
    expect(() => nextRegisterReviewDue({ lastReviewedOn: null, registeredOn: "2026-01-01", reviewIntervalMonths: 13 })).toThrow(RangeError);
    expect(() => nextRegisterReviewDue({ lastReviewedOn: null, registeredOn: "2026-01-01", reviewIntervalMonths: 0 })).toThrow(RangeError);
  });
});

describe("overdue at the Tokyo date's edges", () => {
  it("is on time on the due date and overdue from the next day", () => {
    expect(isRegisterReviewOverdue("2026-11-24", "2026-11-24")).toBe(false);
    expect(isRegisterReviewOverdue("2026-11-24", "2026-11-25")).toBe(true);
    expect(isRegisterReviewOverdue("2026-11-24", "2026-11-23")).toBe(false);
  });
  it("turns overdue at midnight in Tokyo, not at midnight UTC", () => {
    // 2026-11-24T14:59Z is 23:59 on the 24th in Tokyo; a minute later it is the 25th there (still the 24th in UTC).
    expect(isRegisterReviewOverdue("2026-11-24", todayInTokyo(new Date("2026-11-24T14:59:00Z")))).toBe(false);
    expect(isRegisterReviewOverdue("2026-11-24", todayInTokyo(new Date("2026-11-24T15:00:00Z")))).toBe(true);
    // 2026-11-24T16:00Z is already the 25th in Tokyo: a review due on the 25th is not overdue yet.
    expect(isRegisterReviewOverdue("2026-11-25", todayInTokyo(new Date("2026-11-25T14:59:59Z")))).toBe(false);
  });
  it("never calls a retired item overdue", () => {
    expect(isRegisterReviewOverdue("2020-01-01", "2026-11-24", true)).toBe(false);
    expect(registerDueState("2020-01-01", "2026-11-24", true)).toBe("none");
  });
  it("is due soon from 30 days before, today included", () => {
    expect(registerDueState("2026-12-24", "2026-11-24")).toBe("due_soon");
    expect(registerDueState("2026-12-25", "2026-11-24")).toBe("on_time");
    expect(registerDueState("2026-11-24", "2026-11-24")).toBe("due_soon");
    expect(registerDueState("2026-11-23", "2026-11-24")).toBe("overdue");
  });
});

describe("reviews", () => {
  it("a late-entered review does not move the last review date back", () => {
    expect(lastReviewAfter("2026-10-01", "2026-09-01")).toBe("2026-10-01");
    expect(lastReviewAfter("2026-10-01", "2026-10-02")).toBe("2026-10-02");
    expect(lastReviewAfter(null, "2026-10-02")).toBe("2026-10-02");
  });
  it("refuses a review dated after today", () => {
    expect(reviewDateProblem("2026-11-24", "2026-11-24")).toBeNull();
    expect(reviewDateProblem("2026-11-25", "2026-11-24")).toBe("register.errors.reviewInFuture");
  });
});
