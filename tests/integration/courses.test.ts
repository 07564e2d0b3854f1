import { describe, expect, it, beforeAll } from "vitest";
import { and, eq } from "drizzle-orm";
import * as coursesRoute from "@/app/api/v1/courses/route";
import * as courseRoute from "@/app/api/v1/courses/[id]/route";
import * as retireRoute from "@/app/api/v1/courses/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/courses/[id]/restore/route";
import * as exportRoute from "@/app/api/v1/courses/export.csv/route";
import { getDb } from "@/db";
import { auditLog, courses, departments, employees, trainingRecords } from "@/db/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

let sales = 0;
let hrDept = 0;
const course = (over: Record<string, unknown> = {}) => ({
  code: "PI-BASIC",
  title: "個人情報保護基礎研修",
  description: "全従業者向けの年次研修",
  audienceAll: true,
  recurrenceMonths: 12,
  newHireDueDays: 30,
  passMark: 80,
  requiredFrom: "2026-04-01",
  ...over,
});

beforeAll(async () => {
  const db = await getDb();
  const rows = await db
    .insert(departments)
    .values([
      { code: "D04", name: "営業部" },
      { code: "D03", name: "人事部" },
    ])
    .returning();
  [sales, hrDept] = rows.map((r) => r.id);
});

describe("courses API", () => {
  it("creates a course, defaults applied, and audits it", async () => {
    await signInAs("hr");
    const res = await call(coursesRoute, "POST", "/api/v1/courses", { json: { code: "SEC-AWARE", title: "情報セキュリティ意識向上研修", requiredFrom: "2025-04-01" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: "SEC-AWARE", audienceAll: true, recurrenceMonths: 12, newHireDueDays: 30, passMark: null, version: 1, retiredAt: null });
    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "course"), eq(auditLog.entityId, String(res.body.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0].action).toBe("create");
  });

  it("validates: pass mark 101, recurrence 0, chosen audience without any choice, unknown department, duplicate code", async () => {
    await signInAs("privacy_manager");
    const db = await getDb();
    const before = (await db.select().from(courses)).length;

    const pm = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ passMark: 101 }) });
    expect(pm.status).toBe(400);
    expect(pm.body.errors).toEqual([{ field: "passMark", code: "too_big", message: expect.stringContaining("100") }]);

    const rec = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ recurrenceMonths: 0 }), headers: { "accept-language": "ja" } });
    expect(rec.status).toBe(400);
    expect(rec.body.errors[0].field).toBe("recurrenceMonths");
    expect(rec.body.errors[0].message).toContain("1");
    expect(rec.body.title).toBe("入力内容に誤りがあります");

    const aud = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ audienceAll: false }) });
    expect(aud.status).toBe(400);
    expect(aud.body.errors).toEqual([{ field: "audience", code: "custom", message: "Choose at least one department or employment type." }]);

    const dept = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ audienceAll: false, audienceDepartmentIds: [sales, 99999] }) });
    expect(dept.status).toBe(400);
    expect(dept.body.errors[0].field).toBe("audienceDepartmentIds");

    const ok = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ audienceAll: false, audienceDepartmentIds: [sales], audienceEmploymentTypes: ["dispatched"] }) });
    expect(ok.status).toBe(201);
    const dup = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ code: "pi-basic" }) });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toMatchObject({ field: "code", code: "duplicate" });

    const junk = await call(coursesRoute, "POST", "/api/v1/courses", { body: "{nope", headers: { "content-type": "application/json" } });
    expect(junk.status).toBe(400);

    expect((await db.select().from(courses)).length).toBe(before + 1);
  });

  it("reads, edits with a version (stale → 409), and shows before → after in its history", async () => {
    await signInAs("hr");
    const created = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ code: "CS-HANDLING", title: "顧客情報取扱い研修", passMark: 70 }) });
    const id = created.body.id;

    const edit = await call(courseRoute, "PATCH", `/api/v1/courses/${id}`, {
      params: { id },
      json: course({ code: "CS-HANDLING", title: "顧客情報取扱い研修（改訂）", passMark: 75, recurrenceMonths: null, audienceAll: false, audienceDepartmentIds: [hrDept, sales], version: 1 }),
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, passMark: 75, recurrenceMonths: null, audienceDepartmentIds: [sales, hrDept].sort((a, b) => a - b) });

    const stale = await call(courseRoute, "PATCH", `/api/v1/courses/${id}`, { params: { id }, json: course({ code: "CS-HANDLING", title: "x", version: 1 }) });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe("/problems/conflict");
    expect(stale.body.detail).toBeTruthy();

    const detail = await call(courseRoute, "GET", `/api/v1/courses/${id}`, { params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.body.course.title).toBe("顧客情報取扱い研修（改訂）");
    const [update, create] = detail.body.history;
    expect(create.action).toBe("create");
    expect(update.action).toBe("update");
    expect(update.actorEmail).toBe("test-hr@example.com");
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: "title", before: "顧客情報取扱い研修", after: "顧客情報取扱い研修（改訂）" },
        { field: "passMark", before: 70, after: 75 },
        { field: "recurrenceMonths", before: 12, after: null },
        { field: "audienceAll", before: true, after: false },
      ]),
    );

    expect((await call(courseRoute, "GET", "/api/v1/courses/999999", { params: { id: 999999 } })).status).toBe(404);
    expect((await call(courseRoute, "GET", "/api/v1/courses/abc", { params: { id: "abc" } })).status).toBe(400);
    const missing = await call(courseRoute, "PATCH", "/api/v1/courses/999999", { params: { id: 999999 }, json: course({ version: 1 }) });
    expect(missing.status).toBe(404);
  });

  it("retires and restores with confirmation of the version; the list hides retired ones unless asked", async () => {
    await signInAs("hr");
    const created = await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ code: "OLD-1", title: "旧研修" }) });
    const id = created.body.id;
    const retired = await call(retireRoute, "POST", `/api/v1/courses/${id}/retire`, { params: { id }, json: { version: 1 } });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    expect((await call(retireRoute, "POST", `/api/v1/courses/${id}/retire`, { params: { id }, json: { version: 1 } })).status).toBe(409);
    expect((await call(retireRoute, "POST", `/api/v1/courses/${id}/retire`, { params: { id }, json: { version: 2 } })).status).toBe(409);

    const live = await call(coursesRoute, "GET", "/api/v1/courses?q=OLD");
    expect(live.body.total).toBe(0);
    const all = await call(coursesRoute, "GET", "/api/v1/courses?q=OLD&includeRetired=true");
    expect(all.body.items.map((c: { code: string }) => c.code)).toEqual(["OLD-1"]);

    const restored = await call(restoreRoute, "POST", `/api/v1/courses/${id}/restore`, { params: { id }, json: { version: 2 } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ retiredAt: null, version: 3 });
    const detail = await call(courseRoute, "GET", `/api/v1/courses/${id}`, { params: { id } });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(["restore", "retire", "create"]);
  });

  it("counts each course's live records", async () => {
    const db = await getDb();
    const [emp] = await db
      .insert(employees)
      .values({ employeeNumber: "E9001", name: "記録 太郎", departmentId: sales, employmentType: "regular", hireDate: "2020-04-01" })
      .returning();
    const [cs] = await db.select().from(courses).where(eq(courses.code, "CS-HANDLING"));
    await db.insert(trainingRecords).values([
      { employeeId: emp.id, courseId: cs.id, completedOn: "2025-01-10", score: 90, passed: true, method: "classroom" },
      { employeeId: emp.id, courseId: cs.id, completedOn: "2025-02-10", score: 90, passed: true, method: "classroom" },
      { employeeId: emp.id, courseId: cs.id, completedOn: "2025-03-10", score: 90, passed: true, method: "classroom", retiredAt: new Date() },
    ]);
    await signInAs("auditor");
    const list = await call(coursesRoute, "GET", "/api/v1/courses?includeRetired=true");
    const counts = Object.fromEntries(list.body.items.map((c: { code: string; recordCount: number }) => [c.code, c.recordCount]));
    expect(counts["CS-HANDLING"]).toBe(2);
    expect(Object.entries(counts).filter(([code]) => code !== "CS-HANDLING").every(([, n]) => n === 0)).toBe(true);
    expect((await call(courseRoute, "GET", `/api/v1/courses/${cs.id}`, { params: { id: cs.id } })).body.course.recordCount).toBe(2);
  });

  it("lists with search, sort and paging", async () => {
    await signInAs("executive");
    const page1 = await call(coursesRoute, "GET", "/api/v1/courses?pageSize=2&sort=code&dir=asc");
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(4);
    const codes = page1.body.items.map((c: { code: string }) => c.code);
    expect(codes).toEqual([...codes].sort());
    const page2 = await call(coursesRoute, "GET", "/api/v1/courses?pageSize=2&page=2&sort=code&dir=asc");
    expect(page2.body.items[0].code > codes[1]).toBe(true);
    expect((await call(coursesRoute, "GET", "/api/v1/courses?q=%E9%A1%A7%E5%AE%A2")).body.items[0].code).toBe("CS-HANDLING");
    expect((await call(coursesRoute, "GET", "/api/v1/courses?q=100%25")).body.total).toBe(0);
    expect((await call(coursesRoute, "GET", "/api/v1/courses?pageSize=500")).status).toBe(400);
  });

  it("exports CSV with a BOM, translated headers and neutralised formula cells", async () => {
    await signInAs("hr");
    await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ code: "=HYPERLINK", title: "=1+1 研修", audienceAll: false, audienceEmploymentTypes: ["part_time"] }) });
    await signInAs("auditor");
    const lines = (await fetchCsvExport(exportRoute, "/api/v1/courses/export.csv?includeRetired=true")).split("\r\n");
    expect(lines[0]).toBe("コード,名称,対象者,受講周期,新規入社者の受講期限,合格点,必須とする開始日,受講記録数,状態,説明");
    const row = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(row).toBe(`"'=HYPERLINK","'=1+1 研修",パート・アルバイト,12か月ごとに受講,入社後30日以内,80,2026/04/01,0,有効,全従業者向けの年次研修`);
  });

  it("refuses writes by auditor and executive (403) and changes nothing", async () => {
    const db = await getDb();
    const before = (await db.select().from(courses)).length;
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(coursesRoute, "POST", "/api/v1/courses", { json: course({ code: `X-${role}` }) })).status).toBe(403);
      expect((await call(courseRoute, "PATCH", "/api/v1/courses/1", { params: { id: 1 }, json: course({ version: 1 }) })).status).toBe(403);
      expect((await call(retireRoute, "POST", "/api/v1/courses/1/retire", { params: { id: 1 }, json: { version: 1 } })).status).toBe(403);
      expect((await call(restoreRoute, "POST", "/api/v1/courses/1/restore", { params: { id: 1 }, json: { version: 1 } })).status).toBe(403);
      expect((await call(coursesRoute, "GET", "/api/v1/courses")).status).toBe(200);
    }
    await signInAs(null);
    expect((await call(coursesRoute, "GET", "/api/v1/courses")).status).toBe(401);
    expect((await db.select().from(courses)).length).toBe(before);
  });
});
