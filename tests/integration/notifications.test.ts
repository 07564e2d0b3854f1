import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/notifications/route";
import * as unreadRoute from "@/app/api/v1/notifications/unread/route";
import * as readRoute from "@/app/api/v1/notifications/read/route";
import * as prefsRoute from "@/app/api/v1/notifications/preferences/route";
import * as leadRoute from "@/app/api/v1/notifications/lead-days/route";
import { getDb } from "@/db";
import { auditFindings, auditLog, audits, contractorCertifications, contractors, incidents, notifications, regulations } from "@/db/schema";
import { scanDeadlines } from "@/db/queries/notifications";
import { addDays } from "@/lib/dates";
import { DEFAULT_LEAD_DAYS, DEFAULT_MODES } from "@/lib/notifications/rules";
import type { SessionUser } from "@/lib/auth/roles";
import { call, signInAs } from "../support/api";

/**
 * The deadline scan (db/queries/notifications.ts) on a database of its own: the calendar's deadlines
 * become notifications for the right people at the right stage, once (the idempotency key), and the
 * in-app endpoints show, count and mark them; preferences change what is made. E-mail is off here (no
 * SMTP_URL): tests/integration/notifications-mail.test.ts runs a real SMTP server.
 */

// A fixed day far from a fiscal year's end (the fiscal-year rule stays quiet).
const today = "2026-12-07";
let pm: SessionUser, hr: SessionUser, auditor: SessionUser, exec: SessionUser;
let ids: { regulation: number; incident: number; finding: number; contractor: number };

const notesOf = async (userId: number) => {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id);
};

beforeAll(async () => {
  hr = (await signInAs("hr"))!;
  auditor = (await signInAs("auditor"))!;
  exec = (await signInAs("executive"))!;
  pm = (await signInAs("privacy_manager"))!;
  const db = await getDb();
  // A regulation review due in 10 days (lead time 30: "soon", to the privacy manager).
  const [r] = await db
    .insert(regulations)
    .values({ code: "PMS-01", title: "個人情報保護規程", currentVersion: 1, effectiveDate: "2026-01-01", status: "in_force", nextReviewDue: addDays(today, 10) })
    .returning();
  // An incident discovered six days ago, reported by HR: the P-mark preliminary report (5 days) is late.
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
  // A finding owned by the auditor, its corrective action due today.
  const [a] = await db.insert(audits).values({ fiscalYear: 2026, type: "conformance", title: "適合状況監査", plannedStart: "2026-10-01", plannedEnd: "2026-10-03", actualStart: "2026-10-01", actualEnd: "2026-10-03", reportedOn: "2026-10-10", closedOn: "2026-10-20", status: "closed" }).returning();
  const [f] = await db.insert(auditFindings).values({ auditId: a.id, grade: "minor_nc", description: "教育記録の保管漏れ", ownerUserId: auditor.id, dueDate: today, clauseRef: "7.2" }).returning();
  // A contractor in use whose P-mark certificate expires in 20 days (contractor lead time 30: "soon").
  const [c] = await db.insert(contractors).values({ name: "株式会社データ保管", services: "書類保管", status: "approved" }).returning();
  await db.insert(contractorCertifications).values({ contractorId: c.id, kind: "pmark", number: "10820001", expiresOn: addDays(today, 20) });
  ids = { regulation: r.id, incident: i.id, finding: f.id, contractor: c.id };
});

describe("the deadline scan", () => {
  it("tells each deadline to the right people at its stage, with a link to the record", async () => {
    const result = await scanDeadlines({ today, daily: true });
    expect(result.created).toBeGreaterThanOrEqual(4);
    expect(result.queued).toBe(0); // no SMTP_URL: in the app only

    const pmNotes = await notesOf(pm.id);
    expect(pmNotes.map((n) => [n.rule, n.recordKey, n.dueOn, n.escalated])).toEqual(
      expect.arrayContaining([
        ["regulation.review:soon", `regulation-${ids.regulation}-review`, addDays(today, 10), false],
        ["incident.pmarkPreliminary:late", `incident-${ids.incident}-pmarkPreliminary`, addDays(today, -1), false],
        ["contractorCertification.expiry:soon", expect.stringMatching(/^contractor-cert-\d+$/), addDays(today, 20), false],
      ]),
    );
    // HR reported the incident: HR hears of its late report too; the finding's owner hears of its due day.
    expect((await notesOf(hr.id)).map((n) => n.rule)).toContain("incident.pmarkPreliminary:late");
    const auditorNotes = await notesOf(auditor.id);
    expect(auditorNotes.map((n) => [n.rule, n.href])).toEqual([["finding.action:due", expect.stringMatching(new RegExp(`^/audits/\\d+#finding-${ids.finding}$`))]]);
    // The executive owns nothing and is no recipient role.
    expect(await notesOf(exec.id)).toEqual([]);
    // Every notification is in the audit trail.
    const db = await getDb();
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.entity, "notification"));
    expect(n).toBe(result.created);
  });

  it("is idempotent: a second scan, or two at once, adds nothing", async () => {
    const db = await getDb();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0].n;
    const before = await count();
    const [a, b] = await Promise.all([scanDeadlines({ today }), scanDeadlines({ today })]);
    expect(a.created + b.created).toBe(0);
    expect(await count()).toBe(before);
  });

  it("moves to the next stage as the days pass, and stops once done", async () => {
    const db = await getDb();
    // The finding's day has passed: late, to the owner and escalated to the privacy manager.
    await scanDeadlines({ today: addDays(today, 1) });
    expect((await notesOf(auditor.id)).map((n) => n.rule)).toEqual(["finding.action:due", "finding.action:late"]);
    const escalated = (await notesOf(pm.id)).find((n) => n.rule === "finding.action:late");
    expect(escalated?.escalated).toBe(true);
    // Once done, nothing more.
    await db.update(auditFindings).set({ status: "done", doneOn: addDays(today, 1) }).where(eq(auditFindings.id, ids.finding));
    const before = (await notesOf(auditor.id)).length;
    await scanDeadlines({ today: addDays(today, 2) });
    expect((await notesOf(auditor.id)).length).toBe(before);
  });
});

describe("in the app", () => {
  it("lists the caller's own notifications with their summary, counts and marks them read", async () => {
    await signInAs("auditor");
    const list = await call(listRoute, "GET", "/api/v1/notifications?unread=true", { headers: { "accept-language": "ja" } });
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(2);
    expect(list.body.items[0]).toMatchObject({ type: "finding", stage: "late", summary: "是正処置期限：7.2 教育記録の保管漏れ" });
    expect((await call(unreadRoute, "GET", "/api/v1/notifications/unread")).body).toEqual({ unread: 2 });
    await signInAs("privacy_manager");
    const cert = await call(listRoute, "GET", "/api/v1/notifications?type=contractor", { headers: { "accept-language": "ja" } });
    expect(cert.body.items.map((n: { summary: string; href: string }) => [n.summary, n.href])).toEqual([["委託先の認証の有効期限：株式会社データ保管（10820001）", `/contractors/${ids.contractor}`]]);
    await signInAs("auditor");

    // Someone else's id is ignored.
    const pmNote = (await notesOf(pm.id))[0];
    const other = await call(readRoute, "POST", "/api/v1/notifications/read", { json: { ids: [pmNote.id] } });
    expect(other.body).toEqual({ updated: 0, unread: 2 });
    const one = await call(readRoute, "POST", "/api/v1/notifications/read", { json: { ids: [list.body.items[0].id] } });
    expect(one.body).toEqual({ updated: 1, unread: 1 });
    const all = await call(readRoute, "POST", "/api/v1/notifications/read", { json: { all: true } });
    expect(all.body).toEqual({ updated: 1, unread: 0 });
    const bad = await call(readRoute, "POST", "/api/v1/notifications/read", { json: { ids: [] } });
    expect(bad.status).toBe(400);
  });
});

describe("preferences", () => {
  it("off stops a type for a user; the APPI clocks still reach the privacy manager", async () => {
    await signInAs("hr");
    const got = await call(prefsRoute, "GET", "/api/v1/notifications/preferences", { headers: { "accept-language": "en" } });
    expect(got.body).toEqual({ modes: DEFAULT_MODES, locale: "en", emailEnabled: false, version: 0 });
    const saved = await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: { ...DEFAULT_MODES, incident: "off" }, locale: "ja", version: 0 } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const stale = await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: DEFAULT_MODES, locale: "ja", version: 0 } });
    expect(stale.status).toBe(409);
    const bad = await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: { ...DEFAULT_MODES, incident: "sometimes" }, locale: "ja", version: 1 } });
    expect(bad.status).toBe(400);

    await signInAs("privacy_manager");
    await call(prefsRoute, "PUT", "/api/v1/notifications/preferences", { json: { modes: { ...DEFAULT_MODES, incident: "off" }, locale: "ja", version: 0 } });

    // A reportable incident (1,001 persons) reported by HR: the PPC preliminary report is due.
    const db = await getDb();
    const [i] = await db
      .insert(incidents)
      .values({
        reference: "INC-2026-002",
        fiscalYear: 2026,
        seq: 2,
        title: "顧客名簿の紛失",
        category: "loss",
        discoveredAt: new Date(`${addDays(today, -4)}T12:00:00+09:00`),
        reporterId: hr.id,
        reporterName: hr.name,
        description: "顧客名簿を紛失した。",
        personsAffected: 1001,
      })
      .returning();
    await scanDeadlines({ today });
    const mine = (userId: number) =>
      db
        .select({ rule: notifications.rule })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), sql`${notifications.recordKey} like ${`incident-${i.id}-%`}`));
    expect(await mine(hr.id)).toEqual([]);
    const pmRules = (await mine(pm.id)).map((r) => r.rule).sort();
    expect(pmRules).toContain("incident.ppcPreliminary:soon");
    expect(pmRules).toContain("incident.personsNotice:soon");
    // The P-mark body's clock is not an APPI clock: off is off.
    expect(pmRules.some((r) => r.startsWith("incident.pmark"))).toBe(false);
  });
});

describe("lead times", () => {
  it("are a setting: a shorter lead time holds a reminder back", async () => {
    await signInAs("privacy_manager");
    const got = await call(leadRoute, "GET", "/api/v1/notifications/lead-days");
    expect(got.body).toEqual({ ...DEFAULT_LEAD_DAYS, version: 0 });
    const saved = await call(leadRoute, "PUT", "/api/v1/notifications/lead-days", { json: { ...DEFAULT_LEAD_DAYS, contractor: 5, version: 0 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...DEFAULT_LEAD_DAYS, contractor: 5, version: 1 });
    const tooMany = await call(leadRoute, "PUT", "/api/v1/notifications/lead-days", { json: { ...DEFAULT_LEAD_DAYS, contractor: 400, version: 1 } });
    expect(tooMany.status).toBe(400);
    await signInAs("hr");
    expect((await call(leadRoute, "PUT", "/api/v1/notifications/lead-days", { json: { ...DEFAULT_LEAD_DAYS, version: 1 } })).status).toBe(403);
  });
});
