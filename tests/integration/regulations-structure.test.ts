import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as postsRoute from "@/app/api/v1/pms-posts/route";
import * as postRoute from "@/app/api/v1/pms-posts/[id]/route";
import * as retireRoute from "@/app/api/v1/pms-posts/[id]/retire/route";
import * as appointRoute from "@/app/api/v1/pms-posts/[id]/appointments/route";
import * as appointmentRoute from "@/app/api/v1/pms-posts/appointments/[id]/route";
import * as endRoute from "@/app/api/v1/pms-posts/appointments/[id]/end/route";
import * as peopleRoute from "@/app/api/v1/pms-posts/people/route";
import * as pickRoute from "@/app/api/v1/employees/options/route";
import { getDb } from "@/db";
import { auditLog, departments, employees, pmsAppointments, pmsPosts } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";

const today = todayInTokyo();
let deptId = 0;
let employeeId = 0;

beforeAll(async () => {
  const db = await getDb();
  [{ id: deptId }] = await db.insert(departments).values({ code: "D04", name: "営業部" }).returning();
  [{ id: employeeId }] = await db
    .insert(employees)
    .values({ employeeNumber: "E0001", name: "山田 花子", departmentId: deptId, employmentType: "regular", hireDate: "2020-04-01" })
    .returning();
});

async function snapshot() {
  const db = await getDb();
  return { posts: await db.select().from(pmsPosts), appts: await db.select().from(pmsAppointments) };
}

describe("PMS structure", () => {
  let postId = 0;

  it("a new post without anyone is a gap", async () => {
    await signInAs("privacy_manager");
    const res = await call(postsRoute, "POST", "/api/v1/pms-posts", { json: { code: "POST-DEPT-D04", title: "部門責任者", departmentId: deptId } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ departmentName: "営業部", gap: true, holders: [] });
    postId = res.body.id;
    const list = await call(postsRoute, "GET", "/api/v1/pms-posts");
    expect(list.body).toMatchObject({ asOf: today, total: 1, gaps: 1 });
  });

  it("the appoint form: people lists sign-in users and departments, never employees; employees are searched with the picker", async () => {
    const db = await getDb();
    await db.insert(employees).values([
      { employeeNumber: "E0002", name: "佐藤 次郎", departmentId: deptId, employmentType: "regular", hireDate: "2020-04-01", leaveDate: "2021-03-31" },
      { employeeNumber: "E0003", name: "山田 三郎", departmentId: deptId, employmentType: "regular", hireDate: addDays(today, 30) },
    ]);
    const people = await call(peopleRoute, "GET", "/api/v1/pms-posts/people");
    expect(people.status).toBe(200);
    expect(Object.keys(people.body).sort()).toEqual(["departments", "users"]);
    expect(people.body.departments).toEqual([{ id: deptId, name: "営業部" }]);
    expect(people.body.users).toEqual(expect.arrayContaining([expect.objectContaining({ email: expect.any(String) })]));

    const byNumber = await call(pickRoute, "GET", "/api/v1/employees/options?q=E0001");
    expect(byNumber.status, byNumber.text).toBe(200);
    expect(byNumber.body).toEqual({
      items: [expect.objectContaining({ id: employeeId, employeeNumber: "E0001", name: "山田 花子", departmentName: "営業部" })],
      truncated: false,
    });
    // By name: only people employed on the day (default today; the term's first day in the form).
    const byName = await call(pickRoute, "GET", "/api/v1/employees/options?q=山田");
    expect(byName.body.items.map((e: { employeeNumber: string }) => e.employeeNumber)).toEqual(["E0001"]);
    const later = await call(pickRoute, "GET", `/api/v1/employees/options?q=山田&date=${addDays(today, 30)}`);
    expect(later.body.items.map((e: { employeeNumber: string }) => e.employeeNumber)).toEqual(["E0001", "E0003"]);
    const byDept = await call(pickRoute, "GET", `/api/v1/employees/options?departmentId=${deptId}&date=2020-06-01&limit=1`);
    expect(byDept.body).toMatchObject({ items: [{ employeeNumber: "E0001" }], truncated: true });

    // HR picks employees in the training forms too; the auditor and the executive write no such form.
    await signInAs("hr");
    expect((await call(pickRoute, "GET", "/api/v1/employees/options?q=E0001")).status).toBe(200);
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(pickRoute, "GET", "/api/v1/employees/options?q=E0001")).status).toBe(403);
    }
    await signInAs("privacy_manager");
  });

  it("appoints an employee for a term; the post is filled today, a gap again after the term", async () => {
    const res = await call(appointRoute, "POST", `/api/v1/pms-posts/${postId}/appointments`, {
      params: { id: postId },
      json: { personType: "employee", personId: employeeId, fromDate: addDays(today, -10), toDate: null, note: "取締役会決議" },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ gap: false, holders: [expect.objectContaining({ personName: "山田 花子", departmentName: "営業部", active: true })] });
    const later = await call(postsRoute, "GET", `/api/v1/pms-posts?asOf=${addDays(today, -11)}`);
    expect(later.body.gaps).toBe(1);
  });

  it("refuses bad terms and unknown people, changing nothing", async () => {
    const before = await snapshot();
    const bad = await call(appointRoute, "POST", `/api/v1/pms-posts/${postId}/appointments`, {
      params: { id: postId },
      json: { personType: "employee", personId: employeeId, fromDate: today, toDate: addDays(today, -1) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: "toDate" })]);
    const unknown = await call(appointRoute, "POST", `/api/v1/pms-posts/${postId}/appointments`, {
      params: { id: postId },
      json: { personType: "user", personId: 9999, fromDate: today },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "personId" })]);
    expect(await snapshot()).toEqual(before);
  });

  it("ends a term instead of deleting it (409 on a stale version); the post becomes a gap", async () => {
    const db = await getDb();
    const [a] = await db.select().from(pmsAppointments).where(eq(pmsAppointments.postId, postId));
    const stale = await call(endRoute, "POST", `/api/v1/pms-posts/appointments/${a.id}/end`, { params: { id: a.id }, json: { toDate: today, version: 7 } });
    expect(stale.status).toBe(409);
    const ok = await call(endRoute, "POST", `/api/v1/pms-posts/appointments/${a.id}/end`, { params: { id: a.id }, json: { toDate: addDays(today, -1), version: 1 } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ gap: true, appointments: [expect.objectContaining({ toDate: addDays(today, -1), active: false })] });
    expect(await db.select().from(pmsAppointments)).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "pms_appointment"), eq(auditLog.entityId, String(a.id))));
    expect(audits.map((x) => x.action)).toEqual(["create", "end"]);
    const fix = await call(appointmentRoute, "PATCH", `/api/v1/pms-posts/appointments/${a.id}`, {
      params: { id: a.id },
      json: { personType: "employee", personId: employeeId, fromDate: addDays(today, -10), toDate: null, version: 2 },
    });
    expect(fix.status).toBe(200);
    expect(fix.body.gap).toBe(false);
  });

  it("updates and retires a post; others may read but not write", async () => {
    const upd = await call(postRoute, "PATCH", `/api/v1/pms-posts/${postId}`, {
      params: { id: postId },
      json: { code: "POST-DEPT-D04", title: "部門責任者（営業）", departmentId: deptId, version: 1 },
    });
    expect(upd.status).toBe(200);
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(postsRoute, "GET", "/api/v1/pms-posts")).status).toBe(200);
      expect((await call(peopleRoute, "GET", "/api/v1/pms-posts/people")).status).toBe(403);
      expect((await call(retireRoute, "POST", `/api/v1/pms-posts/${postId}/retire`, { params: { id: postId }, json: { version: 2 } })).status).toBe(403);
    }
    await signInAs("privacy_manager");
    const ret = await call(retireRoute, "POST", `/api/v1/pms-posts/${postId}/retire`, { params: { id: postId }, json: { version: 2 } });
    expect(ret.status).toBe(200);
    expect((await call(postsRoute, "GET", "/api/v1/pms-posts")).body.total).toBe(0);
    expect((await call(postsRoute, "GET", "/api/v1/pms-posts?includeRetired=true")).body.total).toBe(1);
  });
});
