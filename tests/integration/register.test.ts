import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as itemsRoute from "@/app/api/v1/register/items/route";
import * as itemRoute from "@/app/api/v1/register/items/[id]/route";
import * as retireRoute from "@/app/api/v1/register/items/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/register/items/[id]/restore/route";
import * as historyRoute from "@/app/api/v1/register/items/[id]/history/route";
import * as reviewsRoute from "@/app/api/v1/register/reviews/route";
import * as purposesRoute from "@/app/api/v1/register/purposes/route";
import * as purposeRoute from "@/app/api/v1/register/purposes/[id]/route";
import * as purposeRetireRoute from "@/app/api/v1/register/purposes/[id]/retire/route";
import { getDb } from "@/db";
import { auditLog, registerItems, registerItemVersions } from "@/db/schema";
import { addMonths, todayInTokyo } from "@/lib/dates";
import { DEMO_RETIRED_ITEM_ID, DEMO_RETIRED_PURPOSE_ID } from "@/lib/api/contracts/register";
import { call, signInAs } from "../support/api";
import { seedDemoData } from "../support/demo-data";

const today = todayInTokyo();

const NEW_ITEM = {
  code: "pi-500",
  name: "展示会来場者名刺情報",
  kind: "personal",
  dataSubjects: "展示会来場者",
  dataItems: ["氏名", "会社名", "メールアドレス"],
  personCount: "1,200",
  form: "both",
  acquisitionMethod: "direct_other",
  purposeIds: [5, 7],
  ownerDepartmentId: 7,
  contractorIds: [],
  provision: "none",
};

beforeAll(async () => {
  await seedDemoData(today);
});

describe("the demo register", () => {
  it("holds RUFT's items from the privacy policy, §3's purposes and a retired item and purpose (the API examples' ids)", async () => {
    await signInAs("auditor");
    const list = await call(itemsRoute, "GET", "/api/v1/register/items?pageSize=100");
    expect(list.status, list.text).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(15);
    expect(list.body.total).toBeLessThanOrEqual(25);
    expect(list.body.items[0]).toMatchObject({ id: 1, code: "PI-001", name: "RUFT利用者登録情報", version: 1 });
    expect(list.body.items.every((i: { riskCount: number }) => i.riskCount >= 5)).toBe(true);
    const kinds = new Set(list.body.items.map((i: { kind: string }) => i.kind));
    expect(kinds).toEqual(new Set(["personal", "sensitive", "person_related", "pseudonymized"]));
    const all = await call(itemsRoute, "GET", "/api/v1/register/items?status=retired");
    expect(all.body.items.map((i: { id: number }) => i.id)).toEqual([DEMO_RETIRED_ITEM_ID]);
    const purposes = await call(purposesRoute, "GET", "/api/v1/register/purposes?includeRetired=true");
    expect(purposes.body.items).toHaveLength(8);
    expect(purposes.body.items.find((p: { id: number }) => p.id === DEMO_RETIRED_PURPOSE_ID).retiredAt).not.toBeNull();
  });

  it("filters in SQL: overdue (Tokyo date), sensitive, kind, department, search; pages", async () => {
    await signInAs("hr");
    const overdue = await call(itemsRoute, "GET", "/api/v1/register/items?overdue=true&pageSize=100");
    expect(overdue.body.total).toBeGreaterThan(0);
    for (const i of overdue.body.items) {
      expect(i.nextReviewDueOn < today).toBe(true);
      expect(i.dueState).toBe("overdue");
    }
    const notOverdue = await call(itemsRoute, "GET", "/api/v1/register/items?overdue=false&pageSize=100");
    const active = await call(itemsRoute, "GET", "/api/v1/register/items?pageSize=100");
    expect(overdue.body.total + notOverdue.body.total).toBe(active.body.total);
    const sensitive = await call(itemsRoute, "GET", "/api/v1/register/items?sensitive=true");
    expect(sensitive.body.items.map((i: { code: string }) => i.code)).toEqual(["PI-014"]);
    const hr = await call(itemsRoute, "GET", "/api/v1/register/items?departmentId=3&kind=personal&pageSize=100");
    expect(hr.body.items.length).toBeGreaterThan(0);
    expect(hr.body.items.every((i: { ownerDepartmentId: number; kind: string }) => i.ownerDepartmentId === 3 && i.kind === "personal")).toBe(true);
    const q = await call(itemsRoute, "GET", `/api/v1/register/items?q=${encodeURIComponent("マイナンバー")}`);
    expect(q.body.items.map((i: { code: string }) => i.code)).toEqual(["PI-013"]);
    const p2 = await call(itemsRoute, "GET", "/api/v1/register/items?pageSize=5&page=2&sort=nextReviewDueOn");
    expect(p2.body.items).toHaveLength(5);
    expect(p2.body.total).toBe(active.body.total);
    const dues = p2.body.items.map((i: { nextReviewDueOn: string }) => i.nextReviewDueOn);
    expect([...dues].sort()).toEqual(dues);
    const past = await call(itemsRoute, "GET", "/api/v1/register/items?page=99");
    expect(past.body).toMatchObject({ items: [], total: active.body.total });
  });
});

describe("writes", () => {
  it("only the privacy manager writes", async () => {
    await signInAs("hr");
    const res = await call(itemsRoute, "POST", "/api/v1/register/items", { json: NEW_ITEM });
    expect(res.status).toBe(403);
  });

  it("create → history v1, audit; next review a year after registration", async () => {
    await signInAs("privacy_manager");
    const res = await call(itemsRoute, "POST", "/api/v1/register/items", { json: NEW_ITEM });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ code: "PI-500", personCount: 1200, dataSubjects: ["展示会来場者"], ownerDepartmentName: "マーケティング部", version: 1, lastReviewedOn: null });
    expect(res.body.nextReviewDueOn).toBe(addMonths(today, 12));
    expect(res.body.purposes.map((p: { code: string }) => p.code)).toEqual(["P5", "P7"]);
    const db = await getDb();
    const versions = await db.select().from(registerItemVersions).where(eq(registerItemVersions.itemId, res.body.id));
    expect(versions).toMatchObject([{ version: 1, action: "created" }]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "register_item"), eq(auditLog.entityId, String(res.body.id))));
    expect(audits.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses a taken code (409 on the field), unknown references and cross-field rules (400, in the caller's language)", async () => {
    await signInAs("privacy_manager");
    const dup = await call(itemsRoute, "POST", "/api/v1/register/items", { json: { ...NEW_ITEM, code: "PI-001" } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ field: "code" });
    const refs = await call(itemsRoute, "POST", "/api/v1/register/items", { json: { ...NEW_ITEM, code: "PI-501", purposeIds: [DEMO_RETIRED_PURPOSE_ID], contractorIds: [99999], ownerDepartmentId: 99999 } });
    expect(refs.status).toBe(400);
    expect(refs.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["contractorIds", "ownerDepartmentId", "purposeIds"]);
    const rules = await call(itemsRoute, "POST", "/api/v1/register/items", {
      json: { ...NEW_ITEM, code: "PI-502", kind: "sensitive", provision: "joint_use", reviewIntervalMonths: 13 },
      headers: { "accept-language": "ja" },
    });
    expect(rules.status).toBe(400);
    const fields = rules.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain("reviewIntervalMonths");
    const rules2 = await call(itemsRoute, "POST", "/api/v1/register/items", { json: { ...NEW_ITEM, code: "PI-502", kind: "sensitive", provision: "joint_use" }, headers: { "accept-language": "ja" } });
    expect(rules2.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["noticeOrConsent", "provisionBasis"]);
    expect(rules2.body.errors.find((e: { field: string }) => e.field === "noticeOrConsent").message).toContain("同意");
  });

  it("update → new version with the changed fields in the history; a stale version is 409 and changes nothing", async () => {
    await signInAs("privacy_manager");
    const got = await call(itemRoute, "GET", "/api/v1/register/items/1", { params: { id: 1 } });
    const item = got.body.item;
    const body = {
      ...item,
      purposeIds: item.purposes.map((p: { id: number }) => p.id),
      contractorIds: [],
      retentionPeriod: "退会後6か月",
      reviewIntervalMonths: 6,
    };
    const res = await call(itemRoute, "PATCH", "/api/v1/register/items/1", { params: { id: 1 }, json: body });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 2, retentionPeriod: "退会後6か月", contractors: [] });
    expect(res.body.nextReviewDueOn).toBe(addMonths(item.lastReviewedOn, 6));
    const stale = await call(itemRoute, "PATCH", "/api/v1/register/items/1", { params: { id: 1 }, json: { ...body, name: "別名" } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const history = await call(historyRoute, "GET", "/api/v1/register/items/1/history", { params: { id: 1 } });
    expect(history.body.items.map((v: { version: number; action: string }) => `${v.version}:${v.action}`)).toEqual(["2:updated", "1:created"]);
    expect(history.body.items[0].changedFields.sort()).toEqual(["contractors", "nextReviewDueOn", "retentionPeriod", "reviewIntervalMonths"]);
    expect(history.body.items[1].snapshot.retentionPeriod).toBe("退会後1年");
    const missing = await call(historyRoute, "GET", "/api/v1/register/items/99999/history", { params: { id: 99999 } });
    expect(missing.status).toBe(404);
  });

  it("retire and restore: versioned, 409 when already so, kept in the history", async () => {
    await signInAs("privacy_manager");
    const retired = await call(retireRoute, "POST", "/api/v1/register/items/2/retire", { params: { id: 2 }, json: { version: 1 } });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ version: 2, dueState: "none" });
    expect(retired.body.retiredAt).not.toBeNull();
    const again = await call(retireRoute, "POST", "/api/v1/register/items/2/retire", { params: { id: 2 }, json: { version: 2 } });
    expect(again.status).toBe(409);
    const list = await call(itemsRoute, "GET", "/api/v1/register/items?pageSize=100");
    expect(list.body.items.some((i: { id: number }) => i.id === 2)).toBe(false);
    const stale = await call(restoreRoute, "POST", "/api/v1/register/items/2/restore", { params: { id: 2 }, json: { version: 1 } });
    expect(stale.status).toBe(409);
    const restored = await call(restoreRoute, "POST", "/api/v1/register/items/2/restore", { params: { id: 2 }, json: { version: 2 } });
    expect(restored.body).toMatchObject({ version: 3, retiredAt: null });
    const history = await call(historyRoute, "GET", "/api/v1/register/items/2/history", { params: { id: 2 } });
    expect(history.body.items.map((v: { action: string }) => v.action)).toEqual(["restored", "retired", "created"]);
  });
});

describe("reviews", () => {
  it("an item review moves its last review and next due date, never back; refuses the future and a stale version", async () => {
    await signInAs("privacy_manager");
    const db = await getDb();
    const [before] = await db.select().from(registerItems).where(eq(registerItems.code, "PI-004"));
    expect(before.nextReviewDueOn < today).toBe(true);
    const future = await call(reviewsRoute, "POST", "/api/v1/register/reviews", {
      json: { itemId: before.id, version: before.version, reviewedOn: "2999-01-01", reviewer: "佐藤", result: "no_change" },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe("reviewedOn");
    const stale = await call(reviewsRoute, "POST", "/api/v1/register/reviews", { json: { itemId: before.id, version: before.version + 5, reviewedOn: today, reviewer: "佐藤", result: "no_change" } });
    expect(stale.status).toBe(409);
    const changedWithout = await call(reviewsRoute, "POST", "/api/v1/register/reviews", { json: { itemId: before.id, version: before.version, reviewedOn: today, reviewer: "佐藤", result: "changed" } });
    expect(changedWithout.status).toBe(400);
    const ok = await call(reviewsRoute, "POST", "/api/v1/register/reviews", {
      json: { itemId: before.id, version: before.version, reviewedOn: today, reviewer: "個人情報保護管理者 佐藤", result: "no_change", risksReviewed: true },
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ itemId: before.id, itemCode: "PI-004", risksReviewed: true });
    const got = await call(itemRoute, "GET", `/api/v1/register/items/${before.id}`, { params: { id: before.id } });
    expect(got.body.item).toMatchObject({ lastReviewedOn: today, nextReviewDueOn: addMonths(today, 12), dueState: "on_time", version: before.version + 1 });
    expect(got.body.reviews[0]).toMatchObject({ id: ok.body.id });
    // A review entered late, dated earlier, does not move the date back.
    const late = await call(reviewsRoute, "POST", "/api/v1/register/reviews", {
      json: { itemId: before.id, version: before.version + 1, reviewedOn: before.lastReviewedOn, reviewer: "佐藤", result: "no_change" },
    });
    expect(late.status).toBe(201);
    const after = await call(itemRoute, "GET", `/api/v1/register/items/${before.id}`, { params: { id: before.id } });
    expect(after.body.item.lastReviewedOn).toBe(today);
    const history = await call(historyRoute, "GET", `/api/v1/register/items/${before.id}/history`, { params: { id: before.id } });
    expect(history.body.items[0]).toMatchObject({ action: "reviewed" });
  });

  it("a review of the whole register clears every overdue item, each with a history row", async () => {
    await signInAs("privacy_manager");
    const overdue = await call(itemsRoute, "GET", "/api/v1/register/items?overdue=true");
    expect(overdue.body.total).toBeGreaterThan(0);
    const res = await call(reviewsRoute, "POST", "/api/v1/register/reviews", {
      json: { reviewedOn: today, reviewer: "個人情報保護管理者 佐藤", result: "changed", changes: "年次見直し: 保存期間を確認", risksReviewed: true },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ itemId: null, itemCode: null });
    const after = await call(itemsRoute, "GET", "/api/v1/register/items?overdue=true");
    expect(after.body.total).toBe(0);
    const id = overdue.body.items[0].id;
    const history = await call(historyRoute, "GET", `/api/v1/register/items/${id}/history`, { params: { id } });
    expect(history.body.items[0]).toMatchObject({ action: "reviewed", version: overdue.body.items[0].version + 1 });
    expect(history.body.items[0].changedFields).toEqual(expect.arrayContaining(["lastReviewedOn", "nextReviewDueOn"]));
    const listed = await call(reviewsRoute, "GET", "/api/v1/register/reviews?scope=register");
    expect(listed.body.items[0]).toMatchObject({ id: res.body.id, result: "changed" });
    const retire = await call(reviewsRoute, "POST", "/api/v1/register/reviews", { json: { reviewedOn: today, reviewer: "佐藤", result: "retired" } });
    expect(retire.status).toBe(400);
  });
});

describe("purposes of use", () => {
  it("create (409 on a taken number), update with version, retire: the item keeps it but it can no longer be chosen", async () => {
    await signInAs("privacy_manager");
    const created = await call(purposesRoute, "POST", "/api/v1/register/purposes", { json: { code: "p9", text: "調査・分析のため", sortOrder: 90 } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ code: "P9", itemCount: 0, version: 1 });
    const taken = await call(purposesRoute, "POST", "/api/v1/register/purposes", { json: { code: "P9", text: "x" } });
    expect(taken.status).toBe(409);
    const updated = await call(purposeRoute, "PATCH", `/api/v1/register/purposes/${created.body.id}`, { params: { id: created.body.id }, json: { code: "P9", text: "利用状況の調査・分析のため", sortOrder: 90, version: 1 } });
    expect(updated.body).toMatchObject({ text: "利用状況の調査・分析のため", version: 2 });
    const stale = await call(purposeRoute, "PATCH", `/api/v1/register/purposes/${created.body.id}`, { params: { id: created.body.id }, json: { code: "P9", text: "x", version: 1 } });
    expect(stale.status).toBe(409);

    const item = await call(itemsRoute, "POST", "/api/v1/register/items", { json: { ...NEW_ITEM, code: "PI-510", purposeIds: [created.body.id] } });
    expect(item.status, item.text).toBe(201);
    const retired = await call(purposeRetireRoute, "POST", `/api/v1/register/purposes/${created.body.id}/retire`, { params: { id: created.body.id }, json: { version: 2 } });
    expect(retired.body).toMatchObject({ itemCount: 1 });
    expect(retired.body.retiredAt).not.toBeNull();
    // The item that chose it keeps it on an edit …
    const keep = await call(itemRoute, "PATCH", `/api/v1/register/items/${item.body.id}`, {
      params: { id: item.body.id },
      json: { ...NEW_ITEM, code: "PI-510", purposeIds: [created.body.id], note: "見直し済み", version: 1 },
    });
    expect(keep.status, keep.text).toBe(200);
    // … but no other item may newly choose it.
    const other = await call(itemsRoute, "POST", "/api/v1/register/items", { json: { ...NEW_ITEM, code: "PI-511", purposeIds: [created.body.id] } });
    expect(other.status).toBe(400);
  });
});
