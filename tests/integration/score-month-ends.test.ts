import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import * as recordsRoute from "@/app/api/v1/training-records/route";
import * as retireRoute from "@/app/api/v1/training-records/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/training-records/[id]/restore/route";
import { getDb } from "@/db";
import { courses, employees, trainingRecords } from "@/db/schema";
import { getComplianceScoreTrend, monthEndTrainingCounts, trainingStatusCounts, type TrainingCountRow } from "@/db/queries/dashboard";
import { addDays, addMonths, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { rowsOf } from "../support/openapi-ops";
import { seedDemoData } from "../support/demo-data";

/**
 * The score's training figures on past month ends are stored (training_month_end_counts) and dropped
 * by triggers from the earliest day a write can change (migration 0016, docs/architecture.md
 * "Month-end figures"). After each kind of write to training_records, employees and courses this
 * checks that the figures served for 24 month ends equal a recompute from the records, and that a
 * write drops only the days it can change.
 */
const today = todayInTokyo();
const firstOfMonth = `${today.slice(0, 7)}-01`;
/** The last 24 month ends before today, oldest first. */
const monthEnds = Array.from({ length: 24 }, (_, i) => addDays(addMonths(firstOfMonth, i - 23), -1));

const byKey = (rows: TrainingCountRow[]) =>
  Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [`${r.ord}:${r.departmentId}:${r.status}`, r.n]).sort(([a], [b]) => String(a).localeCompare(String(b))));

async function storedDays(): Promise<string[]> {
  const db = await getDb();
  const rows = rowsOf<{ d: string }>(await db.execute(sql`select to_char(as_of, 'YYYY-MM-DD') as d from training_month_end_days order by as_of`));
  return rows.map((r) => r.d);
}

/** Served (stored, refilled where dropped) = recomputed from the records, on every month end. */
async function expectEqualToRecompute(what: string) {
  const served = byKey(await monthEndTrainingCounts(monthEnds));
  const recomputed = byKey(await trainingStatusCounts(monthEnds));
  expect(Object.keys(recomputed).length, what).toBeGreaterThan(24);
  expect(served, `${what}: stored month ends = recompute from the records`).toEqual(recomputed);
  expect(await storedDays(), `${what}: every month end stored again`).toEqual(monthEnds);
}

/** After `write`, exactly the stored days on or after `since` are gone (none when since is null). */
async function expectDropsFrom(what: string, since: string | null, write: () => Promise<unknown>) {
  await monthEndTrainingCounts(monthEnds);
  expect(await storedDays()).toEqual(monthEnds);
  await write();
  expect(await storedDays(), `${what}: stored days left`).toEqual(since === null ? monthEnds : monthEnds.filter((d) => d < since));
  await expectEqualToRecompute(what);
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
    .where(and(isNull(employees.retiredAt), isNull(employees.leaveDate), isNull(employees.exemptionReason), sql`${employees.hireDate} < ${addDays(today, -800)}::date`))
    .orderBy(employees.id)
    .limit(1);
  employeeId = e.id;
  const [other] = rowsOf<{ id: number }>(await db.execute(sql`select id from departments where retired_at is null and id <> ${e.departmentId} order by id limit 1`));
  otherDeptId = Number(other.id);
});

describe("the score's stored month ends follow every write", () => {
  it("are stored when the trend asks for them and equal a recompute", async () => {
    expect(await storedDays()).toEqual([]);
    const trend = await getComplianceScoreTrend({ today });
    const asked = trend.months.map((m) => m.asOf).filter((d) => addDays(d, 1).endsWith("-01"));
    expect(asked.length).toBeGreaterThan(0);
    expect(await storedDays()).toEqual(asked);
    // The trend's training indicator is the stored counts' compliance rate.
    const again = await getComplianceScoreTrend({ today });
    expect(again.months).toEqual(trend.months);
    await expectEqualToRecompute("seed");
  });

  it("training records: a back-dated one through the API, a failing one, a date edit, retirement, restoration, many at once", async () => {
    await signInAs("hr");
    const db = await getDb();
    const back = monthEnds[10];
    let id = 0;
    await expectDropsFrom("back-dated passing record", back, async () => {
      const created = await call(recordsRoute, "POST", "/api/v1/training-records", {
        json: { employeeId, courseId, completedOn: back, score: 100, method: "e_learning", evidence: null, note: null },
      });
      expect(created.status).toBe(201);
      id = created.body.id;
    });
    await expectDropsFrom("failing record", null, () =>
      db.insert(trainingRecords).values({ employeeId, courseId, completedOn: monthEnds[3], score: 0, passed: false, method: "classroom" }),
    );
    await expectDropsFrom("date moved earlier", monthEnds[5], () => db.update(trainingRecords).set({ completedOn: monthEnds[5] }).where(eq(trainingRecords.id, id)));
    await expectDropsFrom("note edited (nothing to do)", null, () => db.update(trainingRecords).set({ note: "確認済み" }).where(eq(trainingRecords.id, id)));
    const [cur] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, id));
    await expectDropsFrom("retired", monthEnds[5], async () => {
      const res = await call(retireRoute, "POST", `/api/v1/training-records/${id}/retire`, { params: { id }, json: { version: cur.version, reason: "重複登録" } });
      expect(res.status).toBe(200);
    });
    const [retired] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, id));
    await expectDropsFrom("restored", monthEnds[5], async () => {
      const res = await call(restoreRoute, "POST", `/api/v1/training-records/${id}/restore`, { params: { id }, json: { version: retired.version } });
      expect(res.status).toBe(200);
    });
    const people = await db.select({ id: employees.id }).from(employees).where(isNull(employees.retiredAt)).orderBy(employees.id).limit(20);
    await expectDropsFrom("many records in one statement", addDays(monthEnds[15], 7), () =>
      db.insert(trainingRecords).values(people.map((p, i) => ({ employeeId: p.id, courseId, completedOn: addDays(monthEnds[15], 7 + (i % 3)), score: 90, passed: true, method: "video" as const }))),
    );
    await expectDropsFrom("deleted", monthEnds[5], () => db.delete(trainingRecords).where(eq(trainingRecords.id, id)));
  });

  it("employees: moved, retyped, exempted, given a leave date, retired in the past, restored, renamed, hired", async () => {
    const db = await getDb();
    const [e] = await db.select().from(employees).where(eq(employees.id, employeeId));
    const hired = e.hireDate;
    const upTo = (d: string) => (d < monthEnds[0] ? monthEnds[0] : d);
    await expectDropsFrom("department changed", upTo(hired), () => db.update(employees).set({ departmentId: otherDeptId }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("employment type changed", upTo(hired), () => db.update(employees).set({ employmentType: "part_time" }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("exempted", upTo(hired), () => db.update(employees).set({ exemptionReason: "育児休業" }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("blank exemption", upTo(hired), () => db.update(employees).set({ exemptionReason: "　" }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("left 100 days ago", upTo(hired), () => db.update(employees).set({ leaveDate: addDays(today, -100) }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("leave undone", upTo(hired), () => db.update(employees).set({ leaveDate: null }).where(eq(employees.id, employeeId)));
    const retiredAt = new Date(`${monthEnds[20]}T03:00:00Z`);
    await expectDropsFrom("retired (dated in the past)", monthEnds[20], () => db.update(employees).set({ retiredAt }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("restored", monthEnds[20], () => db.update(employees).set({ retiredAt: null }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("retired now (no past day changes)", null, () => db.update(employees).set({ retiredAt: new Date() }).where(eq(employees.id, employeeId)));
    await db.update(employees).set({ retiredAt: null }).where(eq(employees.id, employeeId));
    await expectDropsFrom("renamed (nothing to do)", null, () => db.update(employees).set({ name: "改名 太郎" }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("hire date moved later", upTo(hired), () => db.update(employees).set({ hireDate: monthEnds[12] }).where(eq(employees.id, employeeId)));
    await expectDropsFrom("new hire", monthEnds[18], () =>
      db.insert(employees).values({ employeeNumber: "NEW-0001", name: "新人 花子", departmentId: otherDeptId, employmentType: "regular", hireDate: addDays(monthEnds[18], -3) }),
    );
  });

  it("courses: audience narrowed, recurrence changed, once-only, required later, retired in the past, restored, a new course", async () => {
    const db = await getDb();
    const [c] = await db.select().from(courses).where(eq(courses.id, courseId));
    const from = c.requiredFrom < monthEnds[0] ? monthEnds[0] : c.requiredFrom;
    await expectDropsFrom("audience narrowed", from, () => db.update(courses).set({ audienceAll: false, audienceDepartmentIds: [otherDeptId] }).where(eq(courses.id, courseId)));
    await expectDropsFrom("audience by employment type", from, () =>
      db.update(courses).set({ audienceDepartmentIds: [], audienceEmploymentTypes: ["part_time"] }).where(eq(courses.id, courseId)),
    );
    await expectDropsFrom("recurrence 6 months", from, () => db.update(courses).set({ audienceAll: true, audienceEmploymentTypes: [], recurrenceMonths: 6 }).where(eq(courses.id, courseId)));
    await expectDropsFrom("once only", from, () => db.update(courses).set({ recurrenceMonths: null }).where(eq(courses.id, courseId)));
    await expectDropsFrom("required from later", from, () => db.update(courses).set({ requiredFrom: monthEnds[14], newHireDueDays: 90 }).where(eq(courses.id, courseId)));
    await expectDropsFrom("retired (dated in the past)", monthEnds[19], () =>
      db.update(courses).set({ retiredAt: new Date(`${monthEnds[19]}T03:00:00Z`) }).where(eq(courses.id, courseId)),
    );
    await expectDropsFrom("restored", from, () => db.update(courses).set({ retiredAt: null, requiredFrom: c.requiredFrom, recurrenceMonths: 12 }).where(eq(courses.id, courseId)));
    await expectDropsFrom("title edited (nothing to do)", null, () => db.update(courses).set({ title: "改題" }).where(eq(courses.id, courseId)));
    await expectDropsFrom("new course", monthEnds[9], () => db.insert(courses).values({ code: "NEW-COURSE", title: "新しい研修", requiredFrom: monthEnds[9], newHireDueDays: 30 }));
  });
});
