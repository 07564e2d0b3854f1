import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, isNull } from "drizzle-orm";
import * as recordsRoute from "@/app/api/v1/training-records/route";
import * as recordRoute from "@/app/api/v1/training-records/[id]/route";
import * as retireRoute from "@/app/api/v1/training-records/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/training-records/[id]/restore/route";
import * as bulkRoute from "@/app/api/v1/training-records/bulk/route";
import * as exportRoute from "@/app/api/v1/training-records/export.csv/route";
import * as optionsRoute from "@/app/api/v1/training-records/employee-options/route";
import { getDb } from "@/db";
import { auditLog, courses, departments, employees, trainingRecords } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

const ids = { sales: 0, hr: 0, pi: 0, sec: 0, cs: 0, old: 0 };
const emp: Record<string, number> = {};

async function liveRecords() {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(trainingRecords).where(isNull(trainingRecords.retiredAt));
  return Number(n);
}

beforeAll(async () => {
  const db = await getDb();
  const [sales, hr] = await db
    .insert(departments)
    .values([
      { code: "D04", name: "営業部" },
      { code: "D03", name: "人事部" },
    ])
    .returning();
  ids.sales = sales.id;
  ids.hr = hr.id;
  const people = await db
    .insert(employees)
    .values([
      { employeeNumber: "E0001", name: "山田 太郎", nameKana: "ヤマダ タロウ", departmentId: sales.id, employmentType: "regular", hireDate: "2020-04-01" },
      { employeeNumber: "E0002", name: "佐藤 花子", nameKana: "サトウ ハナコ", departmentId: sales.id, employmentType: "contract", hireDate: "2021-04-01" },
      { employeeNumber: "E0003", name: "鈴木 一郎", nameKana: "スズキ イチロウ", departmentId: hr.id, employmentType: "regular", hireDate: "2019-04-01" },
      { employeeNumber: "E0004", name: "高橋 退職", departmentId: hr.id, employmentType: "regular", hireDate: "2018-04-01", leaveDate: "2024-03-31" },
      { employeeNumber: "E0005", name: "田中 削除", departmentId: hr.id, employmentType: "part_time", hireDate: "2018-04-01", retiredAt: new Date() },
      { employeeNumber: "=CMD", name: "@悪意 テスト", departmentId: sales.id, employmentType: "dispatched", hireDate: "2022-04-01" },
    ])
    .returning();
  for (const p of people) emp[p.employeeNumber] = p.id;
  const cs = await db
    .insert(courses)
    .values([
      { code: "PI-BASIC", title: "個人情報保護基礎研修", passMark: 80, requiredFrom: "2020-04-01" },
      { code: "SEC-AWARE", title: "情報セキュリティ意識向上研修", passMark: null, requiredFrom: "2020-04-01" },
      { code: "CS-HANDLING", title: "顧客情報取扱い研修", passMark: 70, audienceAll: false, audienceDepartmentIds: [sales.id], requiredFrom: "2020-04-01" },
      { code: "OLD", title: "廃止済み研修", requiredFrom: "2020-04-01", retiredAt: new Date() },
    ])
    .returning();
  [ids.pi, ids.sec, ids.cs, ids.old] = cs.map((c) => c.id);
});

const rec = (over: Record<string, unknown> = {}) => ({
  employeeId: emp.E0001,
  courseId: ids.pi,
  completedOn: "2025-06-10",
  score: 85,
  method: "e_learning",
  evidence: "LMS-001",
  note: null,
  ...over,
});

describe("training records: single entry", () => {
  it("records a completion; passed is computed on the server, never taken from the client", async () => {
    await signInAs("hr");
    const ok = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ passed: false }) });
    // `passed` is not part of the input: unknown keys are ignored and the server decides.
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ employeeNumber: "E0001", courseCode: "PI-BASIC", score: 85, passed: true, source: "manual", version: 1, recordedByName: "Test hr" });

    const failed = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ completedOn: "2025-06-03", score: 79, passed: true }) });
    expect(failed.status).toBe(201);
    expect(failed.body.passed).toBe(false);

    const attendance = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ courseId: ids.sec, score: null, method: "video" }) });
    expect(attendance.status).toBe(201);
    expect(attendance.body.passed).toBe(true);

    // Voluntary: CS-HANDLING is for the sales department only; E0003 is in HR.
    const voluntary = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0003, courseId: ids.cs, score: 90 }) });
    expect(voluntary.status).toBe(201);

    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "training_record"), eq(auditLog.entityId, String(ok.body.id))));
    expect(audits.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses a future date, a missing score, unknown, left or retired employees and retired courses — storing nothing", async () => {
    await signInAs("privacy_manager");
    const before = await liveRecords();
    const tomorrow = addDays(todayInTokyo(), 1);

    const future = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ completedOn: tomorrow }) });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([{ field: "completedOn", code: "future", message: "The date cannot be in the future." }]);

    const today = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0002, completedOn: todayInTokyo() }) });
    expect(today.status).toBe(201);

    const noScore = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ completedOn: "2025-01-10", score: null }), headers: { "accept-language": "ja" } });
    expect(noScore.status).toBe(400);
    expect(noScore.body.errors[0]).toMatchObject({ field: "score", message: "この教育プログラムには合格点（80点）があるため、点数を入力してください。" });

    const unknown = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: 999999 }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: "employeeId", code: "not_found", message: "No such employee." });

    const left = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0004, completedOn: "2024-04-01" }) });
    expect(left.status).toBe(400);
    expect(left.body.errors[0].message).toContain("2024/03/31");
    const beforeHire = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0002, completedOn: "2021-03-31" }) });
    expect(beforeHire.status).toBe(400);
    expect(beforeHire.body.errors[0].message).toContain("2021/04/01");
    const retiredEmp = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0005 }) });
    expect(retiredEmp.status).toBe(400);
    expect(retiredEmp.body.errors[0].message).toContain("retired");

    const retiredCourse = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ courseId: ids.old }) });
    expect(retiredCourse.status).toBe(400);
    expect(retiredCourse.body.errors[0].field).toBe("courseId");
    const unknownCourse = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ courseId: 999999 }) });
    expect(unknownCourse.status).toBe(400);

    const bad = await call(recordsRoute, "POST", "/api/v1/training-records", { json: { employeeId: "x", score: 101, method: "fax", completedOn: "2025-02-30" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["completedOn", "courseId", "employeeId", "method", "score"]);

    expect(await liveRecords()).toBe(before + 1);
  });

  it("refuses a second record of the same employee, course and day (409)", async () => {
    await signInAs("hr");
    const before = await liveRecords();
    const dup = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ score: 100 }) });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe("completedOn");
    expect(await liveRecords()).toBe(before);
  });
});

describe("training records: a session in bulk", () => {
  const session = (entries: { employeeId: number; score?: number | null }[], over: Record<string, unknown> = {}) => ({
    courseId: ids.cs,
    completedOn: "2025-10-08",
    method: "classroom",
    evidence: "出席簿 2025-10-08",
    entries,
    ...over,
  });

  it("is all or nothing: one bad employee stores nothing, and says which entry", async () => {
    await signInAs("hr");
    const before = await liveRecords();
    const res = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", {
      json: session([
        { employeeId: emp.E0001, score: 90 },
        { employeeId: 424242, score: 90 },
        { employeeId: emp.E0002, score: null },
      ]),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["entries.1.employeeId", "entries.2.score"]);
    expect(await liveRecords()).toBe(before);
  });

  it("stores everyone else as source 'bulk' and skips those already recorded that day", async () => {
    await signInAs("hr");
    const first = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0002, courseId: ids.cs, completedOn: "2025-10-08", score: 75 }) });
    expect(first.status).toBe(201);
    const before = await liveRecords();
    const res = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", {
      json: session([
        { employeeId: emp.E0001, score: 90 },
        { employeeId: emp.E0002, score: 80 },
        { employeeId: emp.E0003, score: 60 },
      ]),
    });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(2);
    expect(res.body.skipped).toEqual([{ employeeId: emp.E0002, employeeNumber: "E0002", name: "佐藤 花子", recordId: first.body.id }]);
    expect(await liveRecords()).toBe(before + 2);

    const list = await call(recordsRoute, "GET", `/api/v1/training-records?source=bulk&courseId=${ids.cs}&sort=employee&dir=asc`);
    expect(list.body.items.map((r: { employeeNumber: string; passed: boolean; evidence: string }) => [r.employeeNumber, r.passed, r.evidence])).toEqual([
      ["E0001", true, "出席簿 2025-10-08"],
      ["E0003", false, "出席簿 2025-10-08"],
    ]);

    const again = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: session([{ employeeId: emp.E0001, score: 90 }]) });
    expect(again.status).toBe(201);
    expect(again.body.created).toBe(0);
    expect(await liveRecords()).toBe(before + 2);
  });

  it("refuses an empty session, a repeated employee and a future date", async () => {
    await signInAs("hr");
    expect((await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: session([]) })).status).toBe(400);
    const twice = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: session([{ employeeId: emp.E0001, score: 1 }, { employeeId: emp.E0001, score: 2 }]) });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].field).toBe("entries.1.employeeId");
    const future = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: session([{ employeeId: emp.E0001, score: 90 }], { completedOn: "2999-01-01" }) });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe("completedOn");
  });
});

describe("training records: edit, history, retire", () => {
  it("corrects with a version (stale → 409) and the history shows before → after, who and when", async () => {
    await signInAs("hr");
    const created = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0003, completedOn: "2025-05-20", score: 70 }) });
    expect(created.body.passed).toBe(false);
    const id = created.body.id;

    await signInAs("privacy_manager");
    const edit = await call(recordRoute, "PATCH", `/api/v1/training-records/${id}`, {
      params: { id },
      json: { ...rec({ employeeId: emp.E0003, completedOn: "2025-05-20", score: 88, note: "採点ミスを修正" }), version: 1 },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ score: 88, passed: true, version: 2, note: "採点ミスを修正" });

    const stale = await call(recordRoute, "PATCH", `/api/v1/training-records/${id}`, {
      params: { id },
      json: { ...rec({ employeeId: emp.E0003, completedOn: "2025-05-20", score: 10 }), version: 1 },
    });
    expect(stale.status).toBe(409);

    const moved = await call(recordRoute, "PATCH", `/api/v1/training-records/${id}`, {
      params: { id },
      json: { ...rec({ employeeId: emp.E0001, completedOn: "2025-06-10", score: 88 }), version: 2 },
    });
    expect(moved.status).toBe(409); // E0001 already has PI-BASIC on 2025-06-10

    const detail = await call(recordRoute, "GET", `/api/v1/training-records/${id}`, { params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.body.record.version).toBe(2);
    const [update, create] = detail.body.history;
    expect(create).toMatchObject({ action: "create", actorEmail: "test-hr@example.com" });
    expect(create.changes).toEqual(expect.arrayContaining([{ field: "employeeId", before: null, after: emp.E0003, afterLabel: "E0003 鈴木 一郎" }]));
    expect(update).toMatchObject({ action: "update", actorEmail: "test-privacy_manager@example.com", actorName: "Test privacy_manager" });
    expect(update.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(update.changes).toEqual([
      { field: "score", before: 70, after: 88 },
      { field: "passed", before: false, after: true },
      { field: "note", before: null, after: "採点ミスを修正" },
    ]);

    expect((await call(recordRoute, "GET", "/api/v1/training-records/999999", { params: { id: 999999 } })).status).toBe(404);
  });

  it("retires with a reason (kept, not deleted), refuses edits of a retired record, restores", async () => {
    await signInAs("hr");
    const created = await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ employeeId: emp.E0002, completedOn: "2025-07-01", score: 95 }) });
    const id = created.body.id;
    const noReason = await call(retireRoute, "POST", `/api/v1/training-records/${id}/retire`, { params: { id }, json: { reason: " ", version: 1 } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe("reason");

    const retired = await call(retireRoute, "POST", `/api/v1/training-records/${id}/retire`, { params: { id }, json: { reason: "別の従業員の記録として誤登録", version: 1 } });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    const db = await getDb();
    expect(await db.select().from(trainingRecords).where(eq(trainingRecords.id, id))).toHaveLength(1);

    const edit = await call(recordRoute, "PATCH", `/api/v1/training-records/${id}`, { params: { id }, json: { ...rec({ employeeId: emp.E0002, completedOn: "2025-07-01" }), version: 2 } });
    expect(edit.status).toBe(409);

    // The day is free again: a new record for it is allowed, and then restoring the old one is a duplicate.
    const list = await call(recordsRoute, "GET", `/api/v1/training-records?employeeId=${emp.E0002}&from=2025-07-01&to=2025-07-01`);
    expect(list.body.total).toBe(0);
    const withRetired = await call(recordsRoute, "GET", `/api/v1/training-records?employeeId=${emp.E0002}&from=2025-07-01&to=2025-07-01&includeRetired=true`);
    expect(withRetired.body.total).toBe(1);

    const detail = await call(recordRoute, "GET", `/api/v1/training-records/${id}`, { params: { id } });
    expect(detail.body.history[0]).toMatchObject({ action: "retire", reason: "別の従業員の記録として誤登録" });

    const restored = await call(restoreRoute, "POST", `/api/v1/training-records/${id}/restore`, { params: { id }, json: { version: 2 } });
    expect(restored.status).toBe(200);
    expect(restored.body.retiredAt).toBeNull();
  });
});

describe("training records: list, export, roles", () => {
  it("filters (department, course, period, fiscal year, method, result, source, search), sorts and pages on the server", async () => {
    await signInAs("executive");
    const get = async (qs: string) => {
      const r = await call(recordsRoute, "GET", `/api/v1/training-records${qs}`);
      expect(r.status).toBe(200);
      return r.body;
    };
    const all = await get("?pageSize=200");
    expect(all.total).toBeGreaterThanOrEqual(10);

    const sales = await get(`?departmentId=${ids.sales}&pageSize=200`);
    expect(sales.items.every((r: { departmentName: string }) => r.departmentName === "営業部")).toBe(true);
    expect(sales.total).toBeGreaterThan(0);
    expect(sales.total).toBeLessThan(all.total);

    const fy2025 = await get("?fy=2025&pageSize=200");
    expect(fy2025.items.every((r: { completedOn: string }) => r.completedOn >= "2025-04-01" && r.completedOn <= "2026-03-31")).toBe(true);
    const june = await get("?from=2025-06-01&to=2025-06-30&pageSize=200");
    expect(june.items.map((r: { completedOn: string }) => r.completedOn).every((d: string) => d.startsWith("2025-06"))).toBe(true);
    expect(june.total).toBeGreaterThanOrEqual(3);

    const failed = await get("?passed=false");
    expect(failed.items.every((r: { passed: boolean }) => !r.passed)).toBe(true);
    expect(failed.total).toBeGreaterThanOrEqual(2);
    const video = await get("?method=video");
    expect(video.items.map((r: { method: string }) => r.method)).toEqual(["video"]);
    const byName = await get(`?q=${encodeURIComponent("佐藤")}`);
    expect(byName.items.every((r: { employeeName: string }) => r.employeeName === "佐藤 花子")).toBe(true);
    const byNumber = await get("?q=e0003");
    expect(byNumber.items.every((r: { employeeNumber: string }) => r.employeeNumber === "E0003")).toBe(true);
    const byCourse = await get(`?courseId=${ids.sec}`);
    expect(byCourse.total).toBe(1);

    const scores = (await get("?sort=score&dir=desc&pageSize=200")).items.map((r: { score: number | null }) => r.score);
    const withScore = scores.filter((s: number | null) => s !== null);
    expect(withScore).toEqual([...withScore].sort((a: number, b: number) => b - a));
    expect(scores.slice(withScore.length).every((s: number | null) => s === null)).toBe(true);
    const dates = (await get("?sort=completedOn&dir=asc&pageSize=200")).items.map((r: { completedOn: string }) => r.completedOn);
    expect(dates).toEqual([...dates].sort());

    const p1 = await get("?pageSize=3&page=1");
    const p2 = await get("?pageSize=3&page=2");
    expect(p1.items).toHaveLength(3);
    expect(p2.page).toBe(2);
    expect(p1.items.map((r: { id: number }) => r.id)).not.toContain(p2.items[0].id);

    expect((await call(recordsRoute, "GET", "/api/v1/training-records?from=2025-06-30&to=2025-06-01")).status).toBe(400);
    expect((await call(recordsRoute, "GET", "/api/v1/training-records?sort=salary")).status).toBe(400);
    expect((await call(recordsRoute, "GET", "/api/v1/training-records?pageSize=201")).status).toBe(400);
  });

  it("exports the filtered list as CSV with a BOM and neutralised formula cells", async () => {
    await signInAs("hr");
    const made = await call(recordsRoute, "POST", "/api/v1/training-records", {
      json: rec({ employeeId: emp["=CMD"], courseId: ids.sec, completedOn: "2025-08-01", score: null, evidence: "+SUM(A1)", note: "-1" }),
    });
    expect(made.status).toBe(201);
    await signInAs("auditor");
    const lines = (await fetchCsvExport(exportRoute, `/api/v1/training-records/export.csv?courseId=${ids.sec}`)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("受講日,社員番号,氏名,部署,教育プログラムコード,教育プログラム,点数,合否,受講方法,証跡,備考,登録方法,登録者,登録日時,状態");
    expect(lines).toHaveLength(3); // header + the two SEC-AWARE records
    const bad = lines.find((l) => l.includes("CMD"))!;
    expect(bad).toContain(`"'=CMD","'@悪意 テスト"`);
    expect(bad).toContain(`"'+SUM(A1)","'-1"`);
    expect(bad).toContain("2025/08/01");
    expect(bad).toContain(",,合格,eラーニング,"); // no score, no pass mark: passed; method translated
    expect(bad).toContain("個別入力,Test hr,");
  });

  it("lists employees for the pickers: employed that day, with audience and already-recorded flags", async () => {
    await signInAs("hr");
    const r = await call(optionsRoute, "GET", `/api/v1/training-records/employee-options?courseId=${ids.cs}&date=2025-10-08&departmentId=${ids.sales}`);
    expect(r.status).toBe(200);
    const byNo = Object.fromEntries(r.body.items.map((i: { employeeNumber: string }) => [i.employeeNumber, i]));
    expect(Object.keys(byNo).sort()).toEqual(["=CMD", "E0001", "E0002"]);
    expect(byNo.E0001.recordedId).toBeTruthy();
    expect(byNo.E0001.inAudience).toBe(true);
    const hr = await call(optionsRoute, "GET", `/api/v1/training-records/employee-options?q=E000&date=2023-01-01`);
    // E0004 left in 2024 (employed in 2023), E0005 is retired.
    expect(hr.body.items.map((i: { employeeNumber: string }) => i.employeeNumber)).toEqual(["E0001", "E0002", "E0003", "E0004"]);
    const today = await call(optionsRoute, "GET", `/api/v1/training-records/employee-options?q=E000`);
    expect(today.body.items.map((i: { employeeNumber: string }) => i.employeeNumber)).toEqual(["E0001", "E0002", "E0003"]);
    // The privacy manager writes records too; the auditor and the executive open no record form.
    await signInAs("privacy_manager");
    expect((await call(optionsRoute, "GET", `/api/v1/training-records/employee-options?q=E000`)).status).toBe(200);
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      const refused = await call(optionsRoute, "GET", `/api/v1/training-records/employee-options?q=E000`);
      expect(refused.status, role).toBe(403);
      expect(refused.text).not.toContain("E0001");
    }
    await signInAs("hr");
  });

  it("refuses writes by auditor and executive (403) and stores nothing", async () => {
    const before = await liveRecords();
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(recordsRoute, "POST", "/api/v1/training-records", { json: rec({ completedOn: "2025-01-01" }) })).status).toBe(403);
      expect((await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: { courseId: ids.sec, completedOn: "2025-01-01", method: "video", entries: [{ employeeId: emp.E0001 }] } })).status).toBe(403);
      expect((await call(recordRoute, "PATCH", "/api/v1/training-records/1", { params: { id: 1 }, json: { ...rec(), version: 1 } })).status).toBe(403);
      expect((await call(retireRoute, "POST", "/api/v1/training-records/1/retire", { params: { id: 1 }, json: { reason: "x", version: 1 } })).status).toBe(403);
      expect((await call(restoreRoute, "POST", "/api/v1/training-records/1/restore", { params: { id: 1 }, json: { version: 1 } })).status).toBe(403);
      expect((await call(recordsRoute, "GET", "/api/v1/training-records")).status).toBe(200);
      expect((await call(recordRoute, "GET", "/api/v1/training-records/1", { params: { id: 1 } })).status).toBe(200);
    }
    await signInAs(null);
    expect((await call(recordsRoute, "GET", "/api/v1/training-records")).status).toBe(401);
    expect(await liveRecords()).toBe(before);
  });
});
