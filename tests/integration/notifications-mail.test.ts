import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as deliveriesRoute from "@/app/api/v1/notifications/deliveries/route";
import * as prefsRoute from "@/app/api/v1/notifications/preferences/route";
import { getDb } from "@/db";
import { auditFindings, auditLog, audits, incidents, notificationDeliveries, regulations } from "@/db/schema";
import { drainOutbox, failingDeliveries } from "@/db/queries/notification-outbox";
import { scanDeadlines } from "@/db/queries/notifications";
import { addDays } from "@/lib/dates";
import { DEFAULT_MODES } from "@/lib/notifications/rules";
import type { SessionUser } from "@/lib/auth/roles";
import { call, signInAs } from "../support/api";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "../support/smtp-capture";

/**
 * E-mail notifications against a real SMTP server running in this test (tests/support/smtp-capture.ts),
 * the received messages read back with a MIME parser: recipients, language, the Japanese subject
 * encoded for mail clients, plain text and HTML with the link to the record, the digest, no duplicate
 * when two senders drain the outbox at once, and retries while the server is down.
 */

let smtp: SmtpCapture;

const today = "2026-12-07";
let pm: SessionUser, hr: SessionUser, auditor: SessionUser;
let ids: { regulation: number; incident: number };

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.PMS_MAIL_FROM = "PMS <pms@example.co.jp>";

  hr = (await signInAs("hr"))!;
  // HR reads English, the auditor wants one mail a day.
  await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: DEFAULT_MODES, locale: "en", version: 0 } });
  auditor = (await signInAs("auditor"))!;
  await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: { ...DEFAULT_MODES, finding: "digest" }, locale: "ja", version: 0 } });
  pm = (await signInAs("privacy_manager"))!;

  const db = await getDb();
  const [r] = await db
    .insert(regulations)
    .values({ code: "PMS-01", title: "個人情報保護規程", currentVersion: 1, effectiveDate: "2026-01-01", status: "in_force", nextReviewDue: today })
    .returning();
  const [i] = await db
    .insert(incidents)
    .values({
      reference: "INC-2026-001",
      fiscalYear: 2026,
      seq: 1,
      title: "メール誤送信",
      category: "misdirected",
      discoveredAt: new Date(`${addDays(today, -6)}T12:00:00+09:00`),
      reporterId: hr.id,
      reporterName: hr.name,
      description: "取引先へのメールに別顧客の見積書を添付した。",
      personsAffected: 1,
    })
    .returning();
  const [a] = await db
    .insert(audits)
    .values({ fiscalYear: 2026, type: "conformance", title: "適合状況監査", plannedStart: "2026-10-01", plannedEnd: "2026-10-03", actualStart: "2026-10-01", actualEnd: "2026-10-03", reportedOn: "2026-10-10", closedOn: "2026-10-20", status: "closed" })
    .returning();
  await db.insert(auditFindings).values([
    { auditId: a.id, grade: "minor_nc", description: "教育記録の保管漏れ", ownerUserId: auditor.id, dueDate: today, clauseRef: "7.2" },
    { auditId: a.id, grade: "observation", description: "入退室記録の確認頻度", ownerUserId: auditor.id, dueDate: addDays(today, 3), clauseRef: "7.4" },
  ]);
  ids = { regulation: r.id, incident: i.id };
});

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  delete process.env.PMS_MAIL_FROM;
});

const to = (r: CapturedMail) => r.rcpt.join(",");

describe("e-mail through SMTP", () => {
  it("queues a mail per notification in the same scan, sends each once even when two senders drain at once", async () => {
    const scan = await scanDeadlines({ today, daily: true });
    // PM: regulation due + incident late; HR: incident late; the auditor: one digest for both findings.
    expect(scan.queued).toBe(4);
    const [a, b] = await Promise.all([drainOutbox(), drainOutbox()]);
    expect(a.sent + b.sent).toBe(4);
    expect(smtp.received).toHaveLength(4);
    expect(smtp.received.map(to).sort()).toEqual([auditor.email, hr.email, pm.email, pm.email].sort());
    // Nothing more to send.
    expect(await drainOutbox()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(4);
  });

  it("writes the subject in Japanese, encoded for mail clients, with plain text, HTML and the link to the record", async () => {
    const mail = smtp.received.find((r) => to(r) === pm.email && r.mail.subject?.includes("PMS-01"))!;
    expect(mail.mail.subject).toBe("【PMS】本日期限（2026/12/07）：規程見直し期限：PMS-01 個人情報保護規程");
    const subjectHeader = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(mail.raw)![1];
    expect(subjectHeader).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(subjectHeader).not.toMatch(/[^\x00-\x7F]/);
    expect(mail.mail.from?.value).toEqual([{ name: "PMS", address: "pms@example.co.jp" }]);
    expect(mail.mail.text).toContain(`/regulations/${ids.regulation}`);
    expect(mail.mail.html).toContain(`href="http`);
    expect(mail.mail.html).toContain(`/regulations/${ids.regulation}"`);
    expect(mail.mail.html).toContain("PMS-01 個人情報保護規程");
    // No more than the deadline: the incident's description is not in the PM's incident mail.
    const incidentMail = smtp.received.find((r) => to(r) === pm.email && r.mail.subject?.includes("INC-2026-001"))!;
    expect(incidentMail.mail.subject).toBe("【PMS】期限超過（2026/12/06）：INC-2026-001 審査機関への速報期限");
    expect(incidentMail.mail.text).not.toContain("見積書");
  });

  it("writes in the recipient's language", async () => {
    const mail = smtp.received.find((r) => to(r) === hr.email)!;
    expect(mail.mail.subject).toBe("[PMS] Late since 2026/12/06: INC-2026-001 Preliminary report to the assessment body due");
    expect(mail.mail.text).toContain(`/incidents/${ids.incident}`);
  });

  it("groups a digest user's deadlines of the day into one mail", async () => {
    const digest = smtp.received.find((r) => to(r) === auditor.email)!;
    expect(digest.mail.subject).toBe("【PMS】2026/12/07 の期限 2 件");
    expect(digest.mail.text).toContain("本日期限（2026/12/07）：是正処置期限：7.2 教育記録の保管漏れ");
    expect(digest.mail.text).toContain("2026/12/10 期限：是正処置期限：7.4 入退室記録の確認頻度");
  });

  it("retries with back-off while the SMTP server is down, then sends once; the manager sees the failure", async () => {
    await smtp.close();
    const db = await getDb();
    await db.update(regulations).set({ nextReviewDue: addDays(today, 1) }).where(eq(regulations.id, ids.regulation));
    const scan = await scanDeadlines({ today: addDays(today, 1) });
    expect(scan.queued).toBeGreaterThanOrEqual(1);
    const t0 = new Date();
    const first = await drainOutbox({ now: t0 });
    expect(first.sent).toBe(0);
    expect(first.retried).toBe(scan.queued);
    const [waiting] = await db.select().from(notificationDeliveries).where(sql`${notificationDeliveries.status} = 'pending' and ${notificationDeliveries.attempts} = 1`).limit(1);
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(await failingDeliveries()).toBe(scan.queued);

    // The manager's view.
    await signInAs("privacy_manager");
    const view = await call(deliveriesRoute, "GET", "/api/v1/notifications/deliveries?status=pending");
    expect(view.status).toBe(200);
    expect(view.body.failing).toBe(scan.queued);
    expect(view.body.emailEnabled).toBe(true);
    expect(view.body.items[0]).toMatchObject({ channel: "email", status: "pending", attempts: 1 });
    // The dashboard's figure opens this list, filtered the same way.
    expect((await call(deliveriesRoute, "GET", "/api/v1/notifications/deliveries?failing=true")).body.total).toBe(scan.queued);
    await signInAs("hr");
    expect((await call(deliveriesRoute, "GET", "/api/v1/notifications/deliveries")).status).toBe(403);

    // Not yet time for the next attempt: nothing is tried.
    expect(await drainOutbox({ now: new Date(t0.getTime() + 1000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    // The server is back; at the next attempt's time the mail goes, once.
    smtp = await startSmtpCapture({ port: smtp.port });
    const later = new Date(t0.getTime() + 10 * 60_000);
    const second = await drainOutbox({ now: later });
    expect(second.sent).toBe(scan.queued);
    expect(smtp.received).toHaveLength(scan.queued);
    expect(smtp.received[0].mail.subject).toContain("PMS-01");
    expect(await failingDeliveries()).toBe(0);
    expect(await drainOutbox({ now: new Date(later.getTime() + 3600_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });

    // Each attempt is in the audit trail.
    const attempts = await db.select().from(auditLog).where(eq(auditLog.entity, "notification_delivery"));
    expect(attempts.filter((a) => (a.after as { status?: string }).status === "pending").length).toBe(scan.queued);
    expect(attempts.filter((a) => (a.after as { status?: string }).status === "sent").length).toBe(4 + scan.queued);
  });
});
