import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/contractors/route";
import * as oneRoute from "@/app/api/v1/contractors/[id]/route";
import * as statusRoute from "@/app/api/v1/contractors/[id]/status/route";
import * as assessRoute from "@/app/api/v1/contractors/[id]/assessments/route";
import * as withdrawRoute from "@/app/api/v1/contractors/[id]/assessments/[assessmentId]/withdraw/route";
import * as templatesRoute from "@/app/api/v1/assessment-templates/route";
import * as templateRoute from "@/app/api/v1/assessment-templates/[id]/route";
import { getDb } from "@/db";
import { assessments, auditLog, contractors } from "@/db/schema";
import { DEFAULT_TEMPLATE } from "@/lib/contractors/default-template";
import { addDays, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";

/** A fresh database: only the default template (written by the migration). */
const today = todayInTokyo();
let templateId = 0;
const keys = DEFAULT_TEMPLATE.criteria.map((c) => c.key);
const allScores = (score: number) => keys.map((key) => ({ key, score, comment: null }));

const contractor = (over: Record<string, unknown> = {}) => ({
  name: "株式会社テスト委託",
  services: "給与計算の代行",
  dataCategories: "氏名、住所、マイナンバー",
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await call(listRoute, "POST", "/api/v1/contractors", { json: contractor(over) });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: number; version: number };
}

async function assess(id: number, score: number | { key: string; score: number; comment: null }[], assessedOn = today, extra: Record<string, unknown> = {}) {
  return call(assessRoute, "POST", `/api/v1/contractors/${id}/assessments`, {
    params: { id },
    json: { templateId, type: "initial", assessedOn, assessor: "佐藤 恵子", scores: typeof score === "number" ? allScores(score) : score, ...extra },
  });
}

async function count(table: typeof contractors | typeof assessments) {
  const db = await getDb();
  return (await db.select().from(table)).length;
}

beforeAll(async () => {
  await signInAs("privacy_manager");
  const res = await call(templatesRoute, "GET", "/api/v1/assessment-templates");
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(1);
  templateId = res.body.items[0].id;
});

describe("corporate number 法人番号", () => {
  it("valid numbers are stored normalised (full-width digits and hyphens accepted)", async () => {
    await signInAs("privacy_manager");
    const res = await call(listRoute, "POST", "/api/v1/contractors", { json: contractor({ name: "国税庁（テスト）", corporateNumber: "７０００－０１２０－５０００２" }) });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ corporateNumber: "7000012050002", status: "candidate", version: 1, flags: [], dataCategories: ["氏名", "住所", "マイナンバー"] });
  });

  it.each([
    ["700001205000", "13 digits"],
    ["7000O12050002", "digits only"],
    ["8000012050002", "check digit"],
  ])("%s is refused with a clear message (%s), nothing stored", async (n, words) => {
    await signInAs("privacy_manager");
    const before = await count(contractors);
    const res = await call(listRoute, "POST", "/api/v1/contractors", { json: contractor({ corporateNumber: n }) });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe("corporateNumber");
    expect(res.body.errors[0].message).toContain(words);
    expect(await count(contractors)).toBe(before);
  });

  it("Japanese message for a wrong check digit", async () => {
    const res = await call(listRoute, "POST", "/api/v1/contractors", { json: contractor({ corporateNumber: "2180301018771" }), headers: { "accept-language": "ja" } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain("チェックデジット");
  });

  it("a second contractor with the same number: 409", async () => {
    await create({ name: "トヨタ（テスト）", corporateNumber: "1180301018771" });
    const res = await call(listRoute, "POST", "/api/v1/contractors", { json: contractor({ name: "別名", corporateNumber: "1-1803-0101-8771" }) });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: "corporateNumber", code: "duplicate" });
  });
});

describe("scoring on the server", () => {
  it("all 4 of 5 is exactly 80 % → approved (the threshold counts as met); next due 12 months later", async () => {
    await signInAs("privacy_manager");
    const c = await create({ name: "閾値テスト株式会社" });
    const res = await assess(c.id, 4, today, { totalPercent: 12, result: "rejected" }); // client totals are ignored (unknown keys stripped)
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ totalPercent: 80, result: "approved", templateVersion: 1, type: "initial" });
    expect(res.body.nextDueOn > today).toBe(true);
  });

  it("weighted: technical safeguards (weight 20) at 0, all else 5 → 80 % approved; at 3 of 5 → 60 % conditional; below → rejected", async () => {
    const c = await create({ name: "重み付けテスト株式会社" });
    const s = allScores(5).map((x) => (x.key === "technical" ? { ...x, score: 0 } : x));
    expect((await assess(c.id, s)).body).toMatchObject({ totalPercent: 80, result: "approved" });
    expect((await assess(c.id, 3)).body).toMatchObject({ totalPercent: 60, result: "conditional" });
    const below = allScores(3).map((x) => (x.key === "past_incidents" ? { ...x, score: 2 } : x)); // 59.0 %
    expect((await assess(c.id, below)).body).toMatchObject({ totalPercent: 59, result: "rejected" });
  });

  it("refuses missing, unknown and out-of-range scores, and a future date; nothing stored", async () => {
    const c = await create({ name: "入力チェック株式会社" });
    const before = await count(assessments);
    const missing = await assess(c.id, allScores(4).slice(1));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ code: "missing" });
    const range = await assess(c.id, allScores(4).map((x, i) => (i === 0 ? { ...x, score: 6 } : x)));
    expect(range.status).toBe(400);
    expect(range.body.errors[0].message).toContain("0 to 5");
    const future = await assess(c.id, 4, addDays(today, 1));
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe("assessedOn");
    expect(await count(assessments)).toBe(before);
  });
});

describe("the before-contract rule", () => {
  it("a contract start entered with no assessment is refused, with a clear message; nothing stored", async () => {
    const before = await count(contractors);
    const res = await call(listRoute, "POST", "/api/v1/contractors", { json: contractor({ contractStart: today }) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: "contractStart", code: "before_assessment", message: expect.stringContaining("Assess the contractor first") }]);
    expect(await count(contractors)).toBe(before);
  });

  it("same day as the approved assessment: allowed; the day before it: refused; a rejected assessment never allows it", async () => {
    const c = await create({ name: "契約日テスト株式会社" });
    const assessedOn = addDays(today, -30);
    expect((await assess(c.id, 2, addDays(today, -40))).body.result).toBe("rejected");
    let detail = (await call(oneRoute, "GET", `/api/v1/contractors/${c.id}`, { params: { id: c.id } })).body;
    const dayBeforeRejected = await call(oneRoute, "PATCH", `/api/v1/contractors/${c.id}`, {
      params: { id: c.id },
      json: { ...contractor({ name: "契約日テスト株式会社" }), contractStart: addDays(today, -35), version: detail.contractor.version },
    });
    expect(dayBeforeRejected.status).toBe(400);

    expect((await assess(c.id, 5, assessedOn)).body.result).toBe("approved");
    detail = (await call(oneRoute, "GET", `/api/v1/contractors/${c.id}`, { params: { id: c.id } })).body;
    const early = await call(oneRoute, "PATCH", `/api/v1/contractors/${c.id}`, {
      params: { id: c.id },
      json: { ...contractor({ name: "契約日テスト株式会社" }), contractStart: addDays(assessedOn, -1), version: detail.contractor.version },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe("contractStart");

    const sameDay = await call(oneRoute, "PATCH", `/api/v1/contractors/${c.id}`, {
      params: { id: c.id },
      json: { ...contractor({ name: "契約日テスト株式会社" }), contractStart: assessedOn, version: detail.contractor.version },
    });
    expect(sameDay.status, sameDay.text).toBe(200);
    expect(sameDay.body).toMatchObject({ contractStart: assessedOn, version: detail.contractor.version + 1, flags: [] });

    // The same (stale) version again: 409, nothing changed.
    const stale = await call(oneRoute, "PATCH", `/api/v1/contractors/${c.id}`, {
      params: { id: c.id },
      json: { ...contractor({ name: "上書き" }), contractStart: assessedOn, version: detail.contractor.version },
    });
    expect(stale.status).toBe(409);
    const db = await getDb();
    const [row] = await db.select().from(contractors).where(eq(contractors.id, c.id));
    expect(row.name).toBe("契約日テスト株式会社");
  });

  it("withdrawing the assessment re-evaluates: the contract is flagged, the approved status unsupported; audited", async () => {
    const c = await create({ name: "取消テスト株式会社" });
    const a = (await assess(c.id, 5, addDays(today, -10))).body;
    let v = (await call(oneRoute, "GET", `/api/v1/contractors/${c.id}`, { params: { id: c.id } })).body.contractor.version;
    const approved = await call(statusRoute, "POST", `/api/v1/contractors/${c.id}/status`, { params: { id: c.id }, json: { status: "approved", version: v } });
    expect(approved.status, approved.text).toBe(200);
    v = approved.body.version;
    const start = await call(oneRoute, "PATCH", `/api/v1/contractors/${c.id}`, {
      params: { id: c.id },
      json: { ...contractor({ name: "取消テスト株式会社" }), contractStart: addDays(today, -5), version: v },
    });
    expect(start.status, start.text).toBe(200);
    expect(start.body.flags).toEqual([]);

    const w = await call(withdrawRoute, "POST", "/x", { params: { id: c.id, assessmentId: a.id }, json: { reason: "誤登録", version: a.version } });
    expect(w.status, w.text).toBe(200);
    expect(w.body.withdrawnReason).toBe("誤登録");
    const after = (await call(oneRoute, "GET", `/api/v1/contractors/${c.id}`, { params: { id: c.id } })).body;
    expect(after.contractor.flags).toEqual(["contract_before_assessment", "status_unsupported"]);
    expect(after.assessments[0].withdrawnAt).not.toBeNull();

    const again = await call(withdrawRoute, "POST", "/x", { params: { id: c.id, assessmentId: a.id }, json: { reason: "再度", version: a.version + 1 } });
    expect(again.status).toBe(409);
    const db = await getDb();
    const trail = await db.select().from(auditLog).where(and(eq(auditLog.entity, "assessment"), eq(auditLog.entityId, String(a.id))));
    expect(trail.map((t) => t.action)).toEqual(["create", "retire"]);
  });
});

describe("status changes", () => {
  it("approve is refused on a rejected or conditional latest assessment, allowed on an approved one", async () => {
    const c = await create({ name: "承認テスト株式会社" });
    const none = await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "approved", version: 1 } });
    expect(none.status).toBe(400);
    await assess(c.id, 2);
    const rej = await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "approved", version: 1 } });
    expect(rej.status).toBe(400);
    expect(rej.body.detail).toContain("rejected");
    const rejCond = await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "conditional", version: 1 } });
    expect(rejCond.status).toBe(400);
    await assess(c.id, 3);
    const cond = await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "approved", version: 1 } });
    expect(cond.status).toBe(400);
    const ok = await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "conditional", version: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "conditional", version: 2 });
    const stale = await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "suspended", version: 1 } });
    expect(stale.status).toBe(409);
  });

  it("only the privacy manager writes: hr, auditor and executive get 403 and change nothing, but can read", async () => {
    await signInAs("privacy_manager");
    const c = await create({ name: "権限テスト株式会社" });
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(listRoute, "POST", "/x", { json: contractor({ name: `${role} の登録` }) })).status).toBe(403);
      expect((await assess(c.id, 5)).status).toBe(403);
      expect((await call(statusRoute, "POST", "/x", { params: { id: c.id }, json: { status: "suspended", version: 1 } })).status).toBe(403);
      expect((await call(listRoute, "GET", "/api/v1/contractors")).status).toBe(200);
    }
    const db = await getDb();
    const [row] = await db.select().from(contractors).where(eq(contractors.id, c.id));
    expect(row).toMatchObject({ status: "candidate", version: 1 });
    await signInAs("privacy_manager");
  });
});

describe("templates", () => {
  it("editing writes a new version; assessments keep the version they used; the old version can no longer be used or edited", async () => {
    await signInAs("privacy_manager");
    const c = await create({ name: "版管理テスト株式会社" });
    const first = (await assess(c.id, 4)).body;
    expect(first).toMatchObject({ templateVersion: 1, result: "approved" });

    const res = await call(templateRoute, "PUT", "/x", { params: { id: templateId }, json: { ...DEFAULT_TEMPLATE, approvedMin: 85, version: 1 } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 2, approvedMin: 85, current: true });
    const stale = await call(templateRoute, "PUT", "/x", { params: { id: templateId }, json: { ...DEFAULT_TEMPLATE, version: 1 } });
    expect(stale.status).toBe(409);

    const old = await assess(c.id, 4);
    expect(old.status).toBe(400);
    expect(old.body.errors[0].field).toBe("templateId");
    const v2 = await call(assessRoute, "POST", "/x", {
      params: { id: c.id },
      json: { templateId: res.body.id, type: "periodic", assessedOn: today, assessor: "佐藤", scores: allScores(4) },
    });
    expect(v2.body).toMatchObject({ totalPercent: 80, result: "conditional", templateVersion: 2 });
    const detail = (await call(oneRoute, "GET", "/x", { params: { id: c.id } })).body;
    expect(detail.assessments.map((a: { templateVersion: number }) => a.templateVersion).sort()).toEqual([1, 2]);

    const bad = await call(templateRoute, "PUT", "/x", { params: { id: res.body.id }, json: { ...DEFAULT_TEMPLATE, approvedMin: 50, conditionalMin: 70, version: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("conditionalMin");
  });
});
