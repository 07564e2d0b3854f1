import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as auditsRoute from "@/app/api/v1/audits/route";
import * as auditRoute from "@/app/api/v1/audits/[id]/route";
import * as transitionRoute from "@/app/api/v1/audits/[id]/transition/route";
import * as teamRoute from "@/app/api/v1/audits/[id]/team/route";
import * as statsRoute from "@/app/api/v1/audits/stats/route";
import * as exportRoute from "@/app/api/v1/audits/export.csv/route";
import * as findingsRoute from "@/app/api/v1/findings/route";
import * as findingRoute from "@/app/api/v1/findings/[id]/route";
import * as verifyRoute from "@/app/api/v1/findings/[id]/verify/route";
import * as rejectRoute from "@/app/api/v1/findings/[id]/reject/route";
import * as retireRoute from "@/app/api/v1/findings/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/findings/[id]/restore/route";
import * as findingsExportRoute from "@/app/api/v1/findings/export.csv/route";
import * as pmarkRoute from "@/app/api/v1/pmark-certificates/route";
import * as pmarkOneRoute from "@/app/api/v1/pmark-certificates/[id]/route";
import * as reviewsRoute from "@/app/api/v1/management-reviews/route";
import * as reviewRoute from "@/app/api/v1/management-reviews/[id]/route";
import * as reviewActionsRoute from "@/app/api/v1/management-reviews/[id]/actions/route";
import { getDb } from "@/db";
import { auditFindings, auditLog, audits, departments, pmarkCertificates, users } from "@/db/schema";
import { addDays, addMonths, todayInTokyo } from "@/lib/dates";
import { currentFiscalYear } from "@/lib/fiscal-year";
import { call, signInAs } from "../support/api";
import { seedDemoData } from "../support/demo-data";

const today = todayInTokyo();
const fy = currentFiscalYear(today);
let dept: Record<string, number> = {};

async function snapshot() {
  const db = await getDb();
  return { audits: await db.select().from(audits), findings: await db.select().from(auditFindings), certs: await db.select().from(pmarkCertificates) };
}

const plan = (over: Record<string, unknown> = {}) => ({
  fiscalYear: fy,
  type: "operation",
  title: "運用状況監査（経理部）",
  scopeDepartmentIds: [dept.D08],
  scopeClauses: ["A.3.4.2"],
  plannedStart: addDays(today, 10),
  plannedEnd: addDays(today, 11),
  leadAuditorId: null,
  teamUserIds: [],
  ...over,
});

beforeAll(async () => {
  await seedDemoData(today);
  const db = await getDb();
  const rows = await db.select({ id: departments.id, code: departments.code }).from(departments);
  dept = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  // The test auditor belongs to 経営企画部 (D01), as the demo auditor does.
  const auditor = await signInAs("auditor");
  await db.update(users).set({ departmentId: dept.D01 }).where(eq(users.id, auditor!.id));
});

describe("audits", () => {
  it("the auditor plans an audit; it is listed, filtered and audited", async () => {
    const me = await signInAs("auditor");
    const res = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ leadAuditorId: me!.id }) });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ status: "planned", leadAuditorId: me!.id, scopeDepartments: [{ id: dept.D08, name: "経理部" }], version: 1 });
    const list = await call(auditsRoute, "GET", `/api/v1/audits?fy=${fy}&type=operation&status=planned&sort=title`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: number }) => a.id)).toContain(res.body.id);
    expect(list.body.items.every((a: { type: string; status: string }) => a.type === "operation" && a.status === "planned")).toBe(true);
    const db = await getDb();
    const trail = await db.select().from(auditLog).where(and(eq(auditLog.entity, "audit"), eq(auditLog.entityId, String(res.body.id))));
    expect(trail.map((t) => t.action)).toEqual(["create"]);
  });

  it("independence: refuses an auditor as lead or team member of an audit of their own department, and changes nothing", async () => {
    const me = await signInAs("auditor");
    const before = await snapshot();
    const asLead = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ scopeDepartmentIds: [dept.D01], leadAuditorId: me!.id }) });
    expect(asLead.status).toBe(400);
    expect(asLead.body.errors[0]).toMatchObject({ field: "leadAuditorId" });
    expect(asLead.body.errors[0].message).toContain("independence");
    const asMember = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ scopeDepartmentIds: [dept.D01, dept.D02], teamUserIds: [me!.id] }) });
    expect(asMember.status).toBe(400);
    expect(asMember.body.errors[0]).toMatchObject({ field: "team" });
    expect(await snapshot()).toEqual(before);

    // Widening the scope of an audit the auditor leads to their own department is refused too.
    const ok = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ leadAuditorId: me!.id }) });
    const { id, version, findingCount: _f, ...rest } = ok.body;
    void _f;
    const widen = await call(auditRoute, "PATCH", `/api/v1/audits/${id}`, {
      params: { id },
      json: { ...plan(), title: rest.title, leadAuditorId: me!.id, scopeDepartmentIds: [dept.D01, dept.D08], version },
    });
    expect(widen.status).toBe(400);
    // And putting them on a team by the team endpoint.
    const other = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ scopeDepartmentIds: [dept.D01] }) });
    expect(other.status, other.text).toBe(201);
    const team = await call(teamRoute, "PUT", `/api/v1/audits/${other.body.id}/team`, { params: { id: other.body.id }, json: { teamUserIds: [me!.id], version: 1 } });
    expect(team.status).toBe(400);
  });

  it("a stale version gets 409 and changes nothing", async () => {
    await signInAs("auditor");
    const created = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ title: "409テスト" }) });
    const id = created.body.id;
    const body = { ...plan({ title: "変更1" }), actualStart: null, actualEnd: null, summary: null, version: 1 };
    delete (body as Record<string, unknown>).teamUserIds;
    const first = await call(auditRoute, "PATCH", `/api/v1/audits/${id}`, { params: { id }, json: body });
    expect(first.status, first.text).toBe(200);
    expect(first.body.version).toBe(2);
    const before = await snapshot();
    const stale = await call(auditRoute, "PATCH", `/api/v1/audits/${id}`, { params: { id }, json: { ...body, title: "変更2" } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect(await snapshot()).toEqual(before);
  });

  it("runs an audit to closure: a nonconformity keeps it open until its correction is verified", async () => {
    const me = await signInAs("auditor");
    const created = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ leadAuditorId: me!.id, title: "終了テスト" }) });
    const id = created.body.id;
    const step = (to: string, version: number) => call(transitionRoute, "POST", `/api/v1/audits/${id}/transition`, { params: { id }, json: { to, version } });
    expect((await step("reported", 1)).status).toBe(409); // cannot skip
    const started = await step("in_progress", 1);
    expect(started.status, started.text).toBe(200);
    expect(started.body).toMatchObject({ status: "in_progress", actualStart: today });

    const nc = await call(findingsRoute, "POST", "/api/v1/findings", {
      json: { auditId: id, clauseRef: "A.3.4.2", grade: "minor_nc", departmentId: dept.D08, description: "請求書の保管庫が施錠されていなかった。", dueDate: addDays(today, 14) },
    });
    expect(nc.status, nc.text).toBe(201);
    expect(nc.body.status).toBe("open");

    // Reporting needs the summary.
    const noSummary = await step("reported", 2);
    expect(noSummary.status).toBe(400);
    const withSummary = { ...plan({ leadAuditorId: me!.id, title: "終了テスト" }), actualStart: today, actualEnd: null, summary: "軽微な不適合1件。", version: 2 };
    delete (withSummary as Record<string, unknown>).teamUserIds;
    expect((await call(auditRoute, "PATCH", `/api/v1/audits/${id}`, { params: { id }, json: withSummary })).status).toBe(200);
    const rep = await step("reported", 3);
    expect(rep.status, rep.text).toBe(200);

    // Closing rule.
    const before = await snapshot();
    const blocked = await step("closed", 4);
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain("1");
    expect(await snapshot()).toEqual(before);

    // Cannot verify before the action is done; the owner (privacy manager) records it, the auditor verifies.
    const early = await call(verifyRoute, "POST", `/api/v1/findings/${nc.body.id}/verify`, { params: { id: nc.body.id }, json: { version: 1 } });
    expect(early.status).toBe(409);
    const manager = await signInAs("privacy_manager");
    const fBody = {
      clauseRef: "A.3.4.2",
      grade: "minor_nc",
      departmentId: dept.D08,
      description: "請求書の保管庫が施錠されていなかった。",
      correctiveAction: "",
      ownerUserId: manager!.id,
      dueDate: addDays(today, 14),
      status: "done",
      version: 1,
    };
    const noAction = await call(findingRoute, "PATCH", `/api/v1/findings/${nc.body.id}`, { params: { id: nc.body.id }, json: fBody });
    expect(noAction.status).toBe(400);
    expect(noAction.body.errors[0].field).toBe("correctiveAction");
    const done = await call(findingRoute, "PATCH", `/api/v1/findings/${nc.body.id}`, {
      params: { id: nc.body.id },
      json: { ...fBody, correctiveAction: "終業時の施錠確認をチェックリストに追加。" },
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: "done", doneOn: today });
    const selfVerify = await call(verifyRoute, "POST", `/api/v1/findings/${nc.body.id}/verify`, { params: { id: nc.body.id }, json: { version: 2 } });
    expect(selfVerify.status).toBe(409);

    await signInAs("auditor");
    const verified = await call(verifyRoute, "POST", `/api/v1/findings/${nc.body.id}/verify`, { params: { id: nc.body.id }, json: { version: 2, note: "確認済み" } });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body).toMatchObject({ status: "verified", verifiedOn: today, verifiedByName: "Test auditor" });

    const closed = await step("closed", 4);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", closedOn: today, openNonconformities: 0 });
    // Closed is final.
    const late = await call(findingsRoute, "POST", "/api/v1/findings", { json: { auditId: id, grade: "observation", description: "追加" } });
    expect(late.status).toBe(409);
  });

  it("findings filter by grade, status, department and overdue; CSV exports", async () => {
    await signInAs("hr");
    const overdue = await call(findingsRoute, "GET", "/api/v1/findings?overdue=true");
    expect(overdue.status).toBe(200);
    expect(overdue.body.total).toBeGreaterThanOrEqual(1);
    expect(overdue.body.items.every((f: { overdue: boolean }) => f.overdue)).toBe(true);
    const minor = await call(findingsRoute, "GET", `/api/v1/findings?grade=minor_nc&status=verified&department=${dept.D05}`);
    expect(minor.body.items.length).toBeGreaterThanOrEqual(1);
    expect(minor.body.items.every((f: { grade: string; status: string; departmentId: number }) => f.grade === "minor_nc" && f.status === "verified" && f.departmentId === dept.D05)).toBe(true);
    const csv = await call(findingsExportRoute, "GET", "/api/v1/findings/export.csv?overdue=true", { headers: { "accept-language": "ja" } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("是正期限");
    const auditsCsv = await call(exportRoute, "GET", `/api/v1/audits/export.csv?fy=${fy}`);
    expect(auditsCsv.status).toBe(200);
    expect(auditsCsv.text).toContain("Planned start");
  });

  it("stats: planned vs done per quarter, findings by grade, overdue actions, yearly indicators", async () => {
    await signInAs("executive");
    const res = await call(statsRoute, "GET", `/api/v1/audits/stats?fy=${fy - 1}`);
    expect(res.status).toBe(200);
    expect(res.body.quarters).toHaveLength(4);
    expect(res.body.quarters.reduce((n: number, q: { planned: number }) => n + q.planned, 0)).toBe(3);
    expect(res.body.indicators).toMatchObject({ internalAuditMet: true, managementReviewMet: true });
    expect(res.body.overdueActions).toBeGreaterThanOrEqual(1);
    const major = res.body.findingsByGrade.find((g: { grade: string }) => g.grade === "major_nc");
    expect(major).toMatchObject({ verified: 1, open: 0 });
  });

  it("hr and executive cannot write audits or findings (403, nothing changed)", async () => {
    for (const role of ["hr", "executive"] as const) {
      await signInAs(role);
      const before = await snapshot();
      expect((await call(auditsRoute, "POST", "/api/v1/audits", { json: plan() })).status).toBe(403);
      expect((await call(findingsRoute, "POST", "/api/v1/findings", { json: { auditId: 1, grade: "observation", description: "x" } })).status).toBe(403);
      expect((await call(transitionRoute, "POST", "/api/v1/audits/1/transition", { params: { id: 1 }, json: { to: "reported", version: 1 } })).status).toBe(403);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe("P-mark certificate and management reviews", () => {
  it("shows the current certificate with its renewal window open (demo: expires in ~6 months)", async () => {
    await signInAs("executive");
    const res = await call(pmarkRoute, "GET", "/api/v1/pmark-certificates");
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({ validTo: addMonths(today, 6), window: { state: "window_open", opensOn: addDays(addMonths(addMonths(today, 6), -8), 1) } }); // the day after 8 months before
    expect(res.body.history).toHaveLength(1);
  });

  it("the auditor can read but not write the certificate or management reviews; the privacy manager can", async () => {
    await signInAs("auditor");
    const before = await snapshot();
    const cert = { certificateNumber: "17000123(09)", validFrom: addMonths(today, 6), validTo: null, note: null };
    expect((await call(pmarkRoute, "POST", "/api/v1/pmark-certificates", { json: cert })).status).toBe(403);
    expect((await call(pmarkOneRoute, "PATCH", "/api/v1/pmark-certificates/1", { params: { id: 1 }, json: { ...cert, version: 1 } })).status).toBe(403);
    expect((await call(reviewsRoute, "POST", "/api/v1/management-reviews", { json: { heldOn: today, title: "x", participants: "y" } })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await call(reviewRoute, "GET", "/api/v1/management-reviews/1", { params: { id: 1 } })).status).toBe(200);

    await signInAs("privacy_manager");
    const created = await call(pmarkRoute, "POST", "/api/v1/pmark-certificates", { json: cert });
    expect(created.status, created.text).toBe(201);
    // Default validity: two years.
    expect(created.body.validTo).toBe(addDays(addMonths(addMonths(today, 6), 24), -1));
    expect(created.body.window.state).toBe("before_window");
    const now = await call(pmarkRoute, "GET", "/api/v1/pmark-certificates");
    expect(now.body.current.id).toBe(created.body.id);

    const mr = await call(reviewsRoute, "POST", "/api/v1/management-reviews", { json: { heldOn: today, title: "臨時レビュー", participants: "代表取締役" } });
    expect(mr.status, mr.text).toBe(201);
    expect(mr.body.review.fiscalYear).toBe(fy);
    const act = await call(reviewActionsRoute, "POST", `/api/v1/management-reviews/${mr.body.review.id}/actions`, {
      params: { id: mr.body.review.id },
      json: { description: "対策を検討する", ownerName: "総務部長", dueDate: addDays(today, -1) },
    });
    expect(act.status, act.text).toBe(201);
    expect(act.body).toMatchObject({ status: "open", overdue: true, ownerLabel: "総務部長" });
  });

  it("refuses bad certificate dates with a field error", async () => {
    await signInAs("privacy_manager");
    const res = await call(pmarkRoute, "POST", "/api/v1/pmark-certificates", { json: { certificateNumber: "1", validFrom: "2026-06-01", validTo: "2026-05-01" } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("validTo");
  });
});

describe("findings: sending a correction back, retiring and restoring", () => {
  async function auditInProgress(title: string) {
    const me = await signInAs("auditor");
    const created = await call(auditsRoute, "POST", "/api/v1/audits", { json: plan({ leadAuditorId: me!.id, title }) });
    const id = created.body.id as number;
    const started = await call(transitionRoute, "POST", `/api/v1/audits/${id}/transition`, { params: { id }, json: { to: "in_progress", version: 1 } });
    expect(started.status, started.text).toBe(200);
    return { id, me: me! };
  }
  const trail = async (entityId: number) => {
    const db = await getDb();
    return db.select().from(auditLog).where(and(eq(auditLog.entity, "audit_finding"), eq(auditLog.entityId, String(entityId))));
  };

  it("a done correction is sent back to action_planned with a reason, not by its owner; stale → 409; audited", async () => {
    const { id } = await auditInProgress("差戻しテスト");
    const manager = await signInAs("privacy_manager");
    const nc = await call(findingsRoute, "POST", "/api/v1/findings", {
      json: { auditId: id, grade: "minor_nc", description: "鍵の管理簿が更新されていなかった。", correctiveAction: "管理簿を週次で点検する。", ownerUserId: manager!.id, dueDate: addDays(today, 20) },
    });
    expect(nc.status, nc.text).toBe(201);
    const fid = nc.body.id as number;
    const reject = (json: Record<string, unknown>) => call(rejectRoute, "POST", `/api/v1/findings/${fid}/reject`, { params: { id: fid }, json });

    // Not done yet: nothing to send back.
    await signInAs("auditor");
    expect((await reject({ reason: "不十分", version: 1 })).status).toBe(409);

    await signInAs("privacy_manager");
    const done = await call(findingRoute, "PATCH", `/api/v1/findings/${fid}`, {
      params: { id: fid },
      json: { grade: "minor_nc", description: "鍵の管理簿が更新されていなかった。", correctiveAction: "管理簿を週次で点検する。", ownerUserId: manager!.id, dueDate: addDays(today, 20), status: "done", version: 1 },
    });
    expect(done.status, done.text).toBe(200);
    // The owner cannot send their own correction back.
    const own = await reject({ reason: "自分で差し戻す", version: 2 });
    expect(own.status).toBe(409);
    expect(own.body.detail).toBe("The owner of the corrective action cannot send it back. Another auditor must decide.");

    await signInAs("auditor");
    const before = await snapshot();
    const noReason = await reject({ reason: "  ", version: 2 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe("reason");
    expect((await reject({ reason: "不十分", version: 1 })).status).toBe(409);
    expect(await snapshot()).toEqual(before);

    const sent = await reject({ reason: "点検記録が1週分しかなく、定着を確認できない。", version: 2 });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({ status: "action_planned", doneOn: null, verificationNote: "点検記録が1週分しかなく、定着を確認できない。", version: 3 });
    const last = (await trail(fid)).at(-1)!;
    expect(last.action).toBe("update");
    expect(last.after).toMatchObject({ status: "action_planned", rejectionReason: "点検記録が1週分しかなく、定着を確認できない。" });
    expect(last.before).toMatchObject({ status: "done" });
    // Executives read only.
    await signInAs("executive");
    expect((await reject({ reason: "x", version: 3 })).status).toBe(403);
  });

  it("a retired nonconformity leaves the lists, the counts and the closing rule; restore is refused once the audit is closed", async () => {
    const { id, me } = await auditInProgress("取り下げテスト");
    const nc = await call(findingsRoute, "POST", "/api/v1/findings", { json: { auditId: id, grade: "major_nc", description: "重複して登録した指摘。", dueDate: addDays(today, -3) } });
    const fid = nc.body.id as number;
    const retire = (json: Record<string, unknown>) => call(retireRoute, "POST", `/api/v1/findings/${fid}/retire`, { params: { id: fid }, json });
    const restore = (version: number) => call(restoreRoute, "POST", `/api/v1/findings/${fid}/restore`, { params: { id: fid }, json: { version } });

    const summary = { ...plan({ leadAuditorId: me.id, title: "取り下げテスト" }), actualStart: today, actualEnd: null, summary: "指摘なし（重複登録を取り下げ）。", version: 2 };
    delete (summary as Record<string, unknown>).teamUserIds;
    expect((await call(auditRoute, "PATCH", `/api/v1/audits/${id}`, { params: { id }, json: summary })).status).toBe(200);
    expect((await call(transitionRoute, "POST", `/api/v1/audits/${id}/transition`, { params: { id }, json: { to: "reported", version: 3 } })).status).toBe(200);
    expect((await call(transitionRoute, "POST", `/api/v1/audits/${id}/transition`, { params: { id }, json: { to: "closed", version: 4 } })).status).toBe(409);

    const before = await snapshot();
    expect((await retire({ reason: "", version: 1 })).status).toBe(400);
    expect((await retire({ reason: "重複", version: 9 })).status).toBe(409);
    expect((await restore(1)).status).toBe(409); // not retired
    expect(await snapshot()).toEqual(before);

    const retired = await retire({ reason: "同じ事象を二重に登録したため", version: 1 });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ retireReason: "同じ事象を二重に登録したため", retiredByName: "Test auditor", overdue: false, version: 2 });
    expect(retired.body.retiredAt).not.toBeNull();
    expect((await retire({ reason: "もう一度", version: 2 })).status).toBe(409);
    const [t] = (await trail(fid)).filter((r) => r.action === "retire");
    expect(t.after).toMatchObject({ retireReason: "同じ事象を二重に登録したため" });

    // Out of the lists by default, shown (marked) with includeRetired; out of the audit's counts.
    const listed = await call(findingsRoute, "GET", `/api/v1/findings?audit=${id}`);
    expect(listed.body.items).toEqual([]);
    const withRetired = await call(findingsRoute, "GET", `/api/v1/findings?audit=${id}&includeRetired=true`);
    expect(withRetired.body.items.map((f: { id: number }) => f.id)).toEqual([fid]);
    const detail = await call(auditRoute, "GET", `/api/v1/audits/${id}`, { params: { id } });
    expect(detail.body.audit).toMatchObject({ findingCount: 0, openNonconformities: 0 });
    expect(detail.body.findings.map((f: { id: number; retiredAt: string | null }) => [f.id, f.retiredAt !== null])).toEqual([[fid, true]]);

    // Restored, it blocks again; retired again, the audit closes — and then it is final.
    const restored = await restore(2);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({ retiredAt: null, retireReason: null, retiredByName: null, overdue: true, version: 3 });
    expect((await trail(fid)).map((r) => r.action)).toContain("restore");
    expect((await call(transitionRoute, "POST", `/api/v1/audits/${id}/transition`, { params: { id }, json: { to: "closed", version: 4 } })).status).toBe(409);
    expect((await retire({ reason: "二重登録", version: 3 })).status).toBe(200);
    const closed = await call(transitionRoute, "POST", `/api/v1/audits/${id}/transition`, { params: { id }, json: { to: "closed", version: 4 } });
    expect(closed.status, closed.text).toBe(200);
    expect((await restore(4)).status).toBe(409);

    await signInAs("hr");
    expect((await restore(4)).status).toBe(403);
  });

  it("the demo's retired finding is listed only when asked for, and can be restored", async () => {
    await signInAs("auditor");
    const db = await getDb();
    const [demo] = await db.select().from(auditFindings).where(eq(auditFindings.retireReason, "指摘1と同じ事象を重複して登録したため"));
    expect(demo.retiredAt).not.toBeNull();
    const all = await call(findingsRoute, "GET", `/api/v1/findings?audit=${demo.auditId}&pageSize=200`);
    expect(all.body.items.map((f: { id: number }) => f.id)).not.toContain(demo.id);
    const csv = await call(findingsExportRoute, "GET", `/api/v1/findings/export.csv?audit=${demo.auditId}&includeRetired=true`, { headers: { "accept-language": "ja" } });
    expect(csv.text).toContain("指摘1と同じ事象を重複して登録したため");
    const r = await call(restoreRoute, "POST", `/api/v1/findings/${demo.id}/restore`, { params: { id: demo.id }, json: { version: demo.version } });
    expect(r.status, r.text).toBe(200);
  });

  it("stats count overdue corrective actions by how late; each bucket's findings match the list's late filter", async () => {
    await signInAs("executive");
    const stats = await call(statsRoute, "GET", "/api/v1/audits/stats");
    expect(stats.status).toBe(200);
    const buckets = stats.body.overdueByLateness as { bucket: string; findings: number; reviewActions: number }[];
    expect(buckets.map((b) => b.bucket)).toEqual(["d1_30", "d31_60", "d61_90", "d91_plus"]);
    expect(buckets.reduce((n, b) => n + b.findings, 0)).toBe(stats.body.overdueActions);
    expect(buckets.reduce((n, b) => n + b.reviewActions, 0)).toBe(stats.body.overdueReviewActions);
    // Demo: the marketing finding 25 days late, the review action 14 days late.
    expect(buckets[0].findings).toBeGreaterThanOrEqual(1);
    expect(buckets[0].reviewActions).toBeGreaterThanOrEqual(1);
    for (const b of buckets) {
      const list = await call(findingsRoute, "GET", `/api/v1/findings?late=${b.bucket}`);
      expect(list.status).toBe(200);
      expect(list.body.total, b.bucket).toBe(b.findings);
    }
    expect((await call(findingsRoute, "GET", "/api/v1/findings?late=d5")).status).toBe(400);
  });
});
