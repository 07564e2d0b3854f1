import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import * as bulkRoute from "@/app/api/v1/training-records/bulk/route";
import * as sessionsRoute from "@/app/api/v1/training-sessions/route";
import * as sessionRoute from "@/app/api/v1/training-sessions/[id]/route";
import * as exportRoute from "@/app/api/v1/training-sessions/export.csv/route";
import { getDb } from "@/db";
import { sessionOfRecord } from "@/db/queries/training-sessions";
import { auditLog, courses, employees, trainingRecords, trainingSessions } from "@/db/schema";
import { call, signInAs } from "../support/api";
import { TODAY, resetToDemo } from "../support/openapi-ops";
import { fetchCsvExport } from "./csv-export";

/** Training sessions (docs/domain.md, "Training sessions"): the bulk entry writes one; list, detail, correction. */

beforeEach(async () => {
  await resetToDemo();
});

describe("training sessions", () => {
  it("the demo data's classroom bulk records belong to sessions, numbered by date", async () => {
    const db = await getDb();
    const bulk = await db.select({ sessionId: trainingRecords.sessionId, source: trainingRecords.source, method: trainingRecords.method }).from(trainingRecords);
    expect(bulk.filter((r) => r.source === "bulk" && r.method === "classroom").every((r) => r.sessionId !== null)).toBe(true);
    expect(bulk.filter((r) => r.source !== "bulk" || r.method !== "classroom").every((r) => r.sessionId === null)).toBe(true);
    const sessions = await db.select().from(trainingSessions).orderBy(trainingSessions.id);
    expect(sessions.length).toBeGreaterThan(5);
    expect(sessions.map((s) => s.heldOn)).toEqual([...sessions.map((s) => s.heldOn)].sort());
  });

  it("a bulk entry writes one session with its fields, its records point to it, audited; everyone skipped writes none", async () => {
    await signInAs("hr");
    const db = await getDb();
    const [course] = await db.select({ id: courses.id, passMark: courses.passMark }).from(courses).where(isNotNull(courses.id)).orderBy(courses.id).limit(1);
    // Employees employed on the day, not yet recorded for the course that day.
    const day = "2025-01-15";
    const recorded = new Set(
      (await db.select({ e: trainingRecords.employeeId }).from(trainingRecords).where(and(eq(trainingRecords.courseId, course.id), eq(trainingRecords.completedOn, day)))).map((r) => r.e),
    );
    const eligible = (
      await db.select({ id: employees.id, hire: employees.hireDate, leave: employees.leaveDate, retired: employees.retiredAt }).from(employees).orderBy(employees.id)
    ).filter((e) => e.hire <= day && (e.leave === null || e.leave >= day) && e.retired === null && !recorded.has(e.id));
    const entries = eligible.slice(0, 3).map((e) => ({ employeeId: e.id, score: course.passMark === null ? null : 95 }));
    expect(entries).toHaveLength(3);
    const body = { courseId: course.id, completedOn: day, method: "classroom", evidence: null, note: "備考", title: "1月 全社研修", place: "本社 会議室A", instructor: "外部講師 山本", entries };
    const res = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: body });
    expect(res.status, res.text).toBe(201);
    const sessionId = res.body.sessionId as number;
    expect(sessionId).toBeGreaterThan(0);
    const recs = await db.select({ sessionId: trainingRecords.sessionId }).from(trainingRecords).where(eq(trainingRecords.sessionId, sessionId));
    expect(recs).toHaveLength(3);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "training_session"), eq(auditLog.entityId, String(sessionId))));
    expect(audit.action).toBe("create");

    const detail = await call(sessionRoute, "GET", `/api/v1/training-sessions/${sessionId}`, { params: { id: sessionId } });
    expect(detail.status).toBe(200);
    expect(detail.body.session).toMatchObject({ id: sessionId, courseId: course.id, heldOn: day, method: "classroom", title: "1月 全社研修", place: "本社 会議室A", instructor: "外部講師 山本", note: "備考", attendeeCount: 3 });
    expect(detail.body.attendees.map((a: { recordId: number }) => a.recordId)).toEqual(res.body.createdIds.slice().sort((a: number, b: number) => a - b));
    expect(await sessionOfRecord(res.body.createdIds[0])).toMatchObject({ id: sessionId, heldOn: day, title: "1月 全社研修" });

    // Everyone already recorded that day: nothing is written, no session either.
    const before = (await db.select({ id: trainingSessions.id }).from(trainingSessions)).length;
    const again = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", { json: body });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: 0, sessionId: null });
    expect((await db.select({ id: trainingSessions.id }).from(trainingSessions)).length).toBe(before);
  });

  it("lists sessions paged, filtered by course and fiscal year, with attendee counts", async () => {
    await signInAs("executive");
    const all = await call(sessionsRoute, "GET", "/api/v1/training-sessions?pageSize=5");
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.total).toBeGreaterThan(5);
    const heldOn = all.body.items.map((s: { heldOn: string }) => s.heldOn);
    expect(heldOn).toEqual([...heldOn].sort().reverse());
    const first = all.body.items[0];
    expect(first.attendeeCount).toBeGreaterThan(0);
    const byCourse = await call(sessionsRoute, "GET", `/api/v1/training-sessions?courseId=${first.courseId}&pageSize=200`);
    expect(byCourse.body.items.every((s: { courseId: number }) => s.courseId === first.courseId)).toBe(true);
    const fy = Number(TODAY.slice(0, 4)) - (Number(TODAY.slice(5, 7)) < 4 ? 1 : 0);
    const thisYear = await call(sessionsRoute, "GET", `/api/v1/training-sessions?fy=${fy}&pageSize=200`);
    expect(thisYear.body.items.every((s: { heldOn: string }) => s.heldOn >= `${fy}-04-01` && s.heldOn <= `${fy + 1}-03-31`)).toBe(true);
    const future = await call(sessionsRoute, "GET", "/api/v1/training-sessions?fy=2999");
    expect(future.body).toMatchObject({ items: [], total: 0 });
    expect((await call(sessionsRoute, "GET", "/api/v1/training-sessions?sort=nonsense")).status).toBe(400);
    const byAttendees = await call(sessionsRoute, "GET", "/api/v1/training-sessions?sort=attendees&dir=desc&pageSize=10");
    const counts = byAttendees.body.items.map((s: { attendeeCount: number }) => s.attendeeCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("exports the filtered list as CSV with the list's columns, in the user's language", async () => {
    await signInAs("auditor");
    const list = await call(sessionsRoute, "GET", "/api/v1/training-sessions?pageSize=200");
    const first = list.body.items[0];
    const csv = await fetchCsvExport(exportRoute, `/api/v1/training-sessions/export.csv?courseId=${first.courseId}`, "en");
    const lines = csv.trim().split("\r\n");
    expect(lines[0].replace(/^\uFEFF/, "")).toBe("Date,Course code,Course,Session title,Format,Place,Instructor,Attendees,Note,Recorded by,Recorded at");
    expect(lines).toHaveLength(1 + list.body.items.filter((s: { courseId: number }) => s.courseId === first.courseId).length);
    expect(lines[1]).toContain(first.courseCode);
    const ja = await fetchCsvExport(exportRoute, "/api/v1/training-sessions/export.csv", "ja");
    expect(ja.replace(/^\uFEFF/, "").startsWith("実施日,教育プログラムコード")).toBe(true);
  });

  it("corrects the session's own fields with the version; HR and the manager may, the auditor may not; stale gets 409", async () => {
    await signInAs("auditor");
    const refused = await call(sessionRoute, "PATCH", "/api/v1/training-sessions/1", { params: { id: 1 }, json: { title: "x", place: null, instructor: null, note: null, version: 1 } });
    expect(refused.status).toBe(403);
    await signInAs("hr");
    const ok = await call(sessionRoute, "PATCH", "/api/v1/training-sessions/1", { params: { id: 1 }, json: { title: "4月 研修", place: "大阪支社", instructor: "人事部", note: null, version: 1 } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ title: "4月 研修", place: "大阪支社", instructor: "人事部", note: null, version: 2 });
    const stale = await call(sessionRoute, "PATCH", "/api/v1/training-sessions/1", { params: { id: 1 }, json: { title: "y", place: null, instructor: null, note: null, version: 1 } });
    expect(stale.status).toBe(409);
    expect((await call(sessionRoute, "GET", "/api/v1/training-sessions/999999", { params: { id: 999999 } })).status).toBe(404);
  });

  it("a correction shows in the session's history, newest first, after its creation by the bulk entry; HR and the manager read it", async () => {
    const hr = (await signInAs("hr"))!;
    const db = await getDb();
    const [course] = await db.select({ id: courses.id, code: courses.code, title: courses.title, passMark: courses.passMark }).from(courses).orderBy(courses.id).limit(1);
    const day = "2025-02-12";
    const [emp] = (await db.select({ id: employees.id, hire: employees.hireDate, leave: employees.leaveDate, retired: employees.retiredAt }).from(employees).orderBy(employees.id)).filter(
      (e) => e.hire <= day && (e.leave === null || e.leave >= day) && e.retired === null,
    );
    const created = await call(bulkRoute, "POST", "/api/v1/training-records/bulk", {
      json: { courseId: course.id, completedOn: day, method: "classroom", evidence: null, note: null, title: "2月 研修", place: "本社", instructor: null, entries: [{ employeeId: emp.id, score: course.passMark === null ? null : 90 }] },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.sessionId as number;
    const url = `/api/v1/training-sessions/${id}`;

    const first = await call(sessionRoute, "GET", url, { params: { id } });
    expect(first.body.history).toHaveLength(1);
    expect(first.body.history[0]).toMatchObject({ action: "create", actorEmail: hr.email, actorName: hr.name, reason: null });
    const fields = Object.fromEntries(first.body.history[0].changes.map((c: { field: string; after: unknown; afterLabel?: string }) => [c.field, c]));
    expect(Object.keys(fields)).toEqual(["courseId", "heldOn", "method", "title", "place"]);
    expect(fields.courseId).toMatchObject({ after: course.id, afterLabel: `${course.code} ${course.title}` });
    expect(fields.heldOn.after).toBe(day);

    const saved = await call(sessionRoute, "PATCH", url, { params: { id }, json: { title: "2月 全社研修", place: "本社", instructor: "外部講師", note: null, version: 1 } });
    expect(saved.status, saved.text).toBe(200);

    const manager = (await signInAs("privacy_manager"))!;
    const after = await call(sessionRoute, "GET", url, { params: { id } });
    expect(after.status).toBe(200);
    expect(after.body.history.map((h: { action: string }) => h.action)).toEqual(["update", "create"]);
    expect(after.body.history[0]).toMatchObject({
      actorEmail: hr.email,
      changes: [
        { field: "title", before: "2月 研修", after: "2月 全社研修" },
        { field: "instructor", before: null, after: "外部講師" },
      ],
    });
    // The manager's own correction comes first; an unchanged save writes no entry.
    const again = await call(sessionRoute, "PATCH", url, { params: { id }, json: { title: "2月 全社研修", place: "本社 会議室B", instructor: "外部講師", note: "資料配布", version: 2 } });
    expect(again.status, again.text).toBe(200);
    const same = await call(sessionRoute, "PATCH", url, { params: { id }, json: { title: "2月 全社研修", place: "本社 会議室B", instructor: "外部講師", note: "資料配布", version: 3 } });
    expect(same.status, same.text).toBe(200);
    await signInAs("hr");
    const last = await call(sessionRoute, "GET", url, { params: { id } });
    expect(last.body.history).toHaveLength(3);
    expect(last.body.history[0]).toMatchObject({ action: "update", actorEmail: manager.email, changes: [{ field: "place", before: "本社", after: "本社 会議室B" }, { field: "note", before: null, after: "資料配布" }] });
  });
});
