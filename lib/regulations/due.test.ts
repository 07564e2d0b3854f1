import { describe, expect, it } from "vitest";
import {
  applyApproval,
  dueSoonLimit,
  dueState,
  dueTimeline,
  isAppointmentActive,
  nextReviewDue,
  nextVersionNumber,
  ReviewRuleError,
  type RegisterFacts,
} from "./due";

const inForce = (over: Partial<RegisterFacts> = {}): RegisterFacts => ({
  status: "in_force",
  effectiveDate: "2025-04-01",
  lastReviewedOn: null,
  reviewIntervalMonths: 12,
  currentVersion: 3,
  ...over,
});

describe("nextReviewDue", () => {
  it("is the effective date + 12 months when never reviewed", () => {
    expect(nextReviewDue(inForce())).toBe("2026-04-01");
  });
  it("counts from the last review when there is one", () => {
    expect(nextReviewDue(inForce({ lastReviewedOn: "2025-10-15" }))).toBe("2026-10-15");
  });
  it("uses 12 months when the interval is missing", () => {
    expect(nextReviewDue(inForce({ reviewIntervalMonths: null }))).toBe("2026-04-01");
  });
  it("clamps to the month's end: 31 Jan + 1 month is 28 Feb, or 29 Feb in a leap year", () => {
    expect(nextReviewDue(inForce({ effectiveDate: "2026-01-31", reviewIntervalMonths: 1 }))).toBe("2026-02-28");
    expect(nextReviewDue(inForce({ effectiveDate: "2028-01-31", reviewIntervalMonths: 1 }))).toBe("2028-02-29");
    expect(nextReviewDue(inForce({ effectiveDate: "2024-02-29", reviewIntervalMonths: 12 }))).toBe("2025-02-28");
    expect(nextReviewDue(inForce({ effectiveDate: "2026-08-31", reviewIntervalMonths: 6 }))).toBe("2027-02-28");
    expect(nextReviewDue(inForce({ effectiveDate: "2026-03-31", reviewIntervalMonths: 1 }))).toBe("2026-04-30");
  });
  it("crosses years with long intervals", () => {
    expect(nextReviewDue(inForce({ effectiveDate: "2025-11-30", reviewIntervalMonths: 36 }))).toBe("2028-11-30");
    expect(nextReviewDue(inForce({ effectiveDate: "2025-12-15", reviewIntervalMonths: 1 }))).toBe("2026-01-15");
  });
  it("has no due date unless in force", () => {
    expect(nextReviewDue(inForce({ status: "draft" }))).toBeNull();
    expect(nextReviewDue(inForce({ status: "retired" }))).toBeNull();
  });
});

describe("dueState", () => {
  const today = "2026-11-24";
  it("is overdue from the day after the due date", () => {
    expect(dueState("2026-11-23", today)).toBe("overdue");
    expect(dueState("2025-01-01", today)).toBe("overdue");
  });
  it("is due soon from today to 30 days ahead, both ends included", () => {
    expect(dueState("2026-11-24", today)).toBe("due_soon");
    expect(dueState("2026-12-24", today)).toBe("due_soon");
    expect(dueSoonLimit(today)).toBe("2026-12-24");
  });
  it("is on time from day 31", () => {
    expect(dueState("2026-12-25", today)).toBe("on_time");
  });
  it("is none without a due date (draft, retired)", () => {
    expect(dueState(null, today)).toBe("none");
  });
});

describe("nextVersionNumber", () => {
  it("starts at 1 and follows the highest version so far", () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([1, 2, 3])).toBe(4);
    expect(nextVersionNumber([5, 2])).toBe(6);
  });
});

describe("applyApproval", () => {
  const review = { state: "draft" as const, reviewedOn: "2026-11-10", proposedVersion: null, proposedEffectiveDate: null };

  it("no change: keeps the version and moves the due date a full interval from the review date", () => {
    const e = applyApproval(inForce(), { ...review, outcome: "no_change" }, "2026-11-20");
    expect(e).toEqual({
      status: "in_force",
      currentVersion: 3,
      effectiveDate: "2025-04-01",
      lastReviewedOn: "2026-11-10",
      nextReviewDue: "2027-11-10",
      newVersion: null,
    });
  });

  it("revised: the proposed version becomes current from the approval date by default", () => {
    const e = applyApproval(inForce(), { ...review, outcome: "revised", proposedVersion: 4 }, "2026-11-20");
    expect(e.currentVersion).toBe(4);
    expect(e.effectiveDate).toBe("2026-11-20");
    expect(e.newVersion).toEqual({ versionNumber: 4, effectiveDate: "2026-11-20" });
    expect(e.nextReviewDue).toBe("2027-11-10");
  });

  it("revised: honours a later effective date and a 6-month interval with month-end clamping", () => {
    const e = applyApproval(
      inForce({ reviewIntervalMonths: 6 }),
      { ...review, reviewedOn: "2026-08-31", outcome: "revised", proposedVersion: 4, proposedEffectiveDate: "2026-10-01" },
      "2026-09-05",
    );
    expect(e.effectiveDate).toBe("2026-10-01");
    expect(e.nextReviewDue).toBe("2027-02-28");
  });

  it("revised without a proposed version bumps current + 1; a draft comes into force as version 1", () => {
    expect(applyApproval(inForce(), { ...review, outcome: "revised" }, "2026-11-20").currentVersion).toBe(4);
    const d = applyApproval(inForce({ status: "draft", currentVersion: null }), { ...review, outcome: "revised" }, "2026-11-20");
    expect(d).toMatchObject({ status: "in_force", currentVersion: 1, newVersion: { versionNumber: 1 } });
  });

  it("retired: the regulation is retired and has no due date", () => {
    const e = applyApproval(inForce(), { ...review, outcome: "retired" }, "2026-11-20");
    expect(e).toMatchObject({ status: "retired", currentVersion: 3, nextReviewDue: null });
  });

  it("refuses an approved review, a retired regulation, an old version and 'no change' on a draft", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ReviewRuleError ? e.messageKey : String(e);
      }
      return "no error";
    };
    expect(err(() => applyApproval(inForce(), { ...review, state: "approved", outcome: "no_change" }, "2026-11-20"))).toBe(
      "regulations.errors.alreadyApproved",
    );
    expect(err(() => applyApproval(inForce({ status: "retired" }), { ...review, outcome: "no_change" }, "2026-11-20"))).toBe(
      "regulations.errors.regulationRetired",
    );
    expect(err(() => applyApproval(inForce(), { ...review, outcome: "revised", proposedVersion: 3 }, "2026-11-20"))).toBe(
      "regulations.errors.versionNotNewer",
    );
    expect(err(() => applyApproval(inForce({ status: "draft", currentVersion: null }), { ...review, outcome: "no_change" }, "2026-11-20"))).toBe(
      "regulations.errors.draftNeedsRevision",
    );
  });
});

describe("isAppointmentActive", () => {
  it("covers from and to inclusive; open-ended terms stay active", () => {
    expect(isAppointmentActive({ fromDate: "2026-04-01", toDate: null }, "2026-04-01")).toBe(true);
    expect(isAppointmentActive({ fromDate: "2026-04-02", toDate: null }, "2026-04-01")).toBe(false);
    expect(isAppointmentActive({ fromDate: "2025-04-01", toDate: "2026-03-31" }, "2026-03-31")).toBe(true);
    expect(isAppointmentActive({ fromDate: "2025-04-01", toDate: "2026-03-31" }, "2026-04-01")).toBe(false);
    expect(isAppointmentActive({ fromDate: "2025-04-01", toDate: null, retiredAt: new Date() }, "2026-04-01")).toBe(false);
  });
});

describe("dueTimeline", () => {
  it("counts dues per month of the fiscal year by state, ignoring other months and nulls", () => {
    const months = ["2026-11", "2026-12", "2027-01"];
    const t = dueTimeline(
      months,
      [
        { nextReviewDue: "2026-11-01" },
        { nextReviewDue: "2026-11-30" },
        { nextReviewDue: "2026-12-24" },
        { nextReviewDue: "2026-12-25" },
        { nextReviewDue: "2027-05-01" },
        { nextReviewDue: null },
      ],
      "2026-11-24",
    );
    expect(t).toEqual([
      { month: "2026-11", overdue: 1, dueSoon: 1, onTime: 0, total: 2 },
      { month: "2026-12", overdue: 0, dueSoon: 1, onTime: 1, total: 2 },
      { month: "2027-01", overdue: 0, dueSoon: 0, onTime: 0, total: 0 },
    ]);
  });
});
