import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/incidents/route";
import * as itemRoute from "@/app/api/v1/incidents/[id]/route";
import * as transitionRoute from "@/app/api/v1/incidents/[id]/transition/route";
import * as reportsRoute from "@/app/api/v1/incidents/[id]/reports/route";
import * as actionsRoute from "@/app/api/v1/incidents/[id]/corrective-actions/route";
import * as actionRoute from "@/app/api/v1/incidents/[id]/corrective-actions/[actionId]/route";
import * as retireActionRoute from "@/app/api/v1/incidents/[id]/corrective-actions/[actionId]/retire/route";
import * as dueRoute from "@/app/api/v1/incidents/due/route";
import * as statsRoute from "@/app/api/v1/incidents/stats/route";
import * as exportRoute from "@/app/api/v1/incidents/export.csv/route";
import { getDb } from "@/db";
import { auditLog, departments, incidentTransitions, incidents } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { fiscalYearOf } from "@/lib/fiscal-year";
import type { IncidentDto } from "@/lib/incidents/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

const today = todayInTokyo();
const fy = fiscalYearOf(today, 4);
let dept = 0;

const report = (over: Record<string, unknown> = {}) => ({
  title: "顧客宛メールの誤送信",
  category: "misdirected",
  discoveredAt: `${addDays(today, -2)}T10:00`,
  departmentId: dept,
  description: "見積書を別の顧客へ誤送信した。",
  personsAffected: 1,
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await call(listRoute, "POST", "/api/v1/incidents", { json: report(over) });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function countRows() {
  const db = await getDb();
  return (await db.select().from(incidents)).length;
}

beforeAll(async () => {
  const db = await getDb();
  [{ id: dept }] = await db.insert(departments).values({ code: "D04", name: "営業部" }).returning();
});

describe("incident numbers", () => {
  it("20 reports created at once get INC-<FY>-001 .. 020, no gap, no duplicate", async () => {
    await signInAs("executive");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(listRoute, "POST", "/api/v1/incidents", { json: report({ title: `同時報告 ${i + 1}` }) })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const refs = results.map((r) => r.body.reference as string).sort();
    expect(refs).toEqual(Array.from({ length: 20 }, (_, i) => `INC-${fy}-${String(i + 1).padStart(3, "0")}`));
  });

  it("a refused report does not use up a number", async () => {
    await signInAs("hr");
    const before = await countRows();
    const bad = await call(listRoute, "POST", "/api/v1/incidents", { json: report({ departmentId: 99999 }) });
    expect(bad.status).toBe(400);
    expect(await countRows()).toBe(before);
    const next = await create();
    expect(next.reference).toBe(`INC-${fy}-021`);
  });
});

describe("reporting an incident (any role) and its clocks", () => {
  it("every role may report; the reporter and a transition are recorded, and audited", async () => {
    for (const role of ["hr", "auditor", "executive", "privacy_manager"] as const) {
      const user = await signInAs(role);
      const body = await create();
      expect(body).toMatchObject({ status: "reported", reporterName: user!.name, reporterId: user!.id, version: 1 });
      const db = await getDb();
      const t = await db.select().from(incidentTransitions).where(eq(incidentTransitions.incidentId, body.id));
      expect(t).toMatchObject([{ fromStatus: null, toStatus: "reported", actorName: user!.name }]);
      const a = await db.select().from(auditLog).where(and(eq(auditLog.entity, "incident"), eq(auditLog.entityId, String(body.id))));
      expect(a.map((x) => x.action)).toEqual(["create"]);
    }
  });

  it("returns reportable, reasons and the four deadlines the moment it is saved (23:30 Tokyo is that day)", async () => {
    await signInAs("hr");
    const day = addDays(today, -1);
    const body = await create({ discoveredAt: `${day}T23:30:00+09:00`, sensitiveData: true });
    expect(body).toMatchObject({
      discoveryDate: day,
      reportable: true,
      reportableReasons: ["sensitive_data"],
      preliminaryReportDue: addDays(day, 5),
      finalReportDue: addDays(day, 30),
      pmarkPreliminaryReportDue: addDays(day, 5),
      pmarkFinalReportDue: addDays(day, 30),
      overdue: false,
    });
  });

  it("1,000 persons is not reportable, 1,001 is; encryption exempts; wrongful purpose → 60 days", async () => {
    await signInAs("auditor");
    const day = addDays(today, -2);
    expect((await create({ personsAffected: 1000 })).reportable).toBe(false);
    expect(await create({ personsAffected: 1001 })).toMatchObject({ reportable: true, reportableReasons: ["many_persons"] });
    expect(await create({ personsAffected: 5000, encrypted: true })).toMatchObject({ reportable: false, exemption: "advanced_encryption", exemptedReasons: ["many_persons"], preliminaryReportDue: null, pmarkPreliminaryReportDue: addDays(day, 5) });
    expect(await create({ wrongfulPurpose: true })).toMatchObject({ reportable: true, finalReportDue: addDays(day, 60), pmarkFinalReportDue: addDays(day, 60) });
  });

  it("bad input: clear 400 per field, nothing stored", async () => {
    await signInAs("hr");
    const before = await countRows();
    const res = await call(listRoute, "POST", "/api/v1/incidents", {
      json: report({ title: "", category: "fire", discoveredAt: "2026-02-30T10:00", personsAffected: -1 }),
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(["category", "discoveredAt", "personsAffected", "title"]);
    const future = await call(listRoute, "POST", "/api/v1/incidents", { json: report({ discoveredAt: `${addDays(today, 2)}T10:00` }) });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ field: "discoveredAt" });
    const order = await call(listRoute, "POST", "/api/v1/incidents", { json: report({ occurredAt: `${addDays(today, -1)}T10:00`, discoveredAt: `${addDays(today, -2)}T10:00` }) });
    expect(order.status).toBe(400);
    expect(order.body.errors[0]).toMatchObject({ field: "occurredAt" });
    expect(await countRows()).toBe(before);
  });
});

describe("managing an incident (privacy_manager only)", () => {
  it("others may not change it", async () => {
    await signInAs("hr");
    const inc = await create();
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      const res = await call(transitionRoute, "POST", "/x", { params: { id: inc.id }, json: { to: "investigating", version: 1 } });
      expect(res.status).toBe(403);
    }
  });

  it("update recomputes the clocks; a stale version gets 409 and changes nothing", async () => {
    await signInAs("hr");
    const inc = await create();
    await signInAs("privacy_manager");
    const upd = await call(itemRoute, "PATCH", "/x", { params: { id: inc.id }, json: { ...report(), personsAffected: 1001, reportOverview: "概要", version: 1 } });
    expect(upd.status, upd.text).toBe(200);
    expect(upd.body).toMatchObject({ reportable: true, reportableReasons: ["many_persons"], reportOverview: "概要", version: 2 });
    const stale = await call(itemRoute, "PATCH", "/x", { params: { id: inc.id }, json: { ...report(), personsAffected: 3, version: 1 } });
    expect(stale.status).toBe(409);
    const got = await call(itemRoute, "GET", "/x", { params: { id: inc.id } });
    expect(got.body.incident).toMatchObject({ personsAffected: 1001, version: 2 });
  });

  it("workflow: one step forward at a time, recorded; illegal moves 409; closing needs actions done and records the approval", async () => {
    await signInAs("executive");
    const inc = await create();
    await signInAs("privacy_manager");
    let version = 1;
    const move = (to: string) => call(transitionRoute, "POST", "/x", { params: { id: inc.id }, json: { to, version, note: `${to} へ` } });

    const skip = await move("contained");
    expect(skip.status).toBe(409);
    expect(skip.body.detail).toContain("one step");

    for (const to of ["investigating", "contained", "resolved"]) {
      const r = await move(to);
      expect(r.status, r.text).toBe(200);
      expect(r.body.status).toBe(to);
      version = r.body.version;
    }
    const back = await move("contained");
    expect(back.status).toBe(409);

    const add = await call(actionsRoute, "POST", "/x", { params: { id: inc.id }, json: { description: "宛先確認の徹底", owner: "営業部 山本", dueOn: addDays(today, 10) } });
    expect(add.status, add.text).toBe(201);
    const blocked = await move("closed");
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain("1 corrective action");

    const done = await call(actionRoute, "PATCH", "/x", { params: { id: inc.id, actionId: add.body.id }, json: { ...add.body, doneOn: today, version: 1 } });
    expect(done.status, done.text).toBe(200);
    const closed = await move("closed");
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", closedApprovedByName: expect.any(String) });
    expect(closed.body.closedApprovedAt).toBeTruthy();

    const again = await call(transitionRoute, "POST", "/x", { params: { id: inc.id }, json: { to: "closed", version: closed.body.version } });
    expect(again.status).toBe(409);
    const detail = await call(itemRoute, "GET", "/x", { params: { id: inc.id } });
    expect(detail.body.transitions.map((t: { fromStatus: string | null; toStatus: string }) => `${t.fromStatus}>${t.toStatus}`)).toEqual([
      "null>reported",
      "reported>investigating",
      "investigating>contained",
      "contained>resolved",
      "resolved>closed",
    ]);
    // A closed incident takes no new corrective action.
    const late = await call(actionsRoute, "POST", "/x", { params: { id: inc.id }, json: { description: "追加", owner: "x", dueOn: today } });
    expect(late.status).toBe(409);
  });

  it("a withdrawn corrective action no longer blocks closing", async () => {
    await signInAs("privacy_manager");
    const inc = await create();
    const add = await call(actionsRoute, "POST", "/x", { params: { id: inc.id }, json: { description: "誤登録", owner: "x", dueOn: today } });
    const retired = await call(retireActionRoute, "POST", "/x", { params: { id: inc.id, actionId: add.body.id }, json: { version: 1 } });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    const list = await call(actionsRoute, "GET", "/x", { params: { id: inc.id } });
    expect(list.body).toEqual([]);
  });

  it("report dates: late ones flagged, bad ones refused per field", async () => {
    await signInAs("privacy_manager");
    const day = addDays(today, -8);
    const inc = await create({ discoveredAt: `${day}T09:00`, financialLoss: true });
    expect(inc).toMatchObject({ overdue: true, preliminaryReportLate: true, pmarkPreliminaryReportLate: true, personsNoticeLate: true, finalReportLate: false });

    const bad = await call(reportsRoute, "PUT", "/x", { params: { id: inc.id }, json: { ppcPreliminaryReportedOn: addDays(day, -1), pmarkPreliminaryReportedOn: addDays(today, 1), version: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((f: { field: string }) => f.field).sort()).toEqual(["pmarkPreliminaryReportedOn", "ppcPreliminaryReportedOn"]);

    const ok = await call(reportsRoute, "PUT", "/x", {
      params: { id: inc.id },
      json: { ppcPreliminaryReportedOn: addDays(day, 4), pmarkPreliminaryReportedOn: addDays(day, 7), personsNotifiedOn: addDays(day, 5), version: 1 },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ overdue: false, preliminaryReportLate: false, pmarkPreliminaryReportLate: true, personsNoticeLate: false, version: 2 });
    const states = Object.fromEntries(ok.body.obligations.map((o: { key: string; state: string }) => [o.key, o.state]));
    expect(states).toEqual({ ppcPreliminary: "done", ppcFinal: "pending", personsNotice: "done", pmarkPreliminary: "done_late", pmarkFinal: "pending" });
  });
});

describe("lists, due now, charts, export", () => {
  it("filters reportable / overdue / status and pages on the server", async () => {
    await signInAs("executive");
    await create({ discoveredAt: `${addDays(today, -10)}T09:00`, title: "報告が遅れているもの" });
    const all = await call(listRoute, "GET", "/api/v1/incidents?pageSize=5");
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    const total = all.body.total;
    const rep = await call(listRoute, "GET", "/api/v1/incidents?reportable=true&pageSize=200");
    const notRep = await call(listRoute, "GET", "/api/v1/incidents?reportable=false&pageSize=200");
    expect(rep.body.items.every((i: { reportable: boolean }) => i.reportable)).toBe(true);
    expect(rep.body.total + notRep.body.total).toBe(total);
    const late = await call(listRoute, "GET", "/api/v1/incidents?overdue=true&pageSize=200");
    expect(late.body.total).toBeGreaterThan(0);
    expect(late.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const closed = await call(listRoute, "GET", "/api/v1/incidents?status=closed");
    expect(closed.body.items.every((i: { status: string }) => i.status === "closed")).toBe(true);
    const byDue = await call(listRoute, "GET", "/api/v1/incidents?sort=nextDue&dir=asc&pageSize=200");
    const dues = byDue.body.items.map((i: { nextDue: string | null }) => i.nextDue).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    const bad = await call(listRoute, "GET", "/api/v1/incidents?severity=huge");
    expect(bad.status).toBe(400);
  });

  it("sorts, filters and pages in SQL exactly as the pure rules order and judge the whole list", async () => {
    await signInAs("executive");
    const fetchAll = async (query: string) => {
      const items: IncidentDto[] = [];
      for (let page = 1; ; page++) {
        const r = await call(listRoute, "GET", `/api/v1/incidents?${query}&pageSize=7&page=${page}`);
        expect(r.status, r.text).toBe(200);
        items.push(...r.body.items);
        if (items.length >= r.body.total || !r.body.items.length) return { items, total: r.body.total as number };
      }
    };
    // The reference: every incident judged by toDto (the pure rules), then filtered and sorted in JS.
    const everything = (await fetchAll("sort=discoveredAt&dir=asc")).items;
    expect(everything.length).toBeGreaterThan(20);
    const severity = ["low", "medium", "high", "critical"];
    const status = ["reported", "investigating", "contained", "resolved", "closed"];
    const key: Record<string, (i: IncidentDto) => string | number> = {
      reference: (i) => i.reference,
      discoveredAt: (i) => Date.parse(i.discoveredAt),
      severity: (i) => severity.indexOf(i.severity),
      status: (i) => status.indexOf(i.status),
      personsAffected: (i) => i.personsAffected,
      nextDue: (i) => i.nextDue ?? "9999-12-31",
    };
    for (const filter of ["", "reportable=true", "overdue=false", "overdue=true"]) {
      for (const sort of Object.keys(key)) {
        for (const dir of ["asc", "desc"] as const) {
          const d = dir === "asc" ? 1 : -1;
          const want = everything
            .filter((i) => (filter === "reportable=true" ? i.reportable : filter === "overdue=false" ? !i.overdue : filter === "overdue=true" ? i.overdue : true))
            .sort((a, b) => {
              const x = key[sort](a);
              const y = key[sort](b);
              return d * (x < y ? -1 : x > y ? 1 : 0) || d * (a.id - b.id);
            })
            .map((i) => i.reference);
          const got = await fetchAll(`${filter}&sort=${sort}&dir=${dir}`);
          expect(got.total, `${filter} ${sort} ${dir}`).toBe(want.length);
          expect(got.items.map((i) => i.reference), `${filter} ${sort} ${dir}`).toEqual(want);
        }
      }
    }
    const past = await call(listRoute, "GET", "/api/v1/incidents?pageSize=200&page=99");
    expect(past.body).toMatchObject({ items: [], total: everything.length });
  });

  it("due now is ordered by deadline, late first", async () => {
    await signInAs("auditor");
    const res = await call(dueRoute, "GET", "/api/v1/incidents/due?limit=200");
    expect(res.status).toBe(200);
    const dues = res.body.items.map((i: { dueOn: string }) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(res.body.items[0].state).toBe("late");
  });

  it("stats and CSV", async () => {
    await signInAs("executive");
    const stats = await call(statsRoute, "GET", `/api/v1/incidents/stats?fy=${fy}`);
    expect(stats.status).toBe(200);
    expect(stats.body.months).toHaveLength(12);
    expect(stats.body.months.reduce((s: number, m: { total: number }) => s + m.total, 0)).toBeGreaterThan(20);
    expect(stats.body.containmentDays.length).toBeGreaterThan(0);
    const text = await fetchCsvExport(exportRoute, "/api/v1/incidents/export.csv?reportable=true");
    expect(text).toContain("委員会速報期限");
    expect(text).toContain(`INC-${fy}-`);
  });
});
