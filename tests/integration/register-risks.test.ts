import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/register/risks/route";
import * as oneRoute from "@/app/api/v1/register/risks/[id]/route";
import * as acceptRoute from "@/app/api/v1/register/risks/[id]/accept/route";
import * as retireRoute from "@/app/api/v1/register/risks/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/register/risks/[id]/restore/route";
import * as heatRoute from "@/app/api/v1/register/risks/heatmap/route";
import * as thresholdRoute from "@/app/api/v1/register/risks/threshold/route";
import * as itemRisksRoute from "@/app/api/v1/register/items/[id]/risks/route";
import { getDb } from "@/db";
import { auditLog, registerItems, registerRisks, registerRiskVersions, regulations } from "@/db/schema";
import { todayInTokyo } from "@/lib/dates";
import { LIFECYCLE_STAGES } from "@/lib/register/enums";
import { call, signInAs } from "../support/api";

const today = todayInTokyo();
let itemA = 0;
let itemB = 0;
let retiredItem = 0;
let regulationId = 0;

/** Register items written straight into the table: the register's own service is another module. */
async function insertItem(code: string, over: Partial<typeof registerItems.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(registerItems)
    .values({ code, name: `${code} 利用者登録情報`, acquisitionMethod: "direct_written", nextReviewDueOn: "2027-04-01", ...over })
    .returning();
  return row.id;
}

const risk = (over: Record<string, unknown> = {}) => ({
  itemId: itemA,
  stage: "storage",
  threat: "leak",
  description: "バックアップ媒体の紛失による漏えい",
  likelihood: 4,
  impact: 4,
  countermeasures: [{ safeguard: "technical", description: "バックアップを暗号化する", regulationId: null }],
  residualLikelihood: 2,
  residualImpact: 4,
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await call(listRoute, "POST", "/api/v1/register/risks", { json: risk(over) });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const list = async (qs: string) => {
  const res = await call(listRoute, "GET", `/api/v1/register/risks?${qs}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { items: { id: number }[]; total: number };
};

beforeAll(async () => {
  const db = await getDb();
  itemA = await insertItem("PI-001");
  itemB = await insertItem("PI-002", { kind: "sensitive" });
  retiredItem = await insertItem("PI-099", { retiredAt: new Date() });
  const [reg] = await db
    .insert(regulations)
    .values({ code: "REG-05", title: "情報セキュリティ規程", ownerName: "情報システム部長", status: "in_force", currentVersion: 1, effectiveDate: "2025-04-01", nextReviewDue: "2026-04-01" })
    .returning();
  regulationId = reg.id;
  await signInAs("privacy_manager");
});

describe("creating and changing a risk", () => {
  it("creates a risk with scores and levels, a first snapshot and an audit entry", async () => {
    const r = await create({ countermeasures: [{ safeguard: "organizational", description: "規程で持出しを禁止", regulationId }] });
    expect(r).toMatchObject({ itemCode: "PI-001", score: 16, level: "critical", residualScore: 8, residualLevel: "medium", high: false, version: 1, acceptedOn: null });
    expect(r.countermeasures[0]).toMatchObject({ regulationId, regulationCode: "REG-05", regulationTitle: "情報セキュリティ規程" });
    const db = await getDb();
    const versions = await db.select().from(registerRiskVersions).where(eq(registerRiskVersions.riskId, r.id));
    expect(versions.map((v) => [v.version, v.action])).toEqual([[1, "created"]]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "register_risk"), eq(auditLog.entityId, String(r.id))));
    expect(audits.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses a residual rating above the inherent one on either axis", async () => {
    const res = await call(listRoute, "POST", "/api/v1/register/risks", { json: risk({ likelihood: 2, impact: 5, residualLikelihood: 3, residualImpact: 1 }) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain("residualLikelihood");
  });

  it("refuses ratings off the scale, an unknown regulation, an unknown or retired item", async () => {
    const off = await call(listRoute, "POST", "/api/v1/register/risks", { json: risk({ likelihood: 6 }) });
    expect(off.status).toBe(400);
    const reg = await call(listRoute, "POST", "/api/v1/register/risks", { json: risk({ countermeasures: [{ safeguard: "human", description: "教育", regulationId: 99999 }] }) });
    expect(reg.status, reg.text).toBe(400);
    expect(reg.body.errors[0].field).toBe("countermeasures.0.regulationId");
    expect(reg.body.errors[0].message).toMatch(/regulation/i);
    const noItem = await call(listRoute, "POST", "/api/v1/register/risks", { json: risk({ itemId: 99999 }) });
    expect(noItem.status).toBe(400);
    expect(noItem.body.errors[0].field).toBe("itemId");
    const retired = await call(listRoute, "POST", "/api/v1/register/risks", { json: risk({ itemId: retiredItem }) });
    expect(retired.status).toBe(409);
  });

  it("updates with the version, keeps a snapshot per version, answers 409 on a stale version", async () => {
    const r = await create();
    const up = await call(oneRoute, "PATCH", `/api/v1/register/risks/${r.id}`, { params: { id: r.id }, json: { ...risk(), description: "媒体紛失", version: 1 } });
    expect(up.status, up.text).toBe(200);
    expect(up.body.version).toBe(2);
    const stale = await call(oneRoute, "PATCH", `/api/v1/register/risks/${r.id}`, { params: { id: r.id }, json: { ...risk(), description: "別の説明", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const same = await call(oneRoute, "PATCH", `/api/v1/register/risks/${r.id}`, { params: { id: r.id }, json: { ...risk(), description: "媒体紛失", version: 2 } });
    expect(same.body.version).toBe(2);
    const detail = await call(oneRoute, "GET", `/api/v1/register/risks/${r.id}`, { params: { id: r.id } });
    expect(detail.body.history.map((h: { version: number; action: string }) => [h.version, h.action])).toEqual([
      [2, "updated"],
      [1, "created"],
    ]);
    expect(detail.body.history[0].snapshot.description).toBe("媒体紛失");
    expect(detail.body.history[1].snapshot.description).toBe("バックアップ媒体の紛失による漏えい");
    expect(detail.body.history[0].changedByName).toBe("Test privacy_manager");
  });

  it("retires and restores with the one rule: a repeat is a 409, a retired risk is not edited", async () => {
    const r = await create();
    const ret = await call(retireRoute, "POST", `/api/v1/register/risks/${r.id}/retire`, { params: { id: r.id }, json: { version: 1 } });
    expect(ret.status, ret.text).toBe(200);
    expect(ret.body.retired).toBe(true);
    expect((await call(retireRoute, "POST", `/api/v1/register/risks/${r.id}/retire`, { params: { id: r.id }, json: { version: 2 } })).status).toBe(409);
    const edit = await call(oneRoute, "PATCH", `/api/v1/register/risks/${r.id}`, { params: { id: r.id }, json: { ...risk(), version: 2 } });
    expect(edit.status).toBe(409);
    const back = await call(restoreRoute, "POST", `/api/v1/register/risks/${r.id}/restore`, { params: { id: r.id }, json: { version: 2 } });
    expect(back.status, back.text).toBe(200);
    expect(back.body).toMatchObject({ retired: false, version: 3 });
    const detail = await call(oneRoute, "GET", `/api/v1/register/risks/${r.id}`, { params: { id: r.id } });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(["restored", "retired", "created"]);
  });

  it("lets the other roles read but not write", async () => {
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(listRoute, "GET", "/api/v1/register/risks")).status).toBe(200);
      expect((await call(listRoute, "POST", "/api/v1/register/risks", { json: risk() })).status).toBe(403);
    }
    await signInAs("privacy_manager");
  });
});

describe("acceptance of the residual risk", () => {
  it("is recorded with the manager, today and the note; audited as an approval", async () => {
    const r = await create();
    const res = await call(acceptRoute, "POST", `/api/v1/register/risks/${r.id}/accept`, { params: { id: r.id }, json: { note: "暗号化済みのため許容", version: 1 } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ acceptedOn: today, acceptedByName: "Test privacy_manager", acceptanceNote: "暗号化済みのため許容", version: 2 });
    const again = await call(acceptRoute, "POST", `/api/v1/register/risks/${r.id}/accept`, { params: { id: r.id }, json: { note: "再度", version: 2 } });
    expect(again.status).toBe(409);
    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "register_risk"), eq(auditLog.entityId, String(r.id))));
    expect(audits.map((a) => a.action)).toEqual(["create", "approve"]);
  });

  it("needs a note", async () => {
    const r = await create();
    const res = await call(acceptRoute, "POST", `/api/v1/register/risks/${r.id}/accept`, { params: { id: r.id }, json: { note: "  ", version: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("note");
  });

  it("stands through an edit that keeps the residual rating, and is cleared when it changes", async () => {
    const r = await create();
    await call(acceptRoute, "POST", `/api/v1/register/risks/${r.id}/accept`, { params: { id: r.id }, json: { note: "許容", version: 1 } });
    const keep = await call(oneRoute, "PATCH", `/api/v1/register/risks/${r.id}`, {
      params: { id: r.id },
      json: { ...risk(), likelihood: 5, countermeasures: [{ safeguard: "physical", description: "施錠保管", regulationId: null }], version: 2 },
    });
    expect(keep.body.acceptedOn).toBe(today);
    const change = await call(oneRoute, "PATCH", `/api/v1/register/risks/${r.id}`, { params: { id: r.id }, json: { ...risk(), likelihood: 5, residualLikelihood: 1, version: 3 } });
    expect(change.status, change.text).toBe(200);
    expect(change.body).toMatchObject({ acceptedOn: null, acceptedByName: null, acceptanceNote: null });
  });

  it("is the privacy manager's alone", async () => {
    const r = await create();
    await signInAs("executive");
    const res = await call(acceptRoute, "POST", `/api/v1/register/risks/${r.id}/accept`, { params: { id: r.id }, json: { note: "許容", version: 1 } });
    expect(res.status).toBe(403);
    await signInAs("privacy_manager");
  });
});

describe("the list and the heat map", () => {
  let counts: { heat: { inherent: number[][]; residual: number[][]; total: number } };

  beforeAll(async () => {
    // Item B: one risk per stage, various ratings.
    const ratings = [
      [5, 5, 3, 5],
      [4, 3, 2, 3],
      [3, 3, 3, 3],
      [2, 5, 2, 5],
      [1, 1, 1, 1],
    ];
    for (const [i, stage] of LIFECYCLE_STAGES.entries()) {
      const [l, im, rl, ri] = ratings[i];
      await create({ itemId: itemB, stage, likelihood: l, impact: im, residualLikelihood: rl, residualImpact: ri });
    }
    const heat = await call(heatRoute, "GET", "/api/v1/register/risks/heatmap");
    expect(heat.status, heat.text).toBe(200);
    counts = { heat: heat.body };
  });

  it("counts every live risk once per phase, and each cell equals the list filtered to it", async () => {
    const { heat } = counts;
    const live = await list("pageSize=1");
    expect(heat.total).toBe(live.total);
    for (const phase of ["inherent", "residual"] as const) {
      expect(heat[phase].flat().reduce((a, b) => a + b, 0)).toBe(live.total);
      for (let l = 1; l <= 5; l++)
        for (let i = 1; i <= 5; i++) {
          const n = heat[phase][l - 1][i - 1];
          if (n === 0 && (l + i) % 3 !== 0) continue; // every non-empty cell, and a third of the empty ones
          expect((await list(`phase=${phase}&likelihood=${l}&impact=${i}&pageSize=1`)).total, `${phase} ${l}×${i}`).toBe(n);
        }
    }
  });

  it("filters the heat map and the list alike by item and stage", async () => {
    const heat = await call(heatRoute, "GET", `/api/v1/register/risks/heatmap?itemId=${itemB}&stage=acquisition`);
    expect(heat.body.total).toBe(1);
    expect(heat.body.inherent[4][4]).toBe(1);
    expect(heat.body.residual[2][4]).toBe(1);
    expect((await list(`itemId=${itemB}&stage=acquisition&phase=residual&likelihood=3&impact=5`)).total).toBe(1);
    expect((await list(`itemId=${itemB}`)).total).toBe(5);
  });

  it("filters by level of the chosen phase, and high by the threshold in force", async () => {
    expect((await list(`itemId=${itemB}&phase=inherent&level=critical`)).total).toBe(1); // 25
    expect((await list(`itemId=${itemB}&phase=inherent&level=high`)).total).toBe(2); // 12, 10
    expect((await list(`itemId=${itemB}&phase=residual&level=critical`)).total).toBe(1); // 15
    expect((await list(`itemId=${itemB}&high=true`)).total).toBe(2); // 15, 10 ≥ 10
    const t = await call(thresholdRoute, "GET", "/api/v1/register/risks/threshold");
    expect(t.body).toEqual({ highThreshold: 10, version: 0 });
    const bad = await call(thresholdRoute, "PUT", "/api/v1/register/risks/threshold", { json: { highThreshold: 7, version: 0 } });
    expect(bad.status).toBe(400);
    const put = await call(thresholdRoute, "PUT", "/api/v1/register/risks/threshold", { json: { highThreshold: 15, version: 0 } });
    expect(put.status, put.text).toBe(200);
    expect((await list(`itemId=${itemB}&high=true`)).total).toBe(1);
    const back = await call(thresholdRoute, "PUT", "/api/v1/register/risks/threshold", { json: { highThreshold: 10, version: 1 } });
    expect(back.status).toBe(200);
  });

  it("filters accepted / not accepted, and retired risks leave the heat map", async () => {
    const [r] = (await list(`itemId=${itemB}&stage=use`)).items as { id: number; version: number }[];
    const before = (await call(heatRoute, "GET", `/api/v1/register/risks/heatmap?itemId=${itemB}`)).body;
    await call(acceptRoute, "POST", `/api/v1/register/risks/${r.id}/accept`, { params: { id: r.id }, json: { note: "許容", version: r.version } });
    expect((await list(`itemId=${itemB}&accepted=true`)).total).toBe(1);
    expect((await list(`itemId=${itemB}&accepted=false`)).total).toBe(4);
    const acc = (await call(heatRoute, "GET", `/api/v1/register/risks/heatmap?itemId=${itemB}&accepted=false`)).body;
    expect(acc.total).toBe(4);
    await call(retireRoute, "POST", `/api/v1/register/risks/${r.id}/retire`, { params: { id: r.id }, json: { version: r.version + 1 } });
    const after = (await call(heatRoute, "GET", `/api/v1/register/risks/heatmap?itemId=${itemB}`)).body;
    expect(after.total).toBe(before.total - 1);
    expect(after.inherent[2][2]).toBe(before.inherent[2][2] - 1);
    expect((await list(`itemId=${itemB}&retired=true`)).total).toBe(1);
  });

  it("pages in SQL", async () => {
    const all = await list("pageSize=200");
    const p1 = await list("pageSize=3&page=1&sort=item&dir=asc");
    const p2 = await list("pageSize=3&page=2&sort=item&dir=asc");
    expect(p1.total).toBe(all.total);
    expect(p1.items).toHaveLength(3);
    expect(new Set([...p1.items, ...p2.items].map((x) => x.id)).size).toBe(p1.items.length + p2.items.length);
  });
});

describe("an item's analysis", () => {
  it("lists the item's live risks and when the analysis is next due", async () => {
    const res = await call(itemRisksRoute, "GET", `/api/v1/register/items/${itemB}/risks`, { params: { id: itemB } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.risks.every((r: { itemId: number; retired: boolean }) => r.itemId === itemB && !r.retired)).toBe(true);
    expect(res.body.lastAnalysedOn).toBe(today);
    // Analysed today, interval 12 months → the item's next review (2027-04-01) comes first.
    expect(res.body.reviewDueOn).toBe("2027-04-01");
    const fresh = await insertItem("PI-003");
    const none = await call(itemRisksRoute, "GET", `/api/v1/register/items/${fresh}/risks`, { params: { id: fresh } });
    expect(none.body).toMatchObject({ risks: [], lastAnalysedOn: null, reviewDueOn: today, reviewDueState: "due_soon" });
    expect((await call(itemRisksRoute, "GET", "/api/v1/register/items/99999/risks", { params: { id: 99999 } })).status).toBe(404);
  });

  it("keeps the database's check: nothing writes a rating off the scale", async () => {
    const db = await getDb();
    await expect(db.update(registerRisks).set({ likelihood: 9 }).where(eq(registerRisks.itemId, itemA))).rejects.toThrow();
  });
});
