import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/regulations/route";
import * as oneRoute from "@/app/api/v1/regulations/[id]/route";
import * as reviewsRoute from "@/app/api/v1/regulations/[id]/reviews/route";
import * as reviewRoute from "@/app/api/v1/regulations/reviews/[id]/route";
import * as approveRoute from "@/app/api/v1/regulations/reviews/[id]/approve/route";
import * as discardRoute from "@/app/api/v1/regulations/reviews/[id]/discard/route";
import * as summaryRoute from "@/app/api/v1/regulations/summary/route";
import * as exportRoute from "@/app/api/v1/regulations/export.csv/route";
import { getDb } from "@/db";
import { auditLog, regulationReviews, regulations, regulationVersions } from "@/db/schema";
import { addDays, addMonths, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

const today = todayInTokyo();

const reg = (over: Record<string, unknown> = {}) => ({
  code: "REG-01",
  title: "個人情報保護規程",
  ownerName: "個人情報保護管理者",
  status: "in_force",
  currentVersion: 3,
  effectiveDate: addMonths(today, -10),
  reviewIntervalMonths: 12,
  versionSummary: "JIS Q 15001:2023 対応",
  ...over,
});

async function snapshot() {
  const db = await getDb();
  return {
    regs: await db.select().from(regulations),
    reviews: await db.select().from(regulationReviews),
    versions: await db.select().from(regulationVersions),
  };
}

let mainId = 0;

beforeAll(async () => {
  await signInAs("privacy_manager");
  const res = await call(listRoute, "POST", "/api/v1/regulations", { json: reg() });
  expect(res.status, res.text).toBe(201);
  mainId = res.body.id;
});

describe("regulation register", () => {
  it("creates an in-force regulation with its version row, due date derived, audited", async () => {
    const res = await call(oneRoute, "GET", `/api/v1/regulations/${mainId}`, { params: { id: mainId } });
    expect(res.status).toBe(200);
    expect(res.body.regulation).toMatchObject({
      code: "REG-01",
      currentVersion: 3,
      status: "in_force",
      nextReviewDue: addMonths(addMonths(today, -10), 12),
      lastReviewedOn: null,
      dueState: "on_time",
      ownerLabel: "個人情報保護管理者",
      version: 1,
    });
    expect(res.body.versions).toEqual([expect.objectContaining({ versionNumber: 3, summary: "JIS Q 15001:2023 対応", current: true })]);
    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "regulation"), eq(auditLog.entityId, String(mainId))));
    expect(audits.map((a) => a.action)).toEqual(["create"]);
  });

  it("month-end clamping: effective 31 Jan, 1-month interval → due 28/29 Feb", async () => {
    const res = await call(listRoute, "POST", "/api/v1/regulations", {
      json: reg({ code: "REG-JAN", effectiveDate: "2026-01-31", reviewIntervalMonths: 1 }),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.nextReviewDue).toBe("2026-02-28");
    expect(res.body.dueState).toBe(today > "2026-02-28" ? "overdue" : "due_soon");
  });

  it("filters by due state and status, searches, sorts and pages", async () => {
    await call(listRoute, "POST", "/api/v1/regulations", { json: reg({ code: "REG-SOON", title: "安全管理規程", effectiveDate: addDays(addMonths(today, -12), 10) }) });
    await call(listRoute, "POST", "/api/v1/regulations", { json: reg({ code: "REG-DRAFT", title: "リスク規程", status: "draft" }) });
    const soon = await call(listRoute, "GET", "/api/v1/regulations?dueState=due_soon");
    expect(soon.body.items.map((r: { code: string }) => r.code)).toEqual(["REG-SOON"]);
    const overdue = await call(listRoute, "GET", "/api/v1/regulations?dueState=overdue");
    expect(overdue.body.items.map((r: { code: string }) => r.code)).toEqual(["REG-JAN"]);
    const drafts = await call(listRoute, "GET", "/api/v1/regulations?status=draft");
    expect(drafts.body.items).toEqual([expect.objectContaining({ code: "REG-DRAFT", currentVersion: null, nextReviewDue: null, dueState: "none" })]);
    const q = await call(listRoute, "GET", `/api/v1/regulations?q=${encodeURIComponent("安全")}`);
    expect(q.body.total).toBe(1);
    const sorted = await call(listRoute, "GET", "/api/v1/regulations?sort=nextReviewDue&pageSize=2");
    expect(sorted.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(sorted.body.items.map((r: { code: string }) => r.code)).toEqual(["REG-JAN", "REG-SOON"]);
    const summary = await call(summaryRoute, "GET", "/api/v1/regulations/summary");
    expect(summary.body.counts).toMatchObject({ overdue: 1, dueSoon: 1, onTime: 1, inForce: 3, draft: 1 });
    expect(summary.body.months).toHaveLength(12);
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    const before = await snapshot();
    const dup = await call(listRoute, "POST", "/api/v1/regulations", { json: reg({ code: "reg-01" }) });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: "code", code: "duplicate" })]);
    const bad = await call(listRoute, "POST", "/api/v1/regulations", {
      json: reg({ code: "X", ownerName: "", reviewIntervalMonths: 0, effectiveDate: "2026-02-30" }),
      headers: { "accept-language": "ja" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["effectiveDate", "reviewIntervalMonths"]);
    const noOwner = await call(listRoute, "POST", "/api/v1/regulations", { json: reg({ code: "X2", ownerName: "" }) });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.errors).toEqual([expect.objectContaining({ field: "ownerName" })]);
    expect(await snapshot()).toEqual(before);
  });

  it("updates with the current version, 409 on a stale one", async () => {
    const body = { code: "REG-01", title: "個人情報保護規程（改）", ownerName: "管理者", reviewIntervalMonths: 6, version: 1 };
    const ok = await call(oneRoute, "PATCH", `/api/v1/regulations/${mainId}`, { params: { id: mainId }, json: body });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, reviewIntervalMonths: 6, nextReviewDue: addMonths(addMonths(today, -10), 6) });
    const before = await snapshot();
    const stale = await call(oneRoute, "PATCH", `/api/v1/regulations/${mainId}`, { params: { id: mainId }, json: { ...body, title: "古い" } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect(await snapshot()).toEqual(before);
    await call(oneRoute, "PATCH", `/api/v1/regulations/${mainId}`, { params: { id: mainId }, json: { ...body, reviewIntervalMonths: 12, version: 2 } });
  });

  it("other roles read but may not write (403, nothing changed)", async () => {
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(listRoute, "GET", "/api/v1/regulations")).status).toBe(200);
      expect((await call(oneRoute, "GET", `/api/v1/regulations/${mainId}`, { params: { id: mainId } })).status).toBe(200);
      const before = await snapshot();
      const w = await call(reviewsRoute, "POST", `/api/v1/regulations/${mainId}/reviews`, {
        params: { id: mainId },
        json: { reviewedOn: today, reviewers: "x", trigger: "periodic", outcome: "no_change" },
      });
      expect(w.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    }
    await signInAs("privacy_manager");
  });
});

describe("review cycle", () => {
  let reviewId = 0;

  it("a draft revision is not in force: the register keeps the current version and due date", async () => {
    const before = (await call(oneRoute, "GET", `/api/v1/regulations/${mainId}`, { params: { id: mainId } })).body.regulation;
    const res = await call(reviewsRoute, "POST", `/api/v1/regulations/${mainId}/reviews`, {
      params: { id: mainId },
      json: {
        reviewedOn: addDays(today, -2),
        reviewers: "個人情報保護管理者、総務部長",
        trigger: "law_amendment",
        outcome: "revised",
        summary: "漏えい等報告の手順を追記",
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ state: "draft", proposedVersion: 4, approvedOn: null });
    reviewId = res.body.id;
    const after = (await call(oneRoute, "GET", `/api/v1/regulations/${mainId}`, { params: { id: mainId } })).body;
    expect(after.regulation).toMatchObject({
      currentVersion: 3,
      nextReviewDue: before.nextReviewDue,
      effectiveDate: before.effectiveDate,
      pendingReviewId: reviewId,
    });
    expect(after.versions.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([3]);
    expect(after.reviews).toEqual([expect.objectContaining({ id: reviewId, state: "draft" })]);
  });

  it("one open draft per regulation; a revision needs a summary", async () => {
    const second = await call(reviewsRoute, "POST", `/api/v1/regulations/${mainId}/reviews`, {
      params: { id: mainId },
      json: { reviewedOn: today, reviewers: "x", trigger: "periodic", outcome: "no_change" },
    });
    expect(second.status).toBe(409);
    const upd = await call(reviewRoute, "PATCH", `/api/v1/regulations/reviews/${reviewId}`, {
      params: { id: reviewId },
      json: { reviewedOn: today, reviewers: "x", trigger: "periodic", outcome: "revised", summary: "", version: 1 },
    });
    expect(upd.status).toBe(400);
    expect(upd.body.errors).toEqual([expect.objectContaining({ field: "summary" })]);
  });

  it("approval: stale → 409; non-manager → 403; then the new version is in force and the due date moves", async () => {
    const stale = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${reviewId}/approve`, { params: { id: reviewId }, json: { version: 9 } });
    expect(stale.status).toBe(409);
    await signInAs("auditor");
    const forbidden = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${reviewId}/approve`, { params: { id: reviewId }, json: { version: 1 } });
    expect(forbidden.status).toBe(403);
    await signInAs("privacy_manager");

    const ok = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${reviewId}/approve`, { params: { id: reviewId }, json: { version: 1 } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.regulation).toMatchObject({
      currentVersion: 4,
      effectiveDate: today,
      lastReviewedOn: addDays(today, -2),
      nextReviewDue: addMonths(addDays(today, -2), 12),
      dueState: "on_time",
      pendingReviewId: null,
      status: "in_force",
    });
    expect(ok.body.versions.map((v: { versionNumber: number; current: boolean }) => [v.versionNumber, v.current])).toEqual([
      [4, true],
      [3, false],
    ]);
    expect(ok.body.versions[0]).toMatchObject({ summary: "漏えい等報告の手順を追記", approvedOn: today, reviewId });
    expect(ok.body.reviews[0]).toMatchObject({ state: "approved", approvedOn: today, approvedByName: "Test privacy_manager" });

    const again = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${reviewId}/approve`, { params: { id: reviewId }, json: { version: 2 } });
    expect(again.status).toBe(409);
    const edit = await call(reviewRoute, "PATCH", `/api/v1/regulations/reviews/${reviewId}`, {
      params: { id: reviewId },
      json: { reviewedOn: today, reviewers: "x", trigger: "periodic", outcome: "no_change", version: 2 },
    });
    expect(edit.status).toBe(409);

    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "regulation_review"), eq(auditLog.entityId, String(reviewId))));
    expect(audits.map((a) => a.action)).toEqual(["create", "approve"]);
  });

  it("no change: approval moves the due date only; discard keeps the draft marked", async () => {
    const d = await call(reviewsRoute, "POST", `/api/v1/regulations/${mainId}/reviews`, {
      params: { id: mainId },
      json: { reviewedOn: today, reviewers: "管理者", trigger: "periodic", outcome: "no_change" },
    });
    expect(d.status).toBe(201);
    const dis = await call(discardRoute, "POST", `/api/v1/regulations/reviews/${d.body.id}/discard`, { params: { id: d.body.id }, json: { version: 1 } });
    expect(dis.status).toBe(200);
    expect(dis.body.discarded).toBe(true);
    const n = await call(reviewsRoute, "POST", `/api/v1/regulations/${mainId}/reviews`, {
      params: { id: mainId },
      json: { reviewedOn: today, reviewers: "管理者", trigger: "periodic", outcome: "no_change" },
    });
    expect(n.status).toBe(201);
    const ok = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${n.body.id}/approve`, { params: { id: n.body.id }, json: { version: 1 } });
    expect(ok.body.regulation).toMatchObject({ currentVersion: 4, lastReviewedOn: today, nextReviewDue: addMonths(today, 12) });
    // A review that has not taken place yet cannot be recorded.
    const future = await call(reviewsRoute, "POST", `/api/v1/regulations/${mainId}/reviews`, {
      params: { id: mainId },
      json: { reviewedOn: addDays(today, 1), reviewers: "管理者", trigger: "periodic", outcome: "no_change" },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe("reviewedOn");
  });

  it("retired outcome retires the regulation on approval; then no more reviews", async () => {
    const c = await call(listRoute, "POST", "/api/v1/regulations", { json: reg({ code: "REG-OLD", title: "旧規程" }) });
    const r = await call(reviewsRoute, "POST", `/api/v1/regulations/${c.body.id}/reviews`, {
      params: { id: c.body.id },
      json: { reviewedOn: today, reviewers: "管理者", trigger: "periodic", outcome: "retired", summary: "統合のため廃止" },
    });
    expect(r.status).toBe(201);
    const ok = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${r.body.id}/approve`, { params: { id: r.body.id }, json: { version: 1 } });
    expect(ok.body.regulation).toMatchObject({ status: "retired", nextReviewDue: null, dueState: "none" });
    const more = await call(reviewsRoute, "POST", `/api/v1/regulations/${c.body.id}/reviews`, {
      params: { id: c.body.id },
      json: { reviewedOn: today, reviewers: "管理者", trigger: "periodic", outcome: "no_change" },
    });
    expect(more.status).toBe(409);
  });

  it("a draft regulation comes into force as version 1 through an approved revision", async () => {
    const drafts = await call(listRoute, "GET", "/api/v1/regulations?status=draft");
    const id = drafts.body.items[0].id;
    const noChange = await call(reviewsRoute, "POST", `/api/v1/regulations/${id}/reviews`, {
      params: { id },
      json: { reviewedOn: today, reviewers: "管理者", trigger: "periodic", outcome: "no_change" },
    });
    expect(noChange.status).toBe(400);
    const r = await call(reviewsRoute, "POST", `/api/v1/regulations/${id}/reviews`, {
      params: { id },
      json: { reviewedOn: today, reviewers: "管理者", trigger: "periodic", outcome: "revised", summary: "制定", proposedEffectiveDate: addDays(today, 7) },
    });
    expect(r.body.proposedVersion).toBe(1);
    const ok = await call(approveRoute, "POST", `/api/v1/regulations/reviews/${r.body.id}/approve`, { params: { id: r.body.id }, json: { version: 1 } });
    expect(ok.body.regulation).toMatchObject({ status: "in_force", currentVersion: 1, effectiveDate: addDays(today, 7), nextReviewDue: addMonths(today, 12) });
  });

  it("exports the register as CSV with a BOM", async () => {
    const text = await fetchCsvExport(exportRoute, "/api/v1/regulations/export.csv");
    expect(text.split("\r\n")[0]).toBe("規程番号,規程名,所管,現行版,施行日,見直し間隔（か月）,前回見直し日,次回見直し期限,期限の状況,状態");
    expect(text).toContain("個人情報保護規程");
    expect(text).toContain("第4版");
  });
});
