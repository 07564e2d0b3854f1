import { describe, expect, it, beforeAll } from "vitest";
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import * as eventsRoute from "@/app/api/v1/calendar/events/route";
import * as feedRoute from "@/app/api/v1/calendar/feed/route";
import * as revokeRoute from "@/app/api/v1/calendar/feed/revoke/route";
import * as icsRoute from "@/app/api/v1/calendar/feed/[token]/route";
import { getDb } from "@/db";
import { auditLog, audits, calendarFeeds, incidentCorrectiveActions, incidents, regulations } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { hashFeedToken } from "@/lib/calendar/feed";
import { call, signInAs } from "../support/api";

/**
 * The calendar: the events endpoint collects the modules' due dates for a range; the iCalendar feed
 * is fetched WITHOUT a session with its secret token, parsed back by a real parser (ical.js), and is
 * stable across fetches; a revoked or unknown token answers 404; the token is never stored.
 */

const today = todayInTokyo();
const reviewDue = addDays(today, 10);
const auditStart = addDays(today, 14);
// Discovered today at noon in Tokyo: the P-mark preliminary report is due 5 days later.
const discoveredAt = new Date(`${today}T12:00:00+09:00`);
const pmarkPrelimDue = addDays(today, 5);
const actionDue = addDays(today, 20);

let ids: { regulation: number; incident: number; audit: number; action: number; doneAction: number };

beforeAll(async () => {
  const db = await getDb();
  const [r] = await db
    .insert(regulations)
    .values({ code: "PMS-01", title: "個人情報保護規程", currentVersion: 1, effectiveDate: addDays(today, -355), status: "in_force", nextReviewDue: reviewDue })
    .returning();
  const [i] = await db
    .insert(incidents)
    .values({
      reference: "INC-2026-001",
      fiscalYear: 2026,
      seq: 1,
      title: "メール誤送信",
      category: "misdirected",
      discoveredAt,
      reporterName: "山田 太郎",
      description: "取引先へのメールに別顧客の見積書を添付した。",
      personsAffected: 1,
    })
    .returning();
  const [a] = await db
    .insert(audits)
    .values({ fiscalYear: 2026, type: "conformance", title: "2026年度 適合状況監査", plannedStart: auditStart, plannedEnd: addDays(auditStart, 2) })
    .returning();
  // The incident's corrective actions: one still to do (on the calendar), one done (not).
  const [act, doneAct] = await db
    .insert(incidentCorrectiveActions)
    .values([
      { incidentId: i.id, description: "外部宛てメールの送信前に宛先確認画面を必須にする。", owner: "情報システム担当", dueOn: actionDue },
      { incidentId: i.id, description: "関係者への注意喚起を行う。", owner: "営業部長", dueOn: addDays(today, 3), doneOn: today },
    ])
    .returning();
  ids = { regulation: r.id, incident: i.id, audit: a.id, action: act.id, doneAction: doneAct.id };
});

const range = `from=${today}&to=${addDays(today, 40)}`;

describe("GET /api/v1/calendar/events", () => {
  it("collects a regulation review, the incident's deadlines and an audit, in date order, with summaries", async () => {
    await signInAs("executive");
    const res = await call(eventsRoute, "GET", `/api/v1/calendar/events?${range}`, { headers: { "accept-language": "ja" } });
    expect(res.status, res.text).toBe(200);
    const uids = res.body.items.map((e: { uid: string }) => e.uid);
    expect(uids).toContain(`regulation-${ids.regulation}-review`);
    expect(uids).toContain(`incident-${ids.incident}-pmarkPreliminary`);
    expect(uids).toContain(`audit-${ids.audit}`);
    // Not reportable (1 person): no PPC deadline.
    expect(uids).not.toContain(`incident-${ids.incident}-ppcPreliminary`);
    const reg = res.body.items.find((e: { uid: string }) => e.uid === `regulation-${ids.regulation}-review`);
    expect(reg).toMatchObject({ type: "regulation", start: reviewDue, end: reviewDue, href: `/regulations/${ids.regulation}`, summary: "規程見直し期限：PMS-01 個人情報保護規程" });
    const inc = res.body.items.find((e: { uid: string }) => e.uid === `incident-${ids.incident}-pmarkPreliminary`);
    expect(inc).toMatchObject({ start: pmarkPrelimDue, summary: "INC-2026-001 審査機関への速報期限" });
    const aud = res.body.items.find((e: { uid: string }) => e.uid === `audit-${ids.audit}`);
    expect(aud).toMatchObject({ start: auditStart, end: addDays(auditStart, 2), href: `/audits/${ids.audit}` });
    const starts = res.body.items.map((e: { start: string }) => e.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it("shows an open incident's corrective action not done on its due day, linking to the incident; not a done one, nor once the incident is closed", async () => {
    const me = await signInAs("auditor");
    const get = async (lang = "ja") =>
      (await call(eventsRoute, "GET", `/api/v1/calendar/events?${range}&type=incident`, { headers: { "accept-language": lang } })).body.items as { uid: string }[];
    const items = await get();
    const act = items.find((e) => e.uid === `incident-action-${ids.action}`);
    expect(act).toMatchObject({
      type: "incident",
      start: actionDue,
      end: actionDue,
      href: `/incidents/${ids.incident}`,
      state: "due_soon",
      summary: "INC-2026-001 是正処置期限：外部宛てメールの送信前に宛先確認画面を必須にする。",
    });
    expect(items.map((e) => e.uid)).not.toContain(`incident-action-${ids.doneAction}`);
    const en = (await get("en")).find((e) => e.uid === `incident-action-${ids.action}`);
    expect(en).toMatchObject({ summary: "INC-2026-001 Corrective action due: 外部宛てメールの送信前に宛先確認画面を必須にする。" });
    // Outside the range asked for: not there.
    const before = await call(eventsRoute, "GET", `/api/v1/calendar/events?from=${today}&to=${addDays(today, 10)}&type=incident`);
    expect(before.body.items.map((e: { uid: string }) => e.uid)).not.toContain(`incident-action-${ids.action}`);
    // A closed incident has nothing left on the calendar.
    const db = await getDb();
    await db.update(incidents).set({ status: "closed", closedApprovedBy: me!.id, closedApprovedAt: new Date() }).where(eq(incidents.id, ids.incident));
    try {
      expect((await get()).map((e) => e.uid)).not.toContain(`incident-action-${ids.action}`);
    } finally {
      await db.update(incidents).set({ status: "reported", closedApprovedBy: null, closedApprovedAt: null }).where(eq(incidents.id, ids.incident));
    }
  });

  it("filters by type, in English", async () => {
    await signInAs("hr");
    const res = await call(eventsRoute, "GET", `/api/v1/calendar/events?${range}&type=regulation,audit`);
    expect(res.status).toBe(200);
    expect(res.body.types).toEqual(["audit", "regulation"]);
    expect(new Set(res.body.items.map((e: { type: string }) => e.type))).toEqual(new Set(["audit", "regulation"]));
    expect(res.body.items.find((e: { type: string }) => e.type === "regulation").summary).toBe("Review due: PMS-01 個人情報保護規程");
  });

  it("refuses a reversed or too long range, and an unknown type, with field messages", async () => {
    await signInAs("auditor");
    const reversed = await call(eventsRoute, "GET", `/api/v1/calendar/events?from=2026-12-31&to=2026-12-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0]).toMatchObject({ field: "to", message: "The end date must be on or after the start date." });
    expect((await call(eventsRoute, "GET", `/api/v1/calendar/events?from=2026-01-01&to=2027-12-31`)).status).toBe(400);
    expect((await call(eventsRoute, "GET", `/api/v1/calendar/events?${range}&type=birthdays`)).status).toBe(400);
    expect((await call(eventsRoute, "GET", `/api/v1/calendar/events?from=2026-01-01`)).status).toBe(400);
    await signInAs(null);
    expect((await call(eventsRoute, "GET", `/api/v1/calendar/events?${range}`)).status).toBe(401);
  });
});

describe("the iCalendar feed", () => {
  it("create → fetch without a session → parse with ical.js → stable; revoke → 404; unknown → 404; only a hash stored", async () => {
    const db = await getDb();
    const me = await signInAs("auditor");
    expect((await call(feedRoute, "GET", "/api/v1/calendar/feed")).body).toEqual({ active: false, createdAt: null, locale: null });

    const created = await call(feedRoute, "POST", "/api/v1/calendar/feed", { json: { locale: "ja" } });
    expect(created.status, created.text).toBe(201);
    const { token, url } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`http://localhost/api/v1/calendar/feed/${token}.ics`);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect((await call(feedRoute, "GET", "/api/v1/calendar/feed")).body).toMatchObject({ active: true, locale: "ja" });

    // Not stored in clear: only its SHA-256.
    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, me!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const trail = await db.select().from(auditLog).where(eq(auditLog.entity, "calendar_feed"));
    expect(trail.map((t) => t.action)).toEqual(["create"]);
    expect(JSON.stringify(trail)).not.toContain(token);

    await signInAs(null);
    const fetchIcs = () => call(icsRoute, "GET", `/api/v1/calendar/feed/${token}.ics`, { params: { token: `${token}.ics` } });
    const first = await fetchIcs();
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/calendar");

    const parse = (text: string) => {
      const comp = new ICAL.Component(ICAL.parse(text));
      return comp.getAllSubcomponents("vevent").map((v) => {
        const ev = new ICAL.Event(v);
        return { uid: ev.uid, summary: ev.summary, start: ev.startDate.toString(), isDate: ev.startDate.isDate, end: ev.endDate.toString(), url: String(v.getFirstPropertyValue("url")) };
      });
    };
    const events = parse(first.text);
    // RFC 5545: DTSTAMP in UTC (the Z form), and no zone the feed does not define.
    const stamps = new ICAL.Component(ICAL.parse(first.text)).getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("dtstamp") as ICAL.Time);
    expect(stamps.length).toBeGreaterThan(0);
    expect(stamps.every((t) => t.zone === ICAL.Timezone.utcTimezone)).toBe(true);
    expect(first.text).not.toMatch(/TZID|X-WR-TIMEZONE|TIMEZONE-ID/);
    const reg = events.find((e) => e.uid === `regulation-${ids.regulation}-review@pms-dashboard`);
    expect(reg).toMatchObject({ summary: "規程見直し期限：PMS-01 個人情報保護規程", start: reviewDue, isDate: true, end: addDays(reviewDue, 1), url: `http://localhost/regulations/${ids.regulation}` });
    const inc = events.find((e) => e.uid === `incident-${ids.incident}-pmarkPreliminary@pms-dashboard`);
    expect(inc).toMatchObject({ summary: "INC-2026-001 審査機関への速報期限", start: pmarkPrelimDue });
    const aud = events.find((e) => e.uid === `audit-${ids.audit}@pms-dashboard`);
    expect(aud).toMatchObject({ summary: "監査（予定）：2026年度 適合状況監査", start: auditStart, end: addDays(auditStart, 3) });
    const act = events.find((e) => e.uid === `incident-action-${ids.action}@pms-dashboard`);
    expect(act).toMatchObject({
      summary: "INC-2026-001 是正処置期限：外部宛てメールの送信前に宛先確認画面を必須にする。",
      start: actionDue,
      isDate: true,
      end: addDays(actionDue, 1),
      url: `http://localhost/incidents/${ids.incident}`,
    });
    expect(events.map((e) => e.uid)).not.toContain(`incident-action-${ids.doneAction}@pms-dashboard`);

    // The same UIDs and dates on the next fetch: a client updates rather than duplicates.
    const second = parse((await fetchIcs()).text);
    const key = (e: { uid: string; start: string; summary: string }) => `${e.uid} ${e.start} ${e.summary}`;
    expect(second.map(key)).toEqual(events.map(key));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    // Revoke: the URL stops working at once.
    await signInAs("auditor");
    const revoked = await call(revokeRoute, "POST", "/api/v1/calendar/feed/revoke", { json: {} });
    expect(revoked.status).toBe(200);
    expect(revoked.body.active).toBe(false);
    await signInAs(null);
    const gone = await fetchIcs();
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toContain("application/problem+json");

    // Unknown and malformed tokens look the same.
    const unknown = "A".repeat(43);
    expect((await call(icsRoute, "GET", `/api/v1/calendar/feed/${unknown}.ics`, { params: { token: `${unknown}.ics` } })).status).toBe(404);
    expect((await call(icsRoute, "GET", `/api/v1/calendar/feed/x`, { params: { token: "x" } })).status).toBe(404);
  });

  it("a new URL replaces the old one; the feed speaks the owner's chosen language", async () => {
    await signInAs("hr");
    const a = (await call(feedRoute, "POST", "/api/v1/calendar/feed", { json: {} })).body.token; // language of the request: en
    const b = (await call(feedRoute, "POST", "/api/v1/calendar/feed", { json: { locale: "en" } })).body.token;
    await signInAs(null);
    expect((await call(icsRoute, "GET", `/x`, { params: { token: `${a}.ics` } })).status).toBe(404);
    const res = await call(icsRoute, "GET", `/x`, { params: { token: `${b}.ics` } });
    expect(res.status).toBe(200);
    expect(res.text).toContain("SUMMARY:Review due: PMS-01 個人情報保護規程");
    expect(res.text).toContain("X-WR-CALNAME:PMS calendar");
  });

  it("refuses a bad locale without changing anything", async () => {
    await signInAs("executive");
    const db = await getDb();
    const before = (await db.select().from(calendarFeeds)).length;
    const res = await call(feedRoute, "POST", "/api/v1/calendar/feed", { json: { locale: "fr" } });
    expect(res.status).toBe(400);
    expect((await db.select().from(calendarFeeds)).length).toBe(before);
  });
});
