import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import * as recordsRoute from "@/app/api/v1/training-records/route";
import * as retireRoute from "@/app/api/v1/training-records/[id]/retire/route";
import { getDb } from "@/db";
import { courses, employees, trainingRecords } from "@/db/schema";
import { countTrainingTypes, getRenewalReadiness, trainingTypeTallies } from "@/db/queries/renewal-readiness";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { pairSourceFor } from "@/db/queries/training-status";
import type { Db } from "@/db/queries/dashboard/sql";
import { addDays, todayInTokyo } from "@/lib/dates";
import { readinessYears, trainingFactsOf, yearScope, type TrainingTypeTally } from "@/lib/renewal/readiness";
import { call, signInAs } from "../support/api";
import { seedDemoData } from "../support/demo-data";
import { rowsOf } from "../support/openapi-ops";

/**
 * Renewal readiness's training facts are stored per as-of day (training_readiness_counts, migration
 * 0027) and forgotten by the month-end triggers of migration 0016 from the earliest day a write can
 * change. After each kind of write to training_records, employees and courses this checks that the
 * served facts of the three years checked equal a recount from the records (as the readiness counted
 * them before they were stored), that the readiness's training evidence is those facts, and that a
 * write forgets only the days it can change.
 */
const today = todayInTokyo();
let asOfs: string[] = [];

async function storedDays(): Promise<string[]> {
  const db = await getDb();
  return rowsOf<{ d: string }>(await db.execute(sql`select to_char(as_of, 'YYYY-MM-DD') as d from training_readiness_days order by as_of`)).map((r) => r.d);
}

/** countTrainingTypes as the readiness ran it before its days were stored: live, from pairSourceFor's source. */
async function recount(asOf: string): Promise<TrainingTypeTally[]> {
  const db = await getDb();
  return countTrainingTypes(db as Db, asOf, await pairSourceFor(asOf, today));
}

/** Served (stored, counted again where forgotten) = a recount, on each as-of day; the readiness shows them. */
async function expectEqualToRecount(what: string) {
  const served = await trainingTypeTallies(asOfs, today);
  for (const day of asOfs) expect(served.get(day), `${what}: ${day} stored = recount`).toEqual(await recount(day));
  expect(await storedDays(), `${what}: every day stored again`).toEqual(asOfs);
  const dto = await getRenewalReadiness(today);
  for (const [i, y] of dto.years.entries()) {
    const t = trainingFactsOf(served.get(asOfs[i])!);
    const ev = y.checks.find((c) => c.key === "training")!.evidence;
    expect({ compliant: ev.compliant, dueSoon: ev.dueSoon, overdue: ev.overdue, exempt: ev.exempt }, `${what}: FY${y.fiscalYear} evidence`).toEqual({
      compliant: t.compliant,
      dueSoon: t.dueSoon,
      overdue: t.overdue,
      exempt: t.exempt,
    });
  }
}

/** After `write`, exactly the stored days on or after `since` are gone (none when since is null). */
async function expectForgetsFrom(what: string, since: string | null, write: () => Promise<unknown>) {
  await trainingTypeTallies(asOfs, today);
  expect(await storedDays()).toEqual(asOfs);
  await write();
  expect(await storedDays(), `${what}: stored days left`).toEqual(since === null ? asOfs : asOfs.filter((d) => d < since));
  await expectEqualToRecount(what);
}

let employeeId = 0;
let courseId = 0;

beforeAll(async () => {
  // A copy of the run's seeded demo template when there is one for today (tests/support/demo-data.ts).
  await seedDemoData(today);
  const db = await getDb();
  const startMonth = await getFiscalYearStartMonth();
  asOfs = readinessYears(today, startMonth).map((fy) => yearScope(fy, today, startMonth).asOf);
  const [c] = await db.select().from(courses).where(and(isNull(courses.retiredAt), eq(courses.audienceAll, true))).orderBy(courses.id).limit(1);
  courseId = c.id;
  const [e] = await db
    .select()
    .from(employees)
    .where(and(isNull(employees.retiredAt), isNull(employees.leaveDate), isNull(employees.exemptionReason), sql`${employees.hireDate} < ${addDays(asOfs[0], -400)}::date`))
    .orderBy(employees.id)
    .limit(1);
  employeeId = e.id;
});

describe("renewal readiness's stored training days", () => {
  it("are stored when the readiness asks for them, and equal a recount of every type and status", async () => {
    expect(asOfs).toHaveLength(3);
    expect(asOfs[2]).toBe(today);
    expect(await storedDays()).toEqual([]);
    await getRenewalReadiness(today);
    expect(await storedDays()).toEqual(asOfs);
    const first = await recount(asOfs[0]);
    expect(first.reduce((n, t) => n + t.compliant + t.dueSoon + t.overdue, 0), "the demo requires courses in the first year").toBeGreaterThan(0);
    await expectEqualToRecount("seed");
  });

  it("follow training records: back-dated into a past year, retired, many at once, a note edited", async () => {
    await signInAs("hr");
    const db = await getDb();
    const back = addDays(asOfs[0], -20);
    let id = 0;
    await expectForgetsFrom("back-dated passing record", back, async () => {
      const created = await call(recordsRoute, "POST", "/api/v1/training-records", {
        json: { employeeId, courseId, completedOn: back, score: 100, method: "e_learning", evidence: null, note: null },
      });
      expect(created.status).toBe(201);
      id = created.body.id;
    });
    await expectForgetsFrom("note edited (nothing to do)", null, () => db.update(trainingRecords).set({ note: "確認済み" }).where(eq(trainingRecords.id, id)));
    const [cur] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, id));
    await expectForgetsFrom("retired", back, async () => {
      const res = await call(retireRoute, "POST", `/api/v1/training-records/${id}/retire`, { params: { id }, json: { version: cur.version, reason: "重複登録" } });
      expect(res.status).toBe(200);
    });
    const people = await db.select({ id: employees.id }).from(employees).where(isNull(employees.retiredAt)).orderBy(employees.id).limit(20);
    const inSecond = addDays(asOfs[1], -10);
    await expectForgetsFrom("many records in one statement", inSecond, () =>
      db.insert(trainingRecords).values(people.map((p) => ({ employeeId: p.id, courseId, completedOn: inSecond, score: 90, passed: true, method: "video" as const }))),
    );
    await expectForgetsFrom("a record today", today, () => db.insert(trainingRecords).values({ employeeId, courseId, completedOn: today, score: 80, passed: true, method: "classroom" }));
  });

  it("follow employees: retyped, exempted, retired in a past year, hired", async () => {
    const db = await getDb();
    const [e] = await db.select().from(employees).where(eq(employees.id, employeeId));
    const upTo = (d: string) => (d < asOfs[0] ? asOfs[0] : d);
    await expectForgetsFrom("employment type changed", upTo(e.hireDate), () => db.update(employees).set({ employmentType: "dispatched" }).where(eq(employees.id, employeeId)));
    await expectForgetsFrom("exempted", upTo(e.hireDate), () => db.update(employees).set({ exemptionReason: "育児休業" }).where(eq(employees.id, employeeId)));
    const retiredOn = addDays(asOfs[1], -30);
    await db.update(employees).set({ exemptionReason: null }).where(eq(employees.id, employeeId));
    await expectForgetsFrom("retired (dated in a past year)", retiredOn, () =>
      db.update(employees).set({ retiredAt: new Date(`${retiredOn}T03:00:00Z`) }).where(eq(employees.id, employeeId)),
    );
    await expectForgetsFrom("renamed (nothing to do)", null, () => db.update(employees).set({ name: "改名 太郎" }).where(eq(employees.id, employeeId)));
    const hired = addDays(asOfs[1], -3);
    await expectForgetsFrom("new hire", hired, () =>
      db.insert(employees).values({ employeeNumber: "NEW-0002", name: "新人 次郎", departmentId: e.departmentId, employmentType: "part_time", hireDate: hired }),
    );
  });

  it("follow courses: audience narrowed, recurrence changed, a new course", async () => {
    const db = await getDb();
    const [c] = await db.select().from(courses).where(eq(courses.id, courseId));
    const from = c.requiredFrom < asOfs[0] ? asOfs[0] : c.requiredFrom;
    await expectForgetsFrom("audience by employment type", from, () =>
      db.update(courses).set({ audienceAll: false, audienceDepartmentIds: [], audienceEmploymentTypes: ["regular"] }).where(eq(courses.id, courseId)),
    );
    await expectForgetsFrom("recurrence 6 months", from, () => db.update(courses).set({ audienceAll: true, audienceEmploymentTypes: [], recurrenceMonths: 6 }).where(eq(courses.id, courseId)));
    await expectForgetsFrom("title edited (nothing to do)", null, () => db.update(courses).set({ title: "改題" }).where(eq(courses.id, courseId)));
    const required = addDays(asOfs[1], -60);
    await expectForgetsFrom("new course", required, () => db.insert(courses).values({ code: "NEW-COURSE-2", title: "新しい研修", requiredFrom: required, newHireDueDays: 30 }));
  });
});
