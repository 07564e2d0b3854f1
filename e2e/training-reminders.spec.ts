import type { Page } from "@playwright/test";
import { readSmtpCaptureFile, type CapturedMail } from "../tests/support/smtp-capture";
import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * Training reminders to the employees themselves, by e-mail, end to end (docs/domain.md,
 * "Notifications"): the privacy manager opts in on the settings page, the morning scan reminds each
 * overdue employee of each required course at the address in the employee record, and HR sees what
 * was sent on the employee's page. The run's SMTP server (e2e/global-setup.ts) receives the app's mail
 * on E2E_SMTP_PORT (playwright.config.ts, MAIL_ENV) and appends each message to a file; this spec reads
 * the messages to its own employee from there, parsed as a mail client would (docs/testing.md, "E-mail
 * in tests"). Other specs' mails land in the same file: only the recipient's address tells them apart.
 *
 * Independent of the other specs: the employee is our own (new each run, hired years ago, so every
 * required course is overdue and nothing was sent to them before), the setting goes back to what it
 * was, and the employee is retired at the end, so the demo counts are as before.
 */

/** The run's captured mail: the global setup puts the file's path in E2E_SMTP_CAPTURE_FILE (read when the test runs, after it). */
function runMailbox() {
  const file = process.env.E2E_SMTP_CAPTURE_FILE;
  if (!file) throw new Error("E2E_SMTP_CAPTURE_FILE is not set: the global setup of playwright.config.ts (e2e/global-setup.ts) starts the SMTP server and sets it");
  return readSmtpCaptureFile(file);
}

type Settings = { enabled: boolean; maxPerCourse: number; intervalDays: number; version: number; emailEnabled: boolean };
type StatusRow = { course: { code: string; title: string }; status: string; dueOn: string };
type Reminder = { courseCode: string; courseTitle: string; fiscalYear: number; number: number; max: number; dueOn: string; overdue: boolean; status: string };

const slashes = (day: string) => day.replaceAll("-", "/");
/** A card of the page by its heading (cards are sections with an h2). */
const card = (page: Page, title: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("the manager opts in; the scan e-mails an overdue employee one reminder per course; HR sees them on the employee's page", async ({ signedInAs, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  const mailbox = runMailbox();
  const hr = await signedInAs("hr");
  const manager = await signedInAs("privacy_manager");
  const settingsBefore = (await (await manager.request.get("/api/v1/settings/training-reminders")).json()) as Settings;

  // HR adds an employee of our own: hired years ago, nothing completed, an address of their own.
  const stamp = Date.now();
  const number = `RMD${stamp}`;
  const name = `研修 督促${String(stamp).slice(-4)}`;
  const address = `reminder-e2e-${stamp}@example.com`;
  const departments = (await (await hr.request.get("/api/v1/departments?all=true&sort=code")).json()) as { items: { id: number }[] };
  const created = await hr.request.post("/api/v1/employees", {
    headers: { origin },
    data: { employeeNumber: number, name, email: address, departmentId: departments.items[0].id, employmentType: "regular", hireDate: "2020-04-01" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const employee = (await created.json()) as { id: number; version: number };

  try {
    // What they owe, as the training status judges it today: every required course, overdue.
    const status = (await (await hr.request.get(`/api/v1/training-status?q=${number}&pageSize=100`)).json()) as { items: StatusRow[] };
    const owed = status.items;
    expect(owed.length).toBeGreaterThan(0);
    expect(owed.every((r) => r.status === "overdue")).toBe(true);

    // The privacy manager opts in on the settings page; e-mail is configured, so no warning.
    await manager.goto("/settings");
    const settingsCard = card(manager, t("notifications.trainingReminderSettings.title"));
    await expect(settingsCard.getByLabel(t("notifications.trainingReminderSettings.enabled"))).toBeVisible();
    await expect(settingsCard.getByText(t("notifications.trainingReminderSettings.noEmail"))).toHaveCount(0);
    await settingsCard.getByLabel(t("notifications.trainingReminderSettings.enabled")).check();
    await settingsCard.getByRole("button", { name: t("common.save") }).click();
    await expect(settingsCard.getByText(t("notifications.trainingReminderSettings.saved"))).toBeVisible();
    await settingsCard.screenshot({ path: testInfo.outputPath("reminder-settings.png") });
    const settings = (await (await manager.request.get("/api/v1/settings/training-reminders")).json()) as Settings;
    expect(settings).toMatchObject({ enabled: true, emailEnabled: true });

    // The morning scan, now (the job runs it at 07:00 Tokyo time; running it again adds nothing).
    const scan = await manager.request.post("/api/v1/notifications/scan", { headers: { origin }, data: { daily: true }, timeout: 120_000 });
    expect(scan.status(), await scan.text()).toBe(200);

    // The SMTP server receives one mail per owed course, to the employee's address only.
    const toEmployee = (m: CapturedMail) => m.rcpt.some((a) => a.toLowerCase() === address);
    const mails = await mailbox.waitFor(owed.length, { match: toEmployee, what: `reminders to ${address}`, timeout: 120_000 });
    expect(mails).toHaveLength(owed.length);
    for (const r of mails) {
      expect(r.rcpt).toEqual([address]);
      expect(r.from).toBe("pms-e2e@example.com");
      expect(r.mail.to && !Array.isArray(r.mail.to) ? r.mail.to.value.map((v) => v.address) : []).toEqual([address]);
      expect(r.mail.cc).toBeUndefined();
    }
    for (const row of owed) {
      const course = `${row.course.code} ${row.course.title}`;
      const date = slashes(row.dueOn);
      const mail = mails.find((r) => r.mail.subject === t("notifications.trainingReminder.subjectOverdue", { course, date }));
      expect(mail, `a reminder of ${course}`).toBeTruthy();
      const text = mail!.mail.text ?? "";
      expect(text).toContain(t("notifications.trainingReminder.greeting", { name }));
      expect(text).toContain(t("notifications.trainingReminder.bodyOverdue", { course, date }));
      expect(text).toContain(t("notifications.trainingReminder.count", { number: 1, max: settings.maxPerCourse }));
      // Nothing about the app or anyone else: no link, no other course.
      expect(text).not.toMatch(/https?:\/\//);
      for (const other of owed.filter((o) => o !== row)) expect(text).not.toContain(other.course.title);
      expect(mail!.mail.html || "").toContain(row.course.title);
    }

    // HR's view: the employee's page lists each reminder, sent, with its course, number and deadline.
    const reminders = (await (await hr.request.get(`/api/v1/employees/${employee.id}/training-reminders`)).json()) as Reminder[];
    expect(reminders).toHaveLength(owed.length);
    await hr.goto(`/training/employees/${employee.id}`);
    await waitForData(hr);
    const history = card(hr, t("notifications.employeeReminders.title"));
    await expect(history.getByRole("listitem")).toHaveCount(owed.length);
    await expect(history.getByText(t("notifications.employeeReminders.off"))).toHaveCount(0);
    for (const row of owed) {
      const r = reminders.find((x) => x.courseCode === row.course.code)!;
      expect(r).toMatchObject({ number: 1, max: settings.maxPerCourse, dueOn: row.dueOn, overdue: true });
      const item = history.getByRole("listitem").filter({ hasText: row.course.title });
      await expect(item).toContainText(row.course.code);
      await expect(item).toContainText(t("notifications.employeeReminders.line", { number: 1, max: settings.maxPerCourse, fiscalYear: String(r.fiscalYear) }));
      await expect(item).toContainText(t("notifications.employeeReminders.overdueSince", { date: slashes(row.dueOn) }));
      // Sent by the time the mail arrived (the badge follows the delivery's status).
      await expect(item).toContainText(t("notifications.deliveries.status.sent"));
    }
    await history.scrollIntoViewIfNeeded();
    await hr.screenshot({ path: testInfo.outputPath("employee-reminders.png"), fullPage: true });

    // A second scan sends nothing more (one reminder per course until the interval has passed).
    const again = await manager.request.post("/api/v1/notifications/scan", { headers: { origin }, data: { daily: true }, timeout: 120_000 });
    expect(again.status()).toBe(200);
    expect((await (await hr.request.get(`/api/v1/employees/${employee.id}/training-reminders`)).json()) as Reminder[]).toHaveLength(owed.length);

    // Every reminder the scans queued (the demo employees' too) goes out, and still one mail per course
    // reached our employee: the second scan queued none for them.
    const pendingReminders = async () => {
      const res = await manager.request.get("/api/v1/notifications/deliveries?status=pending&pageSize=100");
      const { items } = (await res.json()) as { items: { trainingReminder: unknown }[] };
      return items.filter((d) => d.trainingReminder).length;
    };
    await expect.poll(pendingReminders, { timeout: 120_000 }).toBe(0);
    expect((await mailbox.read()).filter(toEmployee)).toHaveLength(owed.length);
  } finally {
    // The setting as it was, and our employee retired (no longer listed or counted).
    const current = (await (await manager.request.get("/api/v1/settings/training-reminders")).json()) as Settings;
    const restored = await manager.request.put("/api/v1/settings/training-reminders", {
      headers: { origin },
      data: { enabled: settingsBefore.enabled, maxPerCourse: settingsBefore.maxPerCourse, intervalDays: settingsBefore.intervalDays, version: current.version },
    });
    expect(restored.status(), await restored.text()).toBe(200);
    const latest = (await (await hr.request.get(`/api/v1/employees/${employee.id}`)).json()) as { version: number };
    const retired = await hr.request.post(`/api/v1/employees/${employee.id}/retire`, { headers: { origin }, data: { version: latest.version } });
    expect(retired.status(), await retired.text()).toBe(200);
  }
});
