import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as postsRoute from "@/app/api/v1/pms-posts/route";
import * as postRoute from "@/app/api/v1/pms-posts/[id]/route";
import * as retireRoute from "@/app/api/v1/pms-posts/[id]/retire/route";
import * as appointRoute from "@/app/api/v1/pms-posts/[id]/appointments/route";
import * as appointmentRoute from "@/app/api/v1/pms-posts/appointments/[id]/route";
import { getDb } from "@/db";
import { auditLog, departments, employees, pmsAppointments, pmsPosts } from "@/db/schema";
import { addDays, formatDate, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";

/** 兼任不可 (docs/domain.md §2 "PMS structure"): posts that the same person may not hold at once. */
const today = todayInTokyo();
let cpo = 0;
let audit = 0;
let edu = 0;
let employeeId = 0;
let otherEmployeeId = 0;
let managerUserId = 0;

async function snapshot() {
  const db = await getDb();
  return { posts: await db.select().from(pmsPosts), appts: await db.select().from(pmsAppointments), audit: await db.select().from(auditLog) };
}

async function newPost(code: string, title: string, exclusiveWith?: number[]) {
  const res = await call(postsRoute, "POST", "/api/v1/pms-posts", { json: { code, title, ...(exclusiveWith ? { exclusiveWith } : {}) } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function appoint(postId: number, person: { personType: "user" | "employee"; personId: number }, fromDate: string, toDate: string | null = null, lang = "en") {
  return call(appointRoute, "POST", `/api/v1/pms-posts/${postId}/appointments`, {
    params: { id: postId },
    json: { ...person, fromDate, toDate },
    headers: { "accept-language": lang },
  });
}

async function postRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(pmsPosts).where(eq(pmsPosts.id, id));
  return row;
}

beforeAll(async () => {
  const db = await getDb();
  const [{ id: deptId }] = await db.insert(departments).values({ code: "D01", name: "管理部" }).returning();
  [{ id: employeeId }, { id: otherEmployeeId }] = await db
    .insert(employees)
    .values([
      { employeeNumber: "E0101", name: "鈴木 一郎", departmentId: deptId, employmentType: "regular", hireDate: "2015-04-01" },
      { employeeNumber: "E0102", name: "高橋 二郎", departmentId: deptId, employmentType: "regular", hireDate: "2015-04-01" },
    ])
    .returning();
  managerUserId = (await signInAs("privacy_manager"))!.id;
});

describe("posts that may not be held together (兼任不可)", () => {
  it("a new post names the posts it excludes; the other side names it too, with its own version and audit entry", async () => {
    cpo = (await newPost("POST-CPO", "個人情報保護管理者")).id;
    edu = (await newPost("POST-EDU", "教育責任者")).id;
    const created = await newPost("POST-AUDIT", "監査責任者", [cpo, cpo]);
    audit = created.id;
    expect(created.exclusiveWith).toEqual([cpo]);
    const other = await postRow(cpo);
    expect(other).toMatchObject({ exclusiveWith: [audit], version: 2 });
    const db = await getDb();
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entity, "pms_post"), eq(auditLog.entityId, String(cpo))));
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(entries[1].after).toMatchObject({ exclusiveWith: [audit] });
    const list = await call(postsRoute, "GET", "/api/v1/pms-posts");
    expect(list.body.items.find((p: { id: number }) => p.id === cpo).exclusiveWith).toEqual([audit]);
    expect(list.body.conflicts).toEqual([]);
  });

  it("refuses a post excluding itself or a post that does not exist or is retired", async () => {
    const before = await snapshot();
    const row = await postRow(edu);
    const self = await call(postRoute, "PATCH", `/api/v1/pms-posts/${edu}`, { params: { id: edu }, json: { code: "POST-EDU", title: "教育責任者", exclusiveWith: [edu], version: row.version } });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: "exclusiveWith", message: "A post cannot exclude itself." })]);
    const unknown = await call(postRoute, "PATCH", `/api/v1/pms-posts/${edu}`, { params: { id: edu }, json: { code: "POST-EDU", title: "教育責任者", exclusiveWith: [99999], version: row.version } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "exclusiveWith" })]);
    const gone = await newPost("POST-OLD", "旧役職");
    await call(retireRoute, "POST", `/api/v1/pms-posts/${gone.id}/retire`, { params: { id: gone.id }, json: { version: gone.version } });
    const mid = await snapshot();
    const retired = await call(postRoute, "PATCH", `/api/v1/pms-posts/${edu}`, { params: { id: edu }, json: { code: "POST-EDU", title: "教育責任者", exclusiveWith: [gone.id], version: row.version } });
    expect(retired.status).toBe(400);
    expect(await snapshot()).toEqual(mid);
    expect(before.posts.length + 1).toBe(mid.posts.length);
  });

  it("refuses appointing someone to a post while their term in an excluded post meets it: 409 naming the other post, nothing written", async () => {
    const first = await appoint(cpo, { personType: "user", personId: managerUserId }, addDays(today, -400), addDays(today, 30));
    expect(first.status, first.text).toBe(201);
    const before = await snapshot();
    const refused = await appoint(audit, { personType: "user", personId: managerUserId }, addDays(today, 30));
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: "personId", code: "exclusive_post" })]);
    expect(refused.body.errors[0].message).toContain("“個人情報保護管理者”");
    expect(refused.body.errors[0].message).toContain(`${formatDate(addDays(today, -400))} – ${formatDate(addDays(today, 30))}`);
    const ja = await appoint(audit, { personType: "user", personId: managerUserId }, today, null, "ja");
    expect(ja.status).toBe(409);
    expect(ja.body.errors[0].message).toBe(
      `この人は「個人情報保護管理者」に就いています（${formatDate(addDays(today, -400))}〜${formatDate(addDays(today, 30))}）。この役職とは兼任できません。先にその任期を終えるか、別の人を任命してください。`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("allows the same person after the other term ends, another person, an employee with the same id, and a post not excluded", async () => {
    expect((await appoint(audit, { personType: "user", personId: managerUserId }, addDays(today, 31))).status).toBe(201);
    expect((await appoint(edu, { personType: "user", personId: managerUserId }, today)).status).toBe(201);
    expect((await appoint(audit, { personType: "employee", personId: managerUserId }, today, addDays(today, 10))).status).not.toBe(409);
    expect((await appoint(audit, { personType: "employee", personId: otherEmployeeId }, addDays(today, -100), addDays(today, 20))).status).toBe(201);
  });

  it("refuses changing an appointment's term or person so that it meets an excluded post's term", async () => {
    const db = await getDb();
    const [a] = await db.select().from(pmsAppointments).where(and(eq(pmsAppointments.postId, audit), eq(pmsAppointments.employeeId, otherEmployeeId)));
    // 高橋 is 監査責任者 now; moving him to the same days as the manager's term is fine (a different person) …
    const pm = await appoint(cpo, { personType: "employee", personId: otherEmployeeId }, addDays(today, 40));
    expect(pm.status, pm.text).toBe(201);
    const before = await snapshot();
    // … but stretching his 監査責任者 term into his 個人情報保護管理者 term is not.
    const longer = await call(appointmentRoute, "PATCH", `/api/v1/pms-posts/appointments/${a.id}`, {
      params: { id: a.id },
      json: { personType: "employee", personId: otherEmployeeId, fromDate: a.fromDate, toDate: null, version: a.version },
    });
    expect(longer.status).toBe(409);
    expect(longer.body.errors).toEqual([expect.objectContaining({ field: "personId", code: "exclusive_post" })]);
    expect(await snapshot()).toEqual(before);
    // A note alone still saves.
    const note = await call(appointmentRoute, "PATCH", `/api/v1/pms-posts/appointments/${a.id}`, {
      params: { id: a.id },
      json: { personType: "employee", personId: otherEmployeeId, fromDate: a.fromDate, toDate: a.toDate, note: "訂正", version: a.version },
    });
    expect(note.status, note.text).toBe(200);
  });

  it("refuses an exclusion between two posts someone holds at once today or later; allows it when the shared days are past, and lists them", async () => {
    // 鈴木 holds 教育責任者 and the new 事務局 from today.
    const office = await newPost("POST-OFFICE", "PMS事務局");
    expect((await appoint(edu, { personType: "employee", personId: employeeId }, addDays(today, -200))).status).toBe(201);
    expect((await appoint(office.id, { personType: "employee", personId: employeeId }, addDays(today, -10))).status).toBe(201);
    const before = await snapshot();
    const row = await postRow(office.id);
    const refused = await call(postRoute, "PATCH", `/api/v1/pms-posts/${office.id}`, {
      params: { id: office.id },
      json: { code: "POST-OFFICE", title: "PMS事務局", exclusiveWith: [edu], version: row.version },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: "exclusiveWith", code: "held_together" })]);
    expect(refused.body.errors[0].message).toBe(
      `鈴木 一郎 holds this post and “教育責任者” at the same time (from ${formatDate(addDays(today, -10))}). End one of the two terms before making the posts exclusive.`,
    );
    expect(await snapshot()).toEqual(before);

    // The shared days end yesterday: history, so the exclusion is set, and the page lists the conflict.
    const db = await getDb();
    await db.update(pmsAppointments).set({ toDate: addDays(today, -1) }).where(and(eq(pmsAppointments.postId, office.id), eq(pmsAppointments.employeeId, employeeId)));
    const ok = await call(postRoute, "PATCH", `/api/v1/pms-posts/${office.id}`, {
      params: { id: office.id },
      json: { code: "POST-OFFICE", title: "PMS事務局", exclusiveWith: [edu], version: row.version },
    });
    expect(ok.status, ok.text).toBe(200);
    expect((await postRow(edu)).exclusiveWith).toEqual([office.id]);
    const list = await call(postsRoute, "GET", "/api/v1/pms-posts");
    expect(list.body.conflicts).toEqual([
      expect.objectContaining({
        personType: "employee",
        personId: employeeId,
        personName: "鈴木 一郎",
        posts: [expect.objectContaining({ id: edu, title: "教育責任者" }), expect.objectContaining({ id: office.id, title: "PMS事務局" })],
        fromDate: addDays(today, -10),
        toDate: addDays(today, -1),
      }),
    ]);

    // Taking the exclusion off one side takes it off both (audited on both posts); PATCH without the list leaves it.
    const off = await call(postRoute, "PATCH", `/api/v1/pms-posts/${edu}`, {
      params: { id: edu },
      json: { code: "POST-EDU", title: "教育責任者", exclusiveWith: [], version: (await postRow(edu)).version },
    });
    expect(off.status, off.text).toBe(200);
    expect((await postRow(office.id)).exclusiveWith).toEqual([]);
    const keep = await call(postRoute, "PATCH", `/api/v1/pms-posts/${cpo}`, { params: { id: cpo }, json: { code: "POST-CPO", title: "個人情報保護管理者（改）", version: (await postRow(cpo)).version } });
    expect(keep.status, keep.text).toBe(200);
    expect(keep.body.exclusiveWith).toEqual([audit]);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entity, "pms_post"), eq(auditLog.entityId, String(office.id))));
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "update"]);
  });

  it("only the privacy manager sets exclusions", async () => {
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      const before = await snapshot();
      const res = await call(postRoute, "PATCH", `/api/v1/pms-posts/${edu}`, { params: { id: edu }, json: { code: "POST-EDU", title: "教育責任者", exclusiveWith: [cpo], version: (await postRow(edu)).version } });
      expect(res.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    }
    await signInAs("privacy_manager");
  });
});
