import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import * as settingsRoute from "@/app/api/v1/settings/training-reminders/route";
import * as employeeRemindersRoute from "@/app/api/v1/employees/[id]/training-reminders/route";
import * as deliveriesRoute from "@/app/api/v1/notifications/deliveries/route";
import * as prefsRoute from "@/app/api/v1/notifications/preferences/route";
import { getDb } from "@/db";
import { courses, departments, employees, notificationDeliveries, trainingRecords } from "@/db/schema";
import { drainOutbox } from "@/db/queries/notification-outbox";
import { scanDeadlines } from "@/db/queries/notifications";
import { queueTrainingReminders } from "@/db/queries/training-reminders";
import { addDays } from "@/lib/dates";
import { DEFAULT_MODES } from "@/lib/notifications/rules";
import type { EmployeeReminderDto } from "@/lib/notifications/training-reminders";
import type { SessionUser } from "@/lib/auth/roles";
import { call, signInAs } from "../support/api";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "../support/smtp-capture";

/**
 * Training reminders to the employees themselves, against a real SMTP server (tests/support/smtp-capture.ts)
 * with the messages read back by a MIME parser: off by default, then at most N per employee, course
 * and fiscal year, the interval between, none to the exempt, the gone or those without an address, one
 * mail when two scans run at once, the employee's language when a user with the same address chose one,
 * and HR's view on the employee's page.
 */

let smtp: SmtpCapture;

const today = "2026-12-07";
/** A reminder to an employee, not HR's own notification of the same deadline. */
const isReminder = (r: CapturedMail) => /^(【研修受講のお願い】|Training reminder:)/.test(r.mail.subject ?? "");
let hr: SessionUser;
const ids = { overdue: 0, english: 0, noAddress: 0, left: 0, exempt: 0, compliant: 0, course: 0 };

async function reminderRows() {
  const db = await getDb();
  return db.select().from(notificationDeliveries).where(like(notificationDeliveries.key, "training-reminder:%"));
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.PMS_MAIL_FROM = "PMS <pms@example.co.jp>";
  hr = (await signInAs("hr"))!;
  // HR reads English: an employee with HR's address gets the English reminder.
  await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: DEFAULT_MODES, locale: "en", version: 0 } });

  const db = await getDb();
  const [d] = await db.insert(departments).values({ code: "SALES", name: "営業部" }).returning();
  const [c] = await db.insert(courses).values({ code: "PI-BASIC", title: "個人情報保護基礎", requiredFrom: "2026-01-01", newHireDueDays: 30, recurrenceMonths: 12 }).returning();
  ids.course = c.id;
  const base = { departmentId: d.id, employmentType: "regular" as const, hireDate: "2025-04-01" };
  const rows = await db
    .insert(employees)
    .values([
      { ...base, employeeNumber: "E001", name: "佐藤 花子", email: "hanako.sato@example.co.jp" },
      { ...base, employeeNumber: "E002", name: "Alex Smith", email: hr.email.toUpperCase() },
      { ...base, employeeNumber: "E003", name: "鈴木 一郎", email: null },
      { ...base, employeeNumber: "E004", name: "高橋 退職", email: "taishoku@example.co.jp", leaveDate: "2026-11-30" },
      { ...base, employeeNumber: "E005", name: "田中 休職", email: "kyushoku@example.co.jp", exemptionReason: "育児休業" },
      { ...base, employeeNumber: "E006", name: "伊藤 受講済", email: "done@example.co.jp" },
    ])
    .returning();
  [ids.overdue, ids.english, ids.noAddress, ids.left, ids.exempt, ids.compliant] = rows.map((r) => r.id);
  await db.insert(trainingRecords).values({ employeeId: ids.compliant, courseId: c.id, completedOn: "2026-11-01", passed: true, method: "e_learning" });
});

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  delete process.env.PMS_MAIL_FROM;
});

describe("training reminders to employees", () => {
  it("are off by default: the morning scan sends no employee anything", async () => {
    await signInAs("privacy_manager");
    const res = await call(settingsRoute, "GET", "/api/v1/settings/training-reminders");
    expect(res.body).toEqual({ enabled: false, maxPerCourse: 3, intervalDays: 7, version: 0, emailEnabled: true });
    await scanDeadlines({ today, daily: true });
    expect(await reminderRows()).toHaveLength(0);
  });

  it("the privacy manager opts in (HR may read but not change it; 1 to 5 reminders)", async () => {
    await signInAs("hr");
    expect((await call(settingsRoute, "GET", "/api/v1/settings/training-reminders")).status).toBe(200);
    expect((await call(settingsRoute, "PUT", "/api/v1/settings/training-reminders", { json: { enabled: true, maxPerCourse: 2, intervalDays: 7, version: 0 } })).status).toBe(403);
    await signInAs("privacy_manager");
    expect((await call(settingsRoute, "PUT", "/api/v1/settings/training-reminders", { json: { enabled: true, maxPerCourse: 6, intervalDays: 7, version: 0 } })).status).toBe(400);
    const saved = await call(settingsRoute, "PUT", "/api/v1/settings/training-reminders", { json: { enabled: true, maxPerCourse: 2, intervalDays: 7, version: 0 } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ enabled: true, maxPerCourse: 2, version: 1 });
    expect((await call(settingsRoute, "PUT", "/api/v1/settings/training-reminders", { json: { enabled: false, maxPerCourse: 2, intervalDays: 7, version: 0 } })).status).toBe(409);
  });

  it("two scans at once queue one reminder per overdue employee with an address; none to the exempt, the gone, the compliant or those without an address", async () => {
    await Promise.all([scanDeadlines({ today, daily: true }), scanDeadlines({ today, daily: true }), queueTrainingReminders(today)]);
    const rows = await reminderRows();
    expect(rows.map((r) => r.key).sort()).toEqual([`training-reminder:${ids.overdue}:${ids.course}:2026:1`, `training-reminder:${ids.english}:${ids.course}:2026:1`].sort());
    const [a, b] = await Promise.all([drainOutbox(), drainOutbox()]);
    const reminders = smtp.received.filter(isReminder);
    expect(reminders.map((r) => r.rcpt.join(",").toLowerCase()).sort()).toEqual(["hanako.sato@example.co.jp", hr.email.toLowerCase()].sort());
    expect(a.failed + b.failed).toBe(0);
  });

  it("writes in Japanese unless a user with the same address chose English; names only the employee's own course", async () => {
    const ja = smtp.received.find((r) => r.rcpt.includes("hanako.sato@example.co.jp"))!;
    expect(ja.mail.subject).toBe("【研修受講のお願い】PI-BASIC 個人情報保護基礎（受講期限 2026/01/31 を過ぎています）");
    expect(ja.mail.text).toContain("佐藤 花子 様");
    expect(ja.mail.text).toContain("今年度1回目");
    expect(ja.mail.text).toContain("最大2回");
    expect(ja.mail.text).not.toContain("Alex");
    expect(ja.mail.html).toContain("<p>");
    const en = smtp.received.find((r) => isReminder(r) && r.rcpt.map((x) => x.toLowerCase()).includes(hr.email.toLowerCase()))!;
    expect(en.mail.subject).toBe("Training reminder: PI-BASIC 個人情報保護基礎 (deadline 2026/01/31 has passed)");
    expect(en.mail.text).toContain("Dear Alex Smith,");
    expect(en.mail.text).toContain("reminder 1 of at most 2");
  });

  it("waits the interval, sends the second, then stops at the limit for the fiscal year", async () => {
    smtp.clear();
    await scanDeadlines({ today: addDays(today, 6), daily: true });
    expect(await reminderRows()).toHaveLength(2);
    await scanDeadlines({ today: addDays(today, 7), daily: true });
    expect((await reminderRows()).map((r) => r.key)).toContain(`training-reminder:${ids.overdue}:${ids.course}:2026:2`);
    expect(await reminderRows()).toHaveLength(4);
    await scanDeadlines({ today: addDays(today, 30), daily: true });
    expect(await reminderRows()).toHaveLength(4);
    await drainOutbox();
    expect(smtp.received.filter(isReminder)).toHaveLength(2);
  });

  it("a reminder whose employee lost the address before it was sent fails at once, with the reason", async () => {
    const db = await getDb();
    await signInAs("privacy_manager");
    await call(settingsRoute, "PUT", "/api/v1/settings/training-reminders", { json: { enabled: true, maxPerCourse: 3, intervalDays: 7, version: 1 } });
    await scanDeadlines({ today: addDays(today, 14), daily: true });
    await db.update(employees).set({ email: null }).where(eq(employees.id, ids.overdue));
    const out = await drainOutbox();
    expect(out.failed).toBe(1);
    const [failed] = (await reminderRows()).filter((r) => r.status === "failed");
    expect(failed.key).toBe(`training-reminder:${ids.overdue}:${ids.course}:2026:3`);
    expect(failed.lastError).toContain("no e-mail address");
  });

  it("HR sees what was sent on the employee's page; the manager sees it among the deliveries", async () => {
    await signInAs("hr");
    const res = await call(employeeRemindersRoute, "GET", `/api/v1/employees/${ids.overdue}/training-reminders`, { params: { id: ids.overdue } });
    expect(res.status, res.text).toBe(200);
    const list = res.body as EmployeeReminderDto[];
    expect(list.map((r) => [r.number, r.status])).toEqual([
      [3, "failed"],
      [2, "sent"],
      [1, "sent"],
    ]);
    expect(list[0]).toMatchObject({ courseCode: "PI-BASIC", fiscalYear: 2026, max: 3, overdue: true, dueOn: "2026-01-31" });
    expect((await call(employeeRemindersRoute, "GET", `/api/v1/employees/${ids.noAddress}/training-reminders`, { params: { id: ids.noAddress } })).body).toEqual([]);
    expect((await call(employeeRemindersRoute, "GET", "/api/v1/employees/999999/training-reminders", { params: { id: 999999 } })).status).toBe(404);
    await signInAs("auditor");
    expect((await call(employeeRemindersRoute, "GET", `/api/v1/employees/${ids.overdue}/training-reminders`, { params: { id: ids.overdue } })).status).toBe(403);
    await signInAs("privacy_manager");
    const view = await call(deliveriesRoute, "GET", "/api/v1/notifications/deliveries?pageSize=100");
    const mine = (view.body.items as { recipient: string; trainingReminder: { courseCode: string; number: number } | null }[]).filter((d) => d.trainingReminder);
    expect(mine.map((d) => d.recipient)).toContain("佐藤 花子");
    expect(mine.find((d) => d.recipient === "佐藤 花子" && d.trainingReminder?.number === 3)).toBeTruthy();
  });
});
