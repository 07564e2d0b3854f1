import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import * as departmentRoute from "@/app/api/v1/departments/[id]/route";
import * as retireRoute from "@/app/api/v1/departments/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/departments/[id]/restore/route";
import * as exportRoute from "@/app/api/v1/departments/export.csv/route";
import * as employeesRoute from "@/app/api/v1/employees/route";
import * as employeeRoute from "@/app/api/v1/employees/[id]/route";
import { getDb } from "@/db";
import { auditLog, departments } from "@/db/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

async function auditCount(entityId: number) {
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(sql`${auditLog.entity} = 'department' and ${auditLog.entityId} = ${String(entityId)}`);
  return Number(n);
}

describe("departments API", () => {
  it("needs a session to read; every role reads; only privacy_manager and hr write", async () => {
    await signInAs(null);
    expect((await call(departmentsRoute, "GET", "/api/v1/departments")).status).toBe(401);
    for (const role of ["privacy_manager", "hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(departmentsRoute, "GET", "/api/v1/departments")).status).toBe(200);
    }
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      const res = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "X1", name: "x" } });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const db = await getDb();
    expect(await db.select().from(departments).where(eq(departments.code, "X1"))).toHaveLength(0);
  });

  it("creates, normalises full-width codes, refuses duplicate codes with a field error and stores nothing", async () => {
    await signInAs("hr");
    const created = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "Ｄ１０", name: " 法務部 " } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "D10", name: "法務部", retiredAt: null, version: 1, activeEmployees: 0 });
    expect(await auditCount(created.body.id)).toBe(1);

    const dup = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "D10", name: "別の部署" } });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: "code", code: "duplicate" })]);

    const ja = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "D10", name: "別" }, headers: { "accept-language": "ja" } });
    expect(ja.body.errors[0].message).toContain("すでに使われています");

    const bad = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "D 1!", name: "" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["code", "name"]);

    const db = await getDb();
    expect(await db.select().from(departments).where(eq(departments.name, "別の部署"))).toHaveLength(0);
  });

  it("edits with the version last read; a stale version gets 409 and changes nothing", async () => {
    await signInAs("privacy_manager");
    const { body: d } = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "D20", name: "営業部" } });
    const ok = await call(departmentRoute, "PATCH", `/api/v1/departments/${d.id}`, { params: { id: d.id }, json: { code: "D20", name: "第一営業部", version: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: "第一営業部", version: 2 });

    const stale = await call(departmentRoute, "PATCH", `/api/v1/departments/${d.id}`, { params: { id: d.id }, json: { code: "D20", name: "上書き", version: 1 } });
    expect(stale.status).toBe(409);
    const got = await call(departmentRoute, "GET", `/api/v1/departments/${d.id}`, { params: { id: d.id } });
    expect(got.body).toMatchObject({ name: "第一営業部", version: 2 });

    const taken = await call(departmentRoute, "PATCH", `/api/v1/departments/${d.id}`, { params: { id: d.id }, json: { code: "D10", name: "x", version: 2 } });
    expect(taken.status).toBe(400);
    expect(taken.body.errors[0].field).toBe("code");

    const missing = await call(departmentRoute, "GET", "/api/v1/departments/999999", { params: { id: 999999 } });
    expect(missing.status).toBe(404);
    const badId = await call(departmentRoute, "GET", "/api/v1/departments/abc", { params: { id: "abc" } });
    expect(badId.status).toBe(400);
  });

  it("refuses to retire a department with active employees, retires it once they left, and restores it", async () => {
    await signInAs("hr");
    const { body: d } = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "D30", name: "閉鎖予定部" } });
    const { body: e } = await call(employeesRoute, "POST", "/api/v1/employees", {
      json: { employeeNumber: "R001", name: "在籍 太郎", departmentId: d.id, employmentType: "regular", hireDate: "2020-04-01" },
    });
    expect(e.id).toBeGreaterThan(0);

    const listed = await call(departmentRoute, "GET", `/api/v1/departments/${d.id}`, { params: { id: d.id } });
    expect(listed.body.activeEmployees).toBe(1);

    const refused = await call(retireRoute, "POST", `/api/v1/departments/${d.id}/retire`, { params: { id: d.id }, json: { version: 1 } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("1 active employee");
    expect((await call(departmentRoute, "GET", `/api/v1/departments/${d.id}`, { params: { id: d.id } })).body.retiredAt).toBeNull();

    // The employee leaves: the department may close.
    const left = await call(employeeRoute, "PATCH", `/api/v1/employees/${e.id}`, {
      params: { id: e.id },
      json: { ...e, leaveDate: "2021-03-31", version: e.version },
    });
    expect(left.status).toBe(200);

    await signInAs("executive");
    expect((await call(retireRoute, "POST", `/api/v1/departments/${d.id}/retire`, { params: { id: d.id }, json: { version: 1 } })).status).toBe(403);

    await signInAs("hr");
    const retired = await call(retireRoute, "POST", `/api/v1/departments/${d.id}/retire`, { params: { id: d.id }, json: { version: 1 } });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    expect(retired.body.version).toBe(2);

    // Not in the default list nor in the dropdown list; listed with includeRetired.
    const active = await call(departmentsRoute, "GET", "/api/v1/departments?all=true");
    expect(active.body.items.map((x: { code: string }) => x.code)).not.toContain("D30");
    const all = await call(departmentsRoute, "GET", "/api/v1/departments?all=true&includeRetired=true");
    expect(all.body.items.map((x: { code: string }) => x.code)).toContain("D30");
    expect(all.body.total).toBe(all.body.items.length);

    // A retired department cannot take new employees.
    const into = await call(employeesRoute, "POST", "/api/v1/employees", {
      json: { employeeNumber: "R002", name: "x", departmentId: d.id, employmentType: "regular", hireDate: "2024-04-01" },
    });
    expect(into.status).toBe(400);
    expect(into.body.errors[0].field).toBe("departmentId");

    // Retiring twice (a double click) changes nothing: a 409 that says it is retired already (docs/architecture-versioned-writes.md).
    const again = await call(retireRoute, "POST", `/api/v1/departments/${d.id}/retire`, { params: { id: d.id }, json: { version: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("already retired");
    expect((await call(departmentRoute, "GET", `/api/v1/departments/${d.id}`, { params: { id: d.id } })).body.version).toBe(2);

    const restored = await call(restoreRoute, "POST", `/api/v1/departments/${d.id}/restore`, { params: { id: d.id }, json: { version: 2 } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ retiredAt: null, version: 3 });

    const db = await getDb();
    const trail = await db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.entity} = 'department' and ${auditLog.entityId} = ${String(d.id)}`).orderBy(auditLog.id);
    expect(trail.map((t) => t.action)).toEqual(["create", "retire", "restore"]);
  });

  it("lists with search, sort and paging", async () => {
    await signInAs("auditor");
    const page = await call(departmentsRoute, "GET", "/api/v1/departments?pageSize=2&page=1&sort=code&dir=desc");
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    expect(page.body.items[0].code > page.body.items[1].code).toBe(true);

    const found = await call(departmentsRoute, "GET", `/api/v1/departments?q=${encodeURIComponent("営業")}`);
    expect(found.body.items.map((x: { code: string }) => x.code)).toEqual(["D20"]);

    const literal = await call(departmentsRoute, "GET", `/api/v1/departments?q=${encodeURIComponent("%")}`);
    expect(literal.body.items).toHaveLength(0);

    const bad = await call(departmentsRoute, "GET", "/api/v1/departments?pageSize=1000&sort=nope");
    expect(bad.status).toBe(400);
  });

  it("exports CSV with a BOM, localised headers and formulas neutralised", async () => {
    await signInAs("hr");
    await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "D40", name: "=HYPERLINK(\"http://x\")" } });
    await signInAs("executive");
    const text = await fetchCsvExport(exportRoute, "/api/v1/departments/export.csv");
    expect(text.split("\r\n")[0]).toBe("部署コード,部署名,在籍者数,状態,廃止日");
    expect(text).toContain(`D40,"'=HYPERLINK(""http://x"")",0,運用中,`);
  });
});
