import { describe, expect, it } from "vitest";
import { isMailAddress, reminderDecision, reminderKey, trainingReminderMail, trainingReminderSettingsSchema, type ReminderFacts } from "./training-reminders";

const today = "2026-12-07";
const on = { enabled: true, maxPerCourse: 3, intervalDays: 7 };
const overdue: ReminderFacts = { status: "overdue", dueOn: "2026-11-30", email: "sato@example.co.jp", leaveDate: null, retired: false, sent: 0, lastOn: null };
const decide = (f: Partial<ReminderFacts> = {}, s: Partial<typeof on> = {}, lead = 14) => reminderDecision({ ...overdue, ...f }, { ...on, ...s }, lead, today);

describe("reminderDecision", () => {
  it("sends nothing while the company has not opted in", () => {
    expect(decide({}, { enabled: false })).toEqual({ send: false, reason: "disabled" });
  });

  it("first reminder to an overdue employee with an address", () => {
    expect(decide()).toEqual({ send: true, number: 1 });
  });

  it("counts to the limit and stops there (the N-th is sent, the N+1-th is not)", () => {
    expect(decide({ sent: 2, lastOn: "2026-11-30" })).toEqual({ send: true, number: 3 });
    expect(decide({ sent: 3, lastOn: "2026-11-30" })).toEqual({ send: false, reason: "limit" });
    expect(decide({ sent: 4, lastOn: "2026-11-01" }, { maxPerCourse: 5 })).toEqual({ send: true, number: 5 });
    expect(decide({ sent: 5, lastOn: "2026-11-01" }, { maxPerCourse: 5 })).toEqual({ send: false, reason: "limit" });
  });

  it("never more than five, whatever a stored setting says", () => {
    expect(decide({ sent: 5, lastOn: "2026-11-01" }, { maxPerCourse: 9 })).toEqual({ send: false, reason: "limit" });
  });

  it("waits the interval: the day before it ends no, on it yes", () => {
    expect(decide({ sent: 1, lastOn: "2026-12-01" })).toEqual({ send: false, reason: "too_soon" });
    expect(decide({ sent: 1, lastOn: "2026-11-30" })).toEqual({ send: true, number: 2 });
    expect(decide({ sent: 1, lastOn: today }, { intervalDays: 1 })).toEqual({ send: false, reason: "too_soon" });
  });

  it("an employee without an address, or with something that is not one, is skipped", () => {
    expect(decide({ email: null })).toEqual({ send: false, reason: "no_address" });
    expect(decide({ email: "  " })).toEqual({ send: false, reason: "no_address" });
    expect(decide({ email: "佐藤（メールなし）" })).toEqual({ send: false, reason: "no_address" });
  });

  it("an employee who left (before today) or was retired is skipped; leaving today still counts as employed", () => {
    expect(decide({ leaveDate: "2026-12-06" })).toEqual({ send: false, reason: "left" });
    expect(decide({ retired: true })).toEqual({ send: false, reason: "left" });
    expect(decide({ leaveDate: today })).toEqual({ send: true, number: 1 });
  });

  it("exempt and compliant pairs are not reminded", () => {
    expect(decide({ status: "exempt" })).toEqual({ send: false, reason: "exempt" });
    expect(decide({ status: "compliant", dueOn: "2027-06-01" })).toEqual({ send: false, reason: "not_due" });
    expect(decide({ status: "compliant", dueOn: null })).toEqual({ send: false, reason: "not_due" });
  });

  it("a due-soon pair is reminded from the lead time before its deadline", () => {
    expect(decide({ status: "due_soon", dueOn: "2026-12-21" })).toEqual({ send: true, number: 1 });
    expect(decide({ status: "due_soon", dueOn: "2026-12-22" })).toEqual({ send: false, reason: "not_due" });
    expect(decide({ status: "due_soon", dueOn: "2026-12-22" }, {}, 15)).toEqual({ send: true, number: 1 });
  });
});

describe("settings and keys", () => {
  it("accepts 1 to 5 reminders and 1 to 60 days", () => {
    expect(trainingReminderSettingsSchema.safeParse({ enabled: true, maxPerCourse: 5, intervalDays: 60 }).success).toBe(true);
    expect(trainingReminderSettingsSchema.safeParse({ enabled: true, maxPerCourse: 6, intervalDays: 7 }).success).toBe(false);
    expect(trainingReminderSettingsSchema.safeParse({ enabled: true, maxPerCourse: 0, intervalDays: 7 }).success).toBe(false);
    expect(trainingReminderSettingsSchema.safeParse({ enabled: "yes", maxPerCourse: 3, intervalDays: 7 }).success).toBe(false);
    expect(trainingReminderSettingsSchema.safeParse({ enabled: true, maxPerCourse: "3", intervalDays: "7" }).data).toEqual({ enabled: true, maxPerCourse: 3, intervalDays: 7 });
  });

  it("one key per employee, course, fiscal year and number", () => {
    expect(reminderKey(4, 2, 2026, 1)).toBe("training-reminder:4:2:2026:1");
    expect(new Set([reminderKey(4, 2, 2026, 1), reminderKey(4, 2, 2027, 1), reminderKey(4, 3, 2026, 1), reminderKey(4, 2, 2026, 2)]).size).toBe(4);
  });

  it("recognises an address", () => {
    expect(isMailAddress("a.b@example.jp")).toBe(true);
    expect(isMailAddress("a.b@example")).toBe(false);
  });
});

describe("trainingReminderMail", () => {
  const t = (key: string, v?: Record<string, string | number>) => `${key}${v ? JSON.stringify(v) : ""}`;
  const r = { employeeName: "佐藤 <花子>", courseCode: "PI-BASIC", courseTitle: "個人情報保護基礎", dueOn: "2026-11-30", overdue: true, number: 2, max: 3, sender: "RUFT株式会社" };

  it("names the course, its deadline and the count; escapes the HTML", () => {
    const m = trainingReminderMail(r, t);
    expect(m.subject).toContain("subjectOverdue");
    expect(m.subject).toContain("2026/11/30");
    expect(m.text).toContain('"number":2');
    expect(m.html).toContain("佐藤 &lt;花子&gt;");
    expect(m.html).not.toContain("<花子>");
    expect(trainingReminderMail({ ...r, overdue: false }, t).subject).toContain("subjectDue");
  });
});
