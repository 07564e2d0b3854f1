import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { employees, trainingRecords } from "@/db/schema";
import { listTrainingRecords, listTrainingRecordsForExport } from "@/db/queries/training-records";
import { exportTrainingStatusRows, getTrainingStatusSummary, listTrainingStatus } from "@/db/queries/training-status";
import { listTrainingStatusQuery, summaryQuery } from "@/lib/training/status-query";
import { addDays, todayInTokyo } from "@/lib/dates";
import { listRecordsQuery } from "@/lib/training/records-schema";
import { rowsOf } from "../support/openapi-ops";
import { seedDemoData } from "../support/demo-data";

/**
 * training_record_tally (migration 0020) is kept by triggers on training_records. After each kind of
 * write it must equal the live records regrouped, and the records list's totals (summed from it where
 * the filter allows) must equal the number of rows the same filter exports.
 */
const today = todayInTokyo();
const FY_START = 4;

async function mismatches(): Promise<number> {
  const db = await getDb();
  const regroup = sql`select completed_on, course_id, passed, method, source, count(*)::int as n from training_records where retired_at is null group by 1, 2, 3, 4, 5`;
  const stored = sql`select completed_on, course_id, passed, method, source, n from training_record_tally`;
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ((${regroup} except ${stored}) union all (${stored} except ${regroup})) x`));
  return Number(r.n);
}

let courseId = 0;
let employeeId = 0;
let departmentId = 0;

/** The tally equals the records regrouped; with `lists`, every kind of list filter's total equals the rows it exports. */
async function expectTotals(what: string, lists = false) {
  expect(await mismatches(), `${what}: tally = records regrouped`).toBe(0);
  if (!lists) return;
  const filters: Record<string, string>[] = [
    {},
    { fy: String(Number(today.slice(0, 4)) - 1) },
    { courseId: String(courseId) },
    { passed: "false" },
    { passed: "true", method: "e_learning" },
    { source: "import" },
    { from: addDays(today, -200), to: addDays(today, -10) },
    { includeRetired: "true" },
    { departmentId: String(departmentId) },
    { employeeId: String(employeeId), passed: "true" },
    { q: "E0" },
  ];
  for (const f of filters) {
    const q = listRecordsQuery.parse({ ...f, page: "1", pageSize: "10" });
    const { total } = await listTrainingRecords(q, FY_START);
    const all = await listTrainingRecordsForExport(q, FY_START);
    expect(total, `${what}: ${JSON.stringify(f)}`).toBe(all.length);
  }
}

beforeAll(async () => {
  await seedDemoData(today);
  const db = await getDb();
  const [r] = await db.select().from(trainingRecords).orderBy(trainingRecords.id).limit(1);
  courseId = r.courseId;
  employeeId = r.employeeId;
  const [e] = await db.select().from(employees).where(eq(employees.id, employeeId));
  departmentId = e.departmentId;
});

describe("training_record_tally follows every write to training_records", () => {
  it("after the seed, and after inserts, edits, retirement, restoration and deletion", async () => {
    await expectTotals("seed", true);
    const db = await getDb();
    const [one] = await db
      .insert(trainingRecords)
      .values({ employeeId, courseId, completedOn: addDays(today, -3), score: 95, passed: true, method: "classroom", source: "manual" })
      .returning();
    await expectTotals("insert");
    await db.update(trainingRecords).set({ completedOn: addDays(today, -40), method: "video", passed: false, score: 10 }).where(eq(trainingRecords.id, one.id));
    await expectTotals("edit of day, method and result");
    await db.update(trainingRecords).set({ note: "メモ" }).where(eq(trainingRecords.id, one.id));
    await expectTotals("note only");
    await db.update(trainingRecords).set({ retiredAt: new Date() }).where(eq(trainingRecords.id, one.id));
    await expectTotals("retired");
    await db.update(trainingRecords).set({ retiredAt: null }).where(eq(trainingRecords.id, one.id));
    await expectTotals("restored");
    await db.delete(trainingRecords).where(eq(trainingRecords.id, one.id));
    await expectTotals("deleted");
    const people = await db.select({ id: employees.id }).from(employees).orderBy(employees.id).limit(30);
    await db.insert(trainingRecords).values(
      people.map((p, i) => ({ employeeId: p.id, courseId, completedOn: addDays(today, -60 - (i % 4)), score: 80, passed: true, method: "e_learning" as const, source: "import" as const })),
    );
    await expectTotals("many in one statement");
    await db.update(trainingRecords).set({ retiredAt: new Date() }).where(eq(trainingRecords.completedOn, addDays(today, -61)));
    await expectTotals("many retired in one statement");
    await db.delete(trainingRecords).where(eq(trainingRecords.completedOn, addDays(today, -62)));
    await expectTotals("many deleted in one statement", true);
  });
});

describe("the training status list's totals and the summary's completions per month", () => {
  async function completions(department?: number): Promise<Record<string, number>> {
    const db = await getDb();
    const rows = rowsOf<{ m: string; n: number }>(
      await db.execute(sql`select to_char(r.completed_on, 'YYYY-MM') as m, count(*)::int as n from training_records r
        join employees e on e.id = r.employee_id join courses c on c.id = r.course_id
        where r.passed and r.retired_at is null and e.retired_at is null and c.retired_at is null
          ${department ? sql`and e.department_id = ${department}` : sql``}
        group by 1`),
    );
    return Object.fromEntries(rows.map((r) => [r.m, Number(r.n)]));
  }
  const nonZero = (months: { month: string; completions: number }[]) => Object.fromEntries(months.filter((m) => m.completions > 0).map((m) => [m.month, m.completions]));
  const inYear = (all: Record<string, number>, months: { month: string }[]) => Object.fromEntries(Object.entries(all).filter(([m]) => months.some((x) => x.month === m)));

  it("completions per month equal a count of the records, with an employee retired, for the whole company and one department", async () => {
    const db = await getDb();
    await db.update(employees).set({ retiredAt: new Date() }).where(eq(employees.id, employeeId));
    for (const department of [undefined, departmentId]) {
      const s = await getTrainingStatusSummary(summaryQuery.parse(department ? { department: String(department) } : {}), today);
      expect(Object.values(nonZero(s.byMonth)).reduce((a, b) => a + b, 0), `department ${department}`).toBeGreaterThan(0);
      expect(nonZero(s.byMonth), `department ${department}`).toEqual(inYear(await completions(department), s.byMonth));
    }
    await db.update(employees).set({ retiredAt: null }).where(eq(employees.id, employeeId));
  });

  it("the list's total equals the rows the same filter exports", async () => {
    const filters: Record<string, string | string[]>[] = [
      {},
      { status: "overdue" },
      { status: ["due_soon", "compliant"] },
      { department: String(departmentId) },
      { department: String(departmentId), status: "compliant" },
      { course: String(courseId) },
      { course: String(courseId), status: "due_soon" },
      { employmentType: "regular" },
      { q: "E0", status: "overdue" },
      { fiscalYear: String(Number(today.slice(0, 4)) - 1) },
    ];
    for (const f of filters) {
      const q = listTrainingStatusQuery.parse({ ...f, page: "1", pageSize: "10" });
      const res = await listTrainingStatus(q, today);
      const all = await exportTrainingStatusRows(q, today);
      expect(res.total, JSON.stringify(f)).toBe(all.rows.length);
      expect(res.items.map((r) => `${r.employee.id}:${r.course.id}`), JSON.stringify(f)).toEqual(all.rows.slice(0, 10).map((r) => `${r.employee.id}:${r.course.id}`));
    }
  });
});
