import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import * as recordsRoute from "@/app/api/v1/training-records/route";
import * as retireRoute from "@/app/api/v1/training-records/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/training-records/[id]/restore/route";
import { getDb } from "@/db";
import { courses, employees, trainingRecords } from "@/db/schema";
import { currentTrainingStatusCounts, trainingStatusCounts } from "@/db/queries/dashboard";
import { judgedPairs, pairSourceFor, statusCounts } from "@/db/queries/training-status";
import { addDays, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { rowsOf } from "../support/openapi-ops";
import { seedDemoData } from "../support/demo-data";

/**
 * training_current_status is kept by triggers (migration 0010) on every write to
 * training_records, employees and courses. After each kind of write this checks that
 * 1. the table equals a rebuild from scratch (training_current_status_refresh over everything),
 * 2. the statuses and counts read from them equal those judged from the records themselves, on
 *    today and on a later day.
 * The demo data is laid out around the real today, so "today" is served from the table.
 */
const today = todayInTokyo();
const later = addDays(today, 45);

type PairRow = { employee_id: number; course_id: number; department_id: number; hire_date: string; leave_date: string | null; required_from: string; exempt: boolean; last_passed_on: string | null; due_on: string | null };

async function tableRows(): Promise<string[]> {
  const db = await getDb();
  const rows = rowsOf<PairRow>(
    await db.execute(sql`select employee_id, course_id, department_id, to_char(hire_date, 'YYYY-MM-DD') as hire_date, to_char(leave_date, 'YYYY-MM-DD') as leave_date,
                                to_char(required_from, 'YYYY-MM-DD') as required_from, exempt, to_char(last_passed_on, 'YYYY-MM-DD') as last_passed_on,
                                to_char(due_on, 'YYYY-MM-DD') as due_on
                         from training_current_status order by employee_id, course_id`),
  );
  return rows.map((r) => JSON.stringify(r));
}

class Rollback extends Error {}

/** The table as a rebuild from nothing would make it (computed inside a transaction that is rolled back). */
async function rebuiltRows(): Promise<string[]> {
  const db = await getDb();
  let rebuilt: string[] = [];
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`select training_current_status_refresh(null, null)`);
      const rows = rowsOf<PairRow>(
        await tx.execute(sql`select employee_id, course_id, department_id, to_char(hire_date, 'YYYY-MM-DD') as hire_date, to_char(leave_date, 'YYYY-MM-DD') as leave_date,
                                    to_char(required_from, 'YYYY-MM-DD') as required_from, exempt, to_char(last_passed_on, 'YYYY-MM-DD') as last_passed_on,
                                    to_char(due_on, 'YYYY-MM-DD') as due_on
                             from training_current_status order by employee_id, course_id`),
      );
      rebuilt = rows.map((r) => JSON.stringify(r));
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return rebuilt;
}

async function judged(asOf: string, source: "current" | "records"): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = rowsOf<{ employee_id: number; course_id: number; status: string; due_on: string | null; last_passed_text: string | null }>(
    await db.execute(sql`select j.employee_id, j.course_id, j.status, to_char(j.due_on, 'YYYY-MM-DD') as due_on, j.last_passed_text from (${judgedPairs({}, asOf, source)}) j`),
  );
  return new Map(rows.map((r) => [`${r.employee_id}:${r.course_id}`, `${r.status} ${r.due_on} ${r.last_passed_text}`]));
}

const byKey = (rows: { ord: number; departmentId: number; status: string; n: number }[]) =>
  Object.fromEntries(rows.map((r) => [`${r.departmentId}:${r.status}`, r.n]).sort(([a], [b]) => String(a).localeCompare(String(b))));

async function expectConsistent(what: string) {
  expect(await tableRows(), `${what}: table = rebuild`).toEqual(await rebuiltRows());
  for (const day of [today, later]) {
    expect(await pairSourceFor(day), `${what}: ${day} served by the table`).toBe("current");
    const current = await judged(day, "current");
    const records = await judged(day, "records");
    expect(current.size, `${what}: ${day}`).toBeGreaterThan(0);
    expect(current, `${what}: ${day}: statuses from the table = from the records`).toEqual(records);
    expect(byKey(await currentTrainingStatusCounts(day)), `${what}: ${day}: stored day counts = record counts`).toEqual(byKey(await trainingStatusCounts([day])));
    const sorted = (rows: Awaited<ReturnType<typeof statusCounts>>) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(await statusCounts({}, day, "current")), `${what}: ${day}: summary counts from the table = from the records`).toEqual(sorted(await statusCounts({}, day, "records")));
  }
}

let employeeId = 0;
let otherDeptId = 0;
let courseId = 0;

beforeAll(async () => {
  await seedDemoData(today);
  const db = await getDb();
  const [c] = await db.select().from(courses).where(and(isNull(courses.retiredAt), eq(courses.audienceAll, true))).orderBy(courses.id).limit(1);
  courseId = c.id;
  const [e] = await db
    .select()
    .from(employees)
    .where(and(isNull(employees.retiredAt), isNull(employees.leaveDate), isNull(employees.exemptionReason), sql`${employees.hireDate} < ${addDays(today, -400)}::date`))
    .orderBy(employees.id)
    .limit(1);
  employeeId = e.id;
  const [other] = rowsOf<{ id: number }>(await db.execute(sql`select id from departments where retired_at is null and id <> ${e.departmentId} order by id limit 1`));
  otherDeptId = Number(other.id);
});

describe("training_current_status follows every write", () => {
  it("after the demo seed", async () => {
    await expectConsistent("seed");
    const db = await getDb();
    const [r] = rowsOf<{ pairs: number }>(await db.execute(sql`select count(*)::int as pairs from training_current_status`));
    expect(Number(r.pairs)).toBeGreaterThan(100);
  });

  it("a record through the API, a failing one, an edit of its date, its retirement and restoration", async () => {
    await signInAs("hr");
    const created = await call(recordsRoute, "POST", "/api/v1/training-records", {
      json: { employeeId, courseId, completedOn: today, score: 100, method: "e_learning", evidence: null, note: null },
    });
    expect(created.status).toBe(201);
    await expectConsistent("new passing record");
    const db = await getDb();
    const [row] = rowsOf<{ last: string }>(
      await db.execute(sql`select to_char(last_passed_on, 'YYYY-MM-DD') as last from training_current_status where employee_id = ${employeeId} and course_id = ${courseId}`),
    );
    expect(row.last).toBe(today);

    await db.insert(trainingRecords).values({ employeeId, courseId, completedOn: addDays(today, -1), score: 0, passed: false, method: "classroom" });
    await expectConsistent("failing record");

    await db.update(trainingRecords).set({ completedOn: addDays(today, -3) }).where(eq(trainingRecords.id, created.body.id));
    await expectConsistent("date edited");

    const [edited] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, created.body.id));
    const retired = await call(retireRoute, "POST", `/api/v1/training-records/${created.body.id}/retire`, {
      params: { id: created.body.id },
      json: { version: edited.version, reason: "重複登録" },
    });
    expect(retired.status).toBe(200);
    await expectConsistent("retired");

    const [cur] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, created.body.id));
    const restored = await call(restoreRoute, "POST", `/api/v1/training-records/${created.body.id}/restore`, { params: { id: created.body.id }, json: { version: cur.version } });
    expect(restored.status).toBe(200);
    await expectConsistent("restored");
  });

  it("many records in one statement (as an import writes them)", async () => {
    const db = await getDb();
    const people = await db.select({ id: employees.id }).from(employees).where(isNull(employees.retiredAt)).orderBy(employees.id).limit(20);
    await db.insert(trainingRecords).values(people.map((p, i) => ({ employeeId: p.id, courseId, completedOn: addDays(today, -7 - (i % 3)), score: 90, passed: true, method: "video" as const })));
    await expectConsistent("bulk insert");
    await db.update(trainingRecords).set({ retiredAt: new Date() }).where(eq(trainingRecords.completedOn, addDays(today, -8)));
    await expectConsistent("bulk retire");
  });

  it("an employee moved, given a leave date, exempted, retired, restored; a new hire starting later", async () => {
    const db = await getDb();
    await db.update(employees).set({ departmentId: otherDeptId }).where(eq(employees.id, employeeId));
    await expectConsistent("department changed");
    await db.update(employees).set({ employmentType: "part_time" }).where(eq(employees.id, employeeId));
    await expectConsistent("employment type changed");
    await db.update(employees).set({ exemptionReason: "育児休業" }).where(eq(employees.id, employeeId));
    await expectConsistent("exempted");
    await db.update(employees).set({ exemptionReason: "　" }).where(eq(employees.id, employeeId));
    await expectConsistent("blank exemption");
    await db.update(employees).set({ leaveDate: addDays(today, 10) }).where(eq(employees.id, employeeId));
    await expectConsistent("leaves in 10 days");
    await db.update(employees).set({ leaveDate: addDays(today, -1) }).where(eq(employees.id, employeeId));
    await expectConsistent("left yesterday");
    await db.update(employees).set({ leaveDate: null, retiredAt: new Date() }).where(eq(employees.id, employeeId));
    await expectConsistent("retired");
    await db.update(employees).set({ retiredAt: null }).where(eq(employees.id, employeeId));
    await expectConsistent("restored");
    await db.update(employees).set({ name: "改名 太郎" }).where(eq(employees.id, employeeId));
    await expectConsistent("renamed (nothing to do)");
    await db.insert(employees).values({ employeeNumber: "NEW-0001", name: "新人 花子", departmentId: otherDeptId, employmentType: "regular", hireDate: addDays(today, 20) });
    await expectConsistent("future hire");
  });

  it("a course narrowed to one department, its recurrence changed, made once-only, retired, restored; a new course", async () => {
    const db = await getDb();
    await db.update(courses).set({ audienceAll: false, audienceDepartmentIds: [otherDeptId] }).where(eq(courses.id, courseId));
    await expectConsistent("audience narrowed");
    await db.update(courses).set({ audienceAll: false, audienceDepartmentIds: [], audienceEmploymentTypes: ["part_time"] }).where(eq(courses.id, courseId));
    await expectConsistent("audience by employment type");
    await db.update(courses).set({ audienceAll: true, audienceEmploymentTypes: [], recurrenceMonths: 6 }).where(eq(courses.id, courseId));
    await expectConsistent("recurrence 6 months");
    await db.update(courses).set({ recurrenceMonths: null }).where(eq(courses.id, courseId));
    await expectConsistent("once only");
    await db.update(courses).set({ newHireDueDays: 90, requiredFrom: addDays(today, 5) }).where(eq(courses.id, courseId));
    await expectConsistent("required from a later day");
    await db.update(courses).set({ retiredAt: new Date() }).where(eq(courses.id, courseId));
    await expectConsistent("course retired");
    await db.update(courses).set({ retiredAt: null, requiredFrom: addDays(today, -400), recurrenceMonths: 12 }).where(eq(courses.id, courseId));
    await expectConsistent("course restored");
    await db.insert(courses).values({ code: "NEW-COURSE", title: "新しい研修", requiredFrom: addDays(today, -10), newHireDueDays: 30 });
    await expectConsistent("new course");
  });
});
