import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import * as summaryRoute from "@/app/api/v1/dashboard/summary/route";
import { getDb } from "@/db";
import { auditFindings, incidents, pmsAppointments, pmsPosts, registerItems, registerRisks } from "@/db/schema";
import { dashboardDrilldowns, type Drilldown } from "@/lib/dashboard/links";
import type { DashboardSummaryDto } from "@/lib/dashboard/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { resetToDemo, routeModule } from "../support/openapi-ops";

/**
 * Every number on the dashboard that opens a list shows the count of that list: generated from the
 * dashboard's own link definitions (lib/dashboard/links.ts dashboardDrilldowns), each link's path and
 * query are sent to the list's API endpoint (a list page reads the same parameters as its endpoint) and
 * the answer's `total` must equal the number. On the demo data and on a changed copy of it (findings
 * verified and reopened, appointments ended, an incident added), so that a filter missing from a link
 * shows whatever the data.
 */

/** The list page a dashboard link opens → the API endpoint that page reads its rows from. */
const LIST_API: Record<string, string> = {
  "/training/status": "/api/v1/training-status",
  "/regulations": "/api/v1/regulations",
  "/regulations/structure": "/api/v1/pms-posts",
  "/incidents": "/api/v1/incidents",
  "/contractors": "/api/v1/contractors",
  "/audits": "/api/v1/audits",
  "/audits/findings": "/api/v1/findings",
  "/audits/management-reviews": "/api/v1/management-reviews",
  "/notifications/deliveries": "/api/v1/notifications/deliveries",
  "/register": "/api/v1/register/items",
  "/register/risks/list": "/api/v1/register/risks",
  "/requests": "/api/v1/requests",
  "/provisions": "/api/v1/provision-records",
};

/** Links that open a page about one thing rather than a list: no count to compare. */
const NOT_A_LIST = [/^\/dashboard\/score(\?|$)/, /^\/audits\/pmark$/, /^\/incidents\/\d+$/, /^\/requests\/\d+$/, /^\/audits\/calendar(\?|$)/, /^\/renewal$/];

async function summary(): Promise<DashboardSummaryDto> {
  const r = await call(summaryRoute, "GET", "/api/v1/dashboard/summary");
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as DashboardSummaryDto;
}

/** Every href anywhere in the summary (the fields named href or …Href). */
function hrefsIn(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => hrefsIn(x, out));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      if ((k === "href" || k.endsWith("Href")) && typeof x === "string") out.push(x);
      else hrefsIn(x, out);
    }
  return out;
}

/** What the list behind a dashboard link counts: its endpoint's `total` for the link's query. */
async function listTotal(href: string): Promise<number> {
  const url = new URL(href, "http://localhost");
  const api = LIST_API[url.pathname];
  expect(api, `${href}: which list endpoint does ${url.pathname} read? (add it to LIST_API)`).toBeDefined();
  const r = await call(await routeModule(api), "GET", `${api}${url.search}`);
  expect(r.status, `${href} → ${api}${url.search}: ${r.text.slice(0, 300)}`).toBe(200);
  return r.body.total as number;
}

async function mismatches(drilldowns: Drilldown[]) {
  const out: string[] = [];
  for (const d of drilldowns) {
    const total = await listTotal(d.href);
    if (total !== d.count) out.push(`${d.id}: the dashboard says ${d.count}, ${d.href} lists ${total}`);
  }
  return out;
}

/** The demo data changed in the ways a figure's filter could miss. */
async function changeTheData() {
  const db = await getDb();
  const verifier = await signInAs("auditor");
  const today = todayInTokyo();
  const live = await db.select().from(auditFindings).where(isNull(auditFindings.retiredAt)).orderBy(auditFindings.id);
  // Verify one not-yet-verified nonconformity of each grade; reopen one verified finding; one done.
  for (const grade of ["major_nc", "minor_nc"] as const) {
    const f = live.find((x) => x.grade === grade && x.status !== "verified");
    if (f) await db.update(auditFindings).set({ status: "verified", doneOn: f.doneOn ?? today, verifiedOn: today, verifiedBy: verifier!.id }).where(eq(auditFindings.id, f.id));
  }
  const verified = live.find((x) => x.status === "verified");
  if (verified) await db.update(auditFindings).set({ status: "action_planned", verifiedOn: null, verifiedBy: null, doneOn: null, dueDate: addDays(today, -3) }).where(eq(auditFindings.id, verified.id));
  const open = live.find((x) => x.status === "open" || x.status === "action_planned");
  if (open) await db.update(auditFindings).set({ status: "done", doneOn: today }).where(eq(auditFindings.id, open.id));
  // End today's holders of two filled posts yesterday, and appoint someone to start tomorrow on one.
  const current = await db
    .select({ id: pmsAppointments.id, postId: pmsAppointments.postId })
    .from(pmsAppointments)
    .innerJoin(pmsPosts, eq(pmsPosts.id, pmsAppointments.postId))
    .where(and(isNull(pmsAppointments.retiredAt), isNull(pmsPosts.retiredAt), sql`${pmsAppointments.fromDate} < ${today}::date`, sql`(${pmsAppointments.toDate} is null or ${pmsAppointments.toDate} >= ${today}::date)`))
    .orderBy(pmsAppointments.id);
  const posts = [...new Set(current.map((a) => a.postId))].slice(0, 2);
  expect(posts.length).toBe(2);
  await db
    .update(pmsAppointments)
    .set({ toDate: addDays(today, -1) })
    .where(inArray(pmsAppointments.id, current.filter((a) => posts.includes(a.postId)).map((a) => a.id)));
  // A critical incident discovered today, open and reportable.
  const [template] = await db.select().from(incidents).orderBy(incidents.id).limit(1);
  const { id: _id, reference: _ref, createdAt: _c, updatedAt: _u, version: _v, ...rest } = template as typeof template & { createdAt?: unknown; updatedAt?: unknown };
  void [_id, _ref, _c, _u, _v];
  await db.insert(incidents).values({ ...rest, reference: "INC-DRILL-1", fiscalYear: Number(today.slice(0, 4)) + 1, seq: 999, title: "ドリルダウン検証", status: "reported", severity: "critical", personsAffected: 1200, occurredAt: new Date(), discoveredAt: new Date(), ppcPreliminaryReportedOn: null, ppcFinalReportedOn: null, pmarkPreliminaryReportedOn: null, pmarkFinalReportedOn: null, personsNotifiedOn: null, closedApprovedBy: null, closedApprovedAt: null, retiredAt: null } as typeof incidents.$inferInsert);
  // The register: one high residual risk accepted, an item with risks retired, one item's review overdue.
  const [high] = await db.select().from(registerRisks).where(and(isNull(registerRisks.retiredAt), isNull(registerRisks.acceptedOn), sql`${registerRisks.residualLikelihood} * ${registerRisks.residualImpact} >= 10`)).orderBy(registerRisks.id).limit(1);
  if (high) await db.update(registerRisks).set({ acceptedOn: today, acceptedByName: "Drill", acceptanceNote: "drill" }).where(eq(registerRisks.id, high.id));
  const withRisks = await db.selectDistinct({ itemId: registerRisks.itemId }).from(registerRisks).where(isNull(registerRisks.retiredAt)).orderBy(registerRisks.itemId).limit(2);
  if (withRisks[1]) await db.update(registerItems).set({ retiredAt: new Date() }).where(eq(registerItems.id, withRisks[1].itemId));
  if (withRisks[0]) await db.update(registerItems).set({ nextReviewDueOn: addDays(today, -1) }).where(eq(registerItems.id, withRisks[0].itemId));
  await signInAs("privacy_manager");
}

describe("every dashboard number equals the count of the list it opens", () => {
  beforeAll(async () => {
    await resetToDemo();
    await signInAs("privacy_manager");
  });

  it("every link in the summary is a drill-down with a count, or a page about one thing", async () => {
    const s = await summary();
    const counted = new Set(dashboardDrilldowns(s).map((d) => d.href));
    const uncounted = hrefsIn(s).filter((h) => !counted.has(h) && !NOT_A_LIST.some((re) => re.test(h)));
    expect(uncounted).toEqual([]);
    // Each list page exists where the link points.
    for (const p of Object.keys(LIST_API)) expect(existsSync(path.join("app", "(app)", p, "page.tsx")), p).toBe(true);
  });

  it("on the demo data", async () => {
    const s = await summary();
    const d = dashboardDrilldowns(s);
    expect(d.length).toBeGreaterThan(20);
    expect(await mismatches(d)).toEqual([]);
  });

  it("on the demo data after findings, appointments and incidents changed", async () => {
    await changeTheData();
    const s = await summary();
    expect(await mismatches(dashboardDrilldowns(s))).toEqual([]);
  });
});
