import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import * as readinessRoute from "@/app/api/v1/renewal/readiness/route";
import * as correspondenceRoute from "@/app/api/v1/renewal/correspondence/route";
import * as linkRoute from "@/app/api/v1/renewal/correspondence/[id]/route";
import * as retireRoute from "@/app/api/v1/renewal/correspondence/[id]/retire/route";
import { getDb } from "@/db";
import { auditFindings, auditLog, audits, incidents, regulationClauseLinks, regulations } from "@/db/schema";
import { listRegulationCorrespondence } from "@/db/queries/renewal-correspondence";
import { GUIDELINE_CLAUSES } from "@/lib/renewal/clauses";
import type { ReadinessDto } from "@/lib/renewal/readiness-schema";
import { call, signInAs } from "../support/api";
import { resetToDemo, routeModule } from "../support/openapi-ops";

/**
 * Renewal readiness (docs/domain.md, "Renewal readiness"): every figure a missing item links to is the
 * count of the list it opens (the link's query sent to that list's endpoint), and the evidence agrees
 * with the modules' own lists for the same year — on the demo data and after changes that make checks
 * fail. The correspondence table: mapping, note, removal, each audited; roles; bad input.
 */

const LIST_API: Record<string, string> = {
  "/training/status": "/api/v1/training-status",
  "/audits/findings": "/api/v1/findings",
  "/incidents": "/api/v1/incidents",
  "/register": "/api/v1/register/items",
  "/audits/management-reviews": "/api/v1/management-reviews",
  "/audits": "/api/v1/audits",
};

/** Missing items whose count is exactly the total of the list they open. */
const COUNTED = new Set(["trainingOverdue", "majorUnverified", "pmarkReportLate", "itemsOverdue"]);

async function readiness(): Promise<ReadinessDto> {
  const r = await call(readinessRoute, "GET", "/api/v1/renewal/readiness");
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return r.body as ReadinessDto;
}

async function listTotal(href: string): Promise<number> {
  const url = new URL(href, "http://localhost");
  const api = LIST_API[url.pathname];
  expect(api, `${href}: no list endpoint known for ${url.pathname}`).toBeDefined();
  const r = await call(await routeModule(api), "GET", `${api}${url.search}`);
  expect(r.status, `${href}: ${r.text.slice(0, 300)}`).toBe(200);
  return r.body.total as number;
}

async function mismatches(d: ReadinessDto): Promise<string[]> {
  const out: string[] = [];
  for (const y of d.years) {
    for (const c of y.checks) {
      for (const m of c.missing) {
        if (!COUNTED.has(m.reason)) continue;
        const total = await listTotal(m.href);
        if (total !== m.count) out.push(`FY${y.fiscalYear} ${c.key} ${m.reason}: says ${m.count}, ${m.href} lists ${total}`);
      }
      const ev = c.evidence;
      // The evidence against the modules' own lists for the same year.
      if (c.key === "training") {
        const overdue = await listTotal(`/training/status?fiscalYear=${y.fiscalYear}&status=overdue`);
        if (overdue !== ev.overdue) out.push(`FY${y.fiscalYear} training overdue: ${ev.overdue} vs list ${overdue}`);
        const all = await listTotal(`/training/status?fiscalYear=${y.fiscalYear}`);
        if (all !== Number(ev.required) + Number(ev.exempt)) out.push(`FY${y.fiscalYear} training pairs: ${Number(ev.required) + Number(ev.exempt)} vs list ${all}`);
      }
      if (c.key === "majorNonconformities") {
        const total = await listTotal(`/audits/findings?fy=${y.fiscalYear}&grade=major_nc`);
        if (total !== ev.total) out.push(`FY${y.fiscalYear} major NCs: ${ev.total} vs list ${total}`);
      }
      if (c.key === "incidentReports") {
        const total = await listTotal(`/incidents?fy=${y.fiscalYear}`);
        if (total !== ev.total) out.push(`FY${y.fiscalYear} incidents: ${ev.total} vs list ${total}`);
        const late = await listTotal(`/incidents?fy=${y.fiscalYear}&pmarkLate=true`);
        if (late !== ev.late) out.push(`FY${y.fiscalYear} late P-mark reports: ${ev.late} vs list ${late}`);
      }
      if (c.key === "managementReview") {
        const all = await listTotal(`/audits/management-reviews?fy=${y.fiscalYear}`);
        if (all !== Number(ev.held) + Number(ev.scheduled)) out.push(`FY${y.fiscalYear} reviews: ${Number(ev.held) + Number(ev.scheduled)} vs list ${all}`);
      }
      if (c.key === "internalAudit") {
        const conformance = await listTotal(`/audits?fy=${y.fiscalYear}&type=conformance`);
        const operation = await listTotal(`/audits?fy=${y.fiscalYear}&type=operation`);
        if (conformance + operation !== Number(ev.done) + Number(ev.planned))
          out.push(`FY${y.fiscalYear} internal audits: ${Number(ev.done) + Number(ev.planned)} vs lists ${conformance + operation}`);
      }
    }
  }
  return out;
}

describe("renewal readiness", () => {
  beforeAll(async () => {
    await resetToDemo();
  });

  it("checks the last two complete fiscal years and the current one, each check with a state", async () => {
    await signInAs("privacy_manager");
    const d = await readiness();
    expect(d.years).toHaveLength(3);
    expect(d.years.map((y) => y.current)).toEqual([false, false, true]);
    expect(d.years[1].fiscalYear - d.years[0].fiscalYear).toBe(1);
    for (const y of d.years) expect(y.checks.map((c) => c.key)).toEqual(["training", "internalAudit", "managementReview", "register", "majorNonconformities", "incidentReports"]);
    const all = d.years.flatMap((y) => y.checks);
    expect(d.counts.failing + d.counts.open + d.counts.passing).toBe(all.length);
    expect(d.counts.failing).toBe(all.filter((c) => c.state === "fail").length);
    expect(d.certificate).not.toBeNull();
  });

  it("shows on the demo data the figures the modules' own lists show", async () => {
    await signInAs("privacy_manager");
    expect(await mismatches(await readiness())).toEqual([]);
  });

  it("still agrees after changes that fail checks: a major nonconformity reopened, an incident's P-mark report undone", async () => {
    const db = await getDb();
    await signInAs("privacy_manager");
    const before = await readiness();
    const fy = before.years[1].fiscalYear;
    // Every major nonconformity of last year back to open; every incident of last year without its P-mark reports.
    const lastYearAudits = await db.select({ id: audits.id }).from(audits).where(eq(audits.fiscalYear, fy));
    for (const a of lastYearAudits) {
      await db
        .update(auditFindings)
        .set({ status: "open", verifiedOn: null, verifiedBy: null })
        .where(and(eq(auditFindings.auditId, a.id), eq(auditFindings.grade, "major_nc")));
    }
    await db.update(incidents).set({ pmarkPreliminaryReportedOn: null, pmarkFinalReportedOn: null }).where(isNull(incidents.retiredAt));
    const after = await readiness();
    expect(await mismatches(after)).toEqual([]);
    const inc = after.years[1].checks.find((c) => c.key === "incidentReports")!;
    if (Number(inc.evidence.total) > 0) {
      expect(inc.state).toBe("fail");
      expect(inc.missing[0].href).toBe(`/incidents?fy=${fy}&pmarkLate=true`);
    }
  });

  it("is read by the executive and the auditor, not by HR", async () => {
    for (const role of ["executive", "auditor"] as const) {
      await signInAs(role);
      expect((await call(readinessRoute, "GET", "/api/v1/renewal/readiness")).status).toBe(200);
    }
    await signInAs("hr");
    expect((await call(readinessRoute, "GET", "/api/v1/renewal/readiness")).status).toBe(403);
    await signInAs(null);
    expect((await call(readinessRoute, "GET", "/api/v1/renewal/readiness")).status).toBe(401);
  });
});

describe("correspondence table", () => {
  beforeAll(async () => {
    await resetToDemo();
  });

  async function regulationId(code: string): Promise<number> {
    const db = await getDb();
    const [r] = await db.select({ id: regulations.id }).from(regulations).where(eq(regulations.code, code));
    return r.id;
  }

  it("lists every clause J.1–J.11 with its regulations, and flags the uncovered ones", async () => {
    await signInAs("executive");
    const r = await call(correspondenceRoute, "GET", "/api/v1/renewal/correspondence");
    expect(r.status, r.text).toBe(200);
    expect(r.body.clauses.map((c: { clause: string }) => c.clause)).toEqual([...GUIDELINE_CLAUSES]);
    // The demo leaves J.11 (complaints and inquiries) to no regulation.
    expect(r.body.uncovered).toEqual(["J.11"]);
    const j1 = r.body.clauses[0];
    expect(j1).toMatchObject({ clause: "J.1", titleJa: expect.any(String), titleEn: expect.any(String), covered: true });
    expect(j1.regulations[0]).toMatchObject({ code: "REG-01", version: expect.any(Number), effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // The pack's function answers the same clauses.
    expect((await listRegulationCorrespondence()).map((c) => [c.clause, c.regulations.map((g) => g.id)])).toEqual(
      r.body.clauses.map((c: { clause: string; regulations: { id: number }[] }) => [c.clause, c.regulations.map((g) => g.id)]),
    );
  });

  it("maps a regulation, changes its note and removes it, each in the audit trail", async () => {
    const db = await getDb();
    await signInAs("privacy_manager");
    const regId = await regulationId("REG-07");
    const created = await call(correspondenceRoute, "POST", "/api/v1/renewal/correspondence", { json: { regulationId: regId, clause: "J.11", note: "第9条" } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ regulationId: regId, clause: "J.11", note: "第9条", retired: false, version: 1 });
    const id = created.body.id as number;
    const after = await call(correspondenceRoute, "GET", "/api/v1/renewal/correspondence");
    expect(after.body.uncovered).toEqual([]);

    const dup = await call(correspondenceRoute, "POST", "/api/v1/renewal/correspondence", { json: { regulationId: regId, clause: "J.11" } });
    expect(dup.status).toBe(409);

    const edited = await call(linkRoute, "PATCH", `/api/v1/renewal/correspondence/${id}`, { params: { id }, json: { note: "第9条、第10条", version: 1 } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ note: "第9条、第10条", version: 2 });
    const stale = await call(linkRoute, "PATCH", `/api/v1/renewal/correspondence/${id}`, { params: { id }, json: { note: "x", version: 1 } });
    expect(stale.status).toBe(409);

    const removed = await call(retireRoute, "POST", `/api/v1/renewal/correspondence/${id}/retire`, { params: { id }, json: { version: 2 } });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.retired).toBe(true);
    const again = await call(retireRoute, "POST", `/api/v1/renewal/correspondence/${id}/retire`, { params: { id }, json: { version: 3 } });
    expect(again.status).toBe(409);
    expect((await call(correspondenceRoute, "GET", "/api/v1/renewal/correspondence")).body.uncovered).toEqual(["J.11"]);

    const trail = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, "regulation_clause_link"), eq(auditLog.entityId, String(id))));
    expect(trail.map((t) => t.action).sort()).toEqual(["create", "retire", "update"]);
    // Mapped again after removal: a new live mapping.
    const remapped = await call(correspondenceRoute, "POST", "/api/v1/renewal/correspondence", { json: { regulationId: regId, clause: "J.11" } });
    expect(remapped.status).toBe(201);
  });

  it("refuses a retired or unknown regulation and bad input with 400, changing nothing", async () => {
    const db = await getDb();
    await signInAs("privacy_manager");
    const count = async () => (await db.select().from(regulationClauseLinks)).length;
    const n = await count();
    const [retired] = await db.select({ id: regulations.id }).from(regulations).where(eq(regulations.status, "retired"));
    for (const json of [
      { regulationId: retired?.id ?? 999999, clause: "J.1" },
      { regulationId: 999999, clause: "J.1" },
      { regulationId: 1, clause: "J.12" },
      { regulationId: 1, clause: "A.3.1" },
      { regulationId: "x", clause: "J.1" },
      { regulationId: 1, clause: "J.1", note: "x".repeat(501) },
    ]) {
      const r = await call(correspondenceRoute, "POST", "/api/v1/renewal/correspondence", { json });
      expect(r.status, `${JSON.stringify(json)}: ${r.text}`).toBe(400);
    }
    expect(await count()).toBe(n);
  });

  it("is kept by the privacy manager only", async () => {
    const regId = await regulationId("REG-06");
    for (const role of ["executive", "auditor", "hr"] as const) {
      await signInAs(role);
      const r = await call(correspondenceRoute, "POST", "/api/v1/renewal/correspondence", { json: { regulationId: regId, clause: "J.11" } });
      expect(r.status).toBe(403);
    }
    await signInAs("hr");
    expect((await call(correspondenceRoute, "GET", "/api/v1/renewal/correspondence")).status).toBe(403);
  });
});
