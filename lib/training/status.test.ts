import { describe, expect, it } from "vitest";
import {
  DUE_SOON_DAYS,
  TRAINING_STATUSES,
  completionRate,
  computeTrainingStatus,
  isActiveOn,
  isPassing,
  isRequired,
  lastPassedOnAsOf,
  statusAsOfForFiscalYear,
  type CourseRule,
  type EmployeeFacts,
} from "@/lib/training/status";

const course = (over: Partial<CourseRule> = {}): CourseRule => ({
  id: 1,
  audienceAll: true,
  audienceDepartmentIds: [],
  audienceEmploymentTypes: [],
  recurrenceMonths: 12,
  newHireDueDays: 30,
  passMark: 80,
  requiredFrom: "2020-04-01",
  retiredAt: null,
  ...over,
});

const employee = (over: Partial<EmployeeFacts> = {}): EmployeeFacts => ({
  id: 10,
  departmentId: 2,
  employmentType: "正社員",
  hireDate: "2018-04-01",
  leaveDate: null,
  exemptionReason: null,
  retiredAt: null,
  ...over,
});

const status = (args: { course?: Partial<CourseRule>; employee?: Partial<EmployeeFacts>; lastPassedOn: string | null; asOf: string }) =>
  computeTrainingStatus({ course: course(args.course), employee: employee(args.employee), lastPassedOn: args.lastPassedOn, asOf: args.asOf });

describe("constants", () => {
  it("lists the four statuses and the 30-day window", () => {
    expect(TRAINING_STATUSES).toEqual(["compliant", "due_soon", "overdue", "exempt"]);
    expect(DUE_SOON_DAYS).toBe(30);
  });
});

describe("isActiveOn", () => {
  it("is active from the hire date on", () => {
    const e = employee({ hireDate: "2026-04-01" });
    expect(isActiveOn(e, "2026-03-31")).toBe(false);
    expect(isActiveOn(e, "2026-04-01")).toBe(true);
    expect(isActiveOn(e, "2030-01-01")).toBe(true);
  });

  it("is active up to and including the leave date (退職日 is the last day employed)", () => {
    const e = employee({ hireDate: "2020-04-01", leaveDate: "2026-06-30" });
    expect(isActiveOn(e, "2026-06-29")).toBe(true);
    expect(isActiveOn(e, "2026-06-30")).toBe(true);
    expect(isActiveOn(e, "2026-07-01")).toBe(false);
  });

  it("is never active once the record is retired", () => {
    expect(isActiveOn(employee({ retiredAt: new Date("2026-01-01T00:00:00Z") }), "2025-06-01")).toBe(false);
    expect(isActiveOn(employee({ retiredAt: undefined }), "2025-06-01")).toBe(true);
  });

  it("counts someone on leave as active (exempt is a status, not an absence)", () => {
    expect(isActiveOn(employee({ exemptionReason: "育児休業" }), "2026-06-01")).toBe(true);
  });
});

describe("isRequired", () => {
  const sales = employee({ departmentId: 5, employmentType: "派遣" });

  it("audience all covers everyone, dispatched staff included", () => {
    expect(isRequired(course({ audienceAll: true }), sales)).toBe(true);
  });

  it("matches the department list", () => {
    const c = course({ audienceAll: false, audienceDepartmentIds: [3, 5] });
    expect(isRequired(c, sales)).toBe(true);
    expect(isRequired(c, employee({ departmentId: 4, employmentType: "派遣" }))).toBe(false);
  });

  it("matches the employment type list", () => {
    const c = course({ audienceAll: false, audienceEmploymentTypes: ["派遣", "パート・アルバイト"] });
    expect(isRequired(c, sales)).toBe(true);
    expect(isRequired(c, employee({ departmentId: 5, employmentType: "正社員" }))).toBe(false);
  });

  it("with both lists, both must match (department AND employment type)", () => {
    const c = course({ audienceAll: false, audienceDepartmentIds: [9], audienceEmploymentTypes: ["役員"] });
    expect(isRequired(c, employee({ departmentId: 9, employmentType: "役員" }))).toBe(true);
    expect(isRequired(c, employee({ departmentId: 9, employmentType: "正社員" }))).toBe(false);
    expect(isRequired(c, employee({ departmentId: 1, employmentType: "役員" }))).toBe(false);
  });

  it("an empty audience requires nobody", () => {
    expect(isRequired(course({ audienceAll: false }), sales)).toBe(false);
  });

  it("a retired course is required of nobody", () => {
    expect(isRequired(course({ audienceAll: true, retiredAt: new Date("2026-01-01T00:00:00Z") }), sales)).toBe(false);
  });
});

describe("isPassing", () => {
  it("passes anything when there is no pass mark", () => {
    expect(isPassing(null, null)).toBe(true);
    expect(isPassing(0, null)).toBe(true);
  });

  it("needs a score at or above the mark", () => {
    expect(isPassing(80, 80)).toBe(true);
    expect(isPassing(100, 80)).toBe(true);
    expect(isPassing(79, 80)).toBe(false);
    expect(isPassing(79.9, 80)).toBe(false);
    expect(isPassing(null, 80)).toBe(false);
    expect(isPassing(0, 0)).toBe(true);
  });
});

describe("lastPassedOnAsOf", () => {
  const records = [
    { completedOn: "2025-05-01", passed: true },
    { completedOn: "2026-05-01", passed: false },
    { completedOn: "2026-03-01", passed: true },
    { completedOn: "2026-07-01", passed: true },
  ];

  it("takes the latest passing record on or before asOf", () => {
    expect(lastPassedOnAsOf(records, "2026-06-30")).toBe("2026-03-01");
    expect(lastPassedOnAsOf(records, "2026-07-01")).toBe("2026-07-01");
    expect(lastPassedOnAsOf(records, "2025-04-30")).toBeNull();
    expect(lastPassedOnAsOf([], "2026-01-01")).toBeNull();
  });

  it("ignores failing records, so a failed retake does not count", () => {
    expect(lastPassedOnAsOf([{ completedOn: "2026-05-01", passed: isPassing(60, 80) }], "2026-06-01")).toBeNull();
  });
});

describe("computeTrainingStatus — exempt", () => {
  it("exempt wins over an overdue state", () => {
    const r = status({ employee: { exemptionReason: "育児休業" }, lastPassedOn: null, asOf: "2026-06-01" });
    expect(r).toEqual({ status: "exempt", lastCompletedOn: null, validUntil: null, dueOn: null, daysLeft: null, exemptionReason: "育児休業" });
  });

  it("exempt wins over a valid record, keeping the record's facts", () => {
    const r = status({ employee: { exemptionReason: "休職" }, lastPassedOn: "2026-01-10", asOf: "2026-06-01" });
    expect(r.status).toBe("exempt");
    expect(r.lastCompletedOn).toBe("2026-01-10");
    expect(r.validUntil).toBe("2027-01-10");
    expect(r.dueOn).toBeNull();
  });

  it("a blank reason is not an exemption", () => {
    expect(status({ employee: { exemptionReason: "  " }, lastPassedOn: null, asOf: "2026-06-01" }).status).toBe("overdue");
    expect(status({ employee: { exemptionReason: "" }, lastPassedOn: null, asOf: "2026-06-01" }).status).toBe("overdue");
  });
});

describe("computeTrainingStatus — with a passing record (12-month recurrence)", () => {
  // Passed 2025-06-10 → valid until 2026-06-10.
  const passed = "2025-06-10";

  it("compliant with 31 days left", () => {
    expect(status({ lastPassedOn: passed, asOf: "2026-05-10" })).toEqual({
      status: "compliant",
      lastCompletedOn: passed,
      validUntil: "2026-06-10",
      dueOn: "2026-06-10",
      daysLeft: 31,
      exemptionReason: null,
    });
  });

  it("due_soon with exactly 30 days left", () => {
    const r = status({ lastPassedOn: passed, asOf: "2026-05-11" });
    expect(r.status).toBe("due_soon");
    expect(r.daysLeft).toBe(30);
  });

  it("due_soon when it expires exactly today (still valid on its last day)", () => {
    const r = status({ lastPassedOn: passed, asOf: "2026-06-10" });
    expect(r.status).toBe("due_soon");
    expect(r.daysLeft).toBe(0);
  });

  it("overdue when it expired yesterday", () => {
    const r = status({ lastPassedOn: passed, asOf: "2026-06-11" });
    expect(r.status).toBe("overdue");
    expect(r.daysLeft).toBe(-1);
    expect(r.validUntil).toBe("2026-06-10");
  });

  it("compliant on the day of passing", () => {
    const r = status({ lastPassedOn: passed, asOf: passed });
    expect(r.status).toBe("compliant");
    expect(r.daysLeft).toBe(365);
  });

  it("a pass on a leap day expires on Feb 28 the next year", () => {
    const r = status({ lastPassedOn: "2024-02-29", asOf: "2025-02-28" });
    expect(r.validUntil).toBe("2025-02-28");
    expect(r.status).toBe("due_soon");
    expect(status({ lastPassedOn: "2024-02-29", asOf: "2025-03-01" }).status).toBe("overdue");
  });

  it("uses the course's recurrence", () => {
    const r = status({ course: { recurrenceMonths: 24 }, lastPassedOn: "2025-01-31", asOf: "2026-06-01" });
    expect(r.validUntil).toBe("2027-01-31");
    expect(r.status).toBe("compliant");
    // 6 months from Aug 31 clamps to Feb 28.
    expect(status({ course: { recurrenceMonths: 6 }, lastPassedOn: "2026-08-31", asOf: "2026-09-01" }).validUntil).toBe("2027-02-28");
  });

  it("a record after asOf does not count (the status as it stood then)", () => {
    const r = status({ employee: { hireDate: "2026-04-01" }, lastPassedOn: "2026-04-20", asOf: "2026-04-15" });
    expect(r.lastCompletedOn).toBeNull();
    expect(r.validUntil).toBeNull();
    expect(r.status).toBe("due_soon");
    expect(r.dueOn).toBe("2026-05-01");
  });

  it("an expired record is overdue even for staff hired long ago", () => {
    expect(status({ lastPassedOn: "2024-04-01", asOf: "2026-04-01" }).status).toBe("overdue");
  });
});

describe("computeTrainingStatus — once-only course", () => {
  it("never expires", () => {
    expect(status({ course: { recurrenceMonths: null }, lastPassedOn: "2019-04-10", asOf: "2035-01-01" })).toEqual({
      status: "compliant",
      lastCompletedOn: "2019-04-10",
      validUntil: null,
      dueOn: null,
      daysLeft: null,
      exemptionReason: null,
    });
  });

  it("still has a due date until done", () => {
    const r = status({ course: { recurrenceMonths: null }, employee: { hireDate: "2026-04-01" }, lastPassedOn: null, asOf: "2026-05-02" });
    expect(r.status).toBe("overdue");
    expect(r.dueOn).toBe("2026-05-01");
  });
});

describe("computeTrainingStatus — not yet done (grace period)", () => {
  // Hired 2026-04-01, 30 days to complete → due 2026-05-01.
  const newHire = { hireDate: "2026-04-01" };

  it("due_soon (pending) on the hire date", () => {
    const r = status({ employee: newHire, lastPassedOn: null, asOf: "2026-04-01" });
    expect(r).toEqual({ status: "due_soon", lastCompletedOn: null, validUntil: null, dueOn: "2026-05-01", daysLeft: 30, exemptionReason: null });
  });

  it("due_soon on day 30 after hire", () => {
    const r = status({ employee: newHire, lastPassedOn: null, asOf: "2026-05-01" });
    expect(r.status).toBe("due_soon");
    expect(r.daysLeft).toBe(0);
  });

  it("overdue on day 31 after hire", () => {
    const r = status({ employee: newHire, lastPassedOn: null, asOf: "2026-05-02" });
    expect(r.status).toBe("overdue");
    expect(r.daysLeft).toBe(-1);
  });

  it("pending stays due_soon even with a long grace period (not compliant)", () => {
    const r = status({ course: { newHireDueDays: 90 }, employee: newHire, lastPassedOn: null, asOf: "2026-04-02" });
    expect(r.status).toBe("due_soon");
    expect(r.dueOn).toBe("2026-06-30");
    expect(r.daysLeft).toBe(89);
  });

  it("staff hired before the course became required get the grace from requiredFrom", () => {
    const r = status({ course: { requiredFrom: "2026-04-01" }, employee: { hireDate: "2010-04-01" }, lastPassedOn: null, asOf: "2026-04-15" });
    expect(r.dueOn).toBe("2026-05-01");
    expect(r.status).toBe("due_soon");
    expect(status({ course: { requiredFrom: "2026-04-01" }, employee: { hireDate: "2010-04-01" }, lastPassedOn: null, asOf: "2026-05-02" }).status).toBe("overdue");
  });

  it("staff hired after requiredFrom get the grace from hire", () => {
    const r = status({ course: { requiredFrom: "2020-04-01" }, employee: { hireDate: "2026-04-01" }, lastPassedOn: null, asOf: "2026-04-15" });
    expect(r.dueOn).toBe("2026-05-01");
  });

  it("hired on a leap day", () => {
    const r = status({ employee: { hireDate: "2024-02-29" }, lastPassedOn: null, asOf: "2024-03-30" });
    expect(r.dueOn).toBe("2024-03-30");
    expect(r.status).toBe("due_soon");
    expect(status({ employee: { hireDate: "2024-02-29" }, lastPassedOn: null, asOf: "2024-03-31" }).status).toBe("overdue");
  });

  it("a hire on a leap day who passed then expires on Feb 28", () => {
    const r = status({ employee: { hireDate: "2024-02-29" }, lastPassedOn: "2024-02-29", asOf: "2025-01-29" });
    expect(r.validUntil).toBe("2025-02-28");
    expect(r.daysLeft).toBe(30);
    expect(r.status).toBe("due_soon");
  });

  it("zero grace days: due on the hire date itself", () => {
    const r = status({ course: { newHireDueDays: 0 }, employee: newHire, lastPassedOn: null, asOf: "2026-04-01" });
    expect(r.dueOn).toBe("2026-04-01");
    expect(r.status).toBe("due_soon");
    expect(status({ course: { newHireDueDays: 0 }, employee: newHire, lastPassedOn: null, asOf: "2026-04-02" }).status).toBe("overdue");
  });
});

describe("completionRate", () => {
  it("rate is compliant over required; exempt is not required", () => {
    expect(completionRate(["compliant", "compliant", "compliant", "due_soon", "overdue", "exempt", "exempt"])).toEqual({
      required: 5,
      compliant: 3,
      dueSoon: 1,
      overdue: 1,
      exempt: 2,
      rate: 0.6,
    });
  });

  it("null rate when nobody is required", () => {
    expect(completionRate([])).toEqual({ required: 0, compliant: 0, dueSoon: 0, overdue: 0, exempt: 0, rate: null });
    expect(completionRate(["exempt"]).rate).toBeNull();
  });

  it("0 and 1 at the extremes", () => {
    expect(completionRate(["overdue", "due_soon"]).rate).toBe(0);
    expect(completionRate(["compliant", "exempt"]).rate).toBe(1);
  });
});

describe("statusAsOfForFiscalYear", () => {
  it("is today for the current FY", () => {
    expect(statusAsOfForFiscalYear(2026, "2026-11-25", 4)).toBe("2026-11-25");
    expect(statusAsOfForFiscalYear(2026, "2027-03-31", 4)).toBe("2027-03-31");
  });

  it("is the last day of a past FY", () => {
    expect(statusAsOfForFiscalYear(2025, "2026-11-25", 4)).toBe("2026-03-31");
    expect(statusAsOfForFiscalYear(2026, "2027-04-01", 4)).toBe("2027-03-31");
    expect(statusAsOfForFiscalYear(2023, "2026-11-25", 3)).toBe("2024-02-29");
  });

  it("is the first day of a future FY", () => {
    expect(statusAsOfForFiscalYear(2027, "2026-11-25", 4)).toBe("2027-04-01");
    expect(statusAsOfForFiscalYear(2026, "2026-03-31", 4)).toBe("2026-04-01");
  });

  it("follows the start month", () => {
    expect(statusAsOfForFiscalYear(2026, "2026-11-25", 1)).toBe("2026-11-25");
    expect(statusAsOfForFiscalYear(2025, "2026-11-25", 1)).toBe("2025-12-31");
    expect(statusAsOfForFiscalYear(2026, "2026-11-25", 10)).toBe("2026-11-25");
    expect(statusAsOfForFiscalYear(2026, "2026-09-30", 10)).toBe("2026-10-01");
  });
});
