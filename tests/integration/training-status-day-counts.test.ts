import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { courses, employees, trainingRecords } from "@/db/schema";
import { exportTrainingStatusRows, getTrainingStatusSummary, listTrainingStatus, statusCounts } from "@/db/queries/training-status";
import { listTrainingStatusQuery, summaryQuery } from "@/lib/training/status-query";
import { addDays, todayInTokyo } from "@/lib/dates";
import { DUE_SOON_DAYS } from "@/lib/training/status";
import { rowsOf } from "../support/openapi-ops";
import { seedDemoData } from "../support/demo-data";

/**
 * The status summary's stored day (training_status_day_counts, migration 0026) and the list's pages
 * read one status at a time through the due-date index (db/queries/training-status.ts pageByStatus):
 * each must equal what it stands in for — the stored counts a count of training_current_status (and
 * the summary the same counts from the records), each page the same slice of the single ORDER BY of
 * every pair the export uses — after the seed and after writes to records, employees and courses.
 */
const today = todayInTokyo();

/** Rows in the stored day that a count of the table does not give, and the other way round. */
async function storedMismatches(day: string): Promise<number> {
  const db = await getDb();
  const recount = sql`select course_id, department_id,
      training_status_on(exempt, last_passed_on is not null, due_on, ${day}::date, ${DUE_SOON_DAYS}::int) as status, count(*)::int as n
    from training_current_status
    where hire_date <= ${day}::date and (leave_date is null or leave_date >= ${day}::date) and required_from <= ${day}::date
    group by 1, 2, 3`;
  const stored = sql`select course_id, department_id, status, n from training_status_day_counts where as_of = ${day}::date`;
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ((${recount} except ${stored}) union all (${stored} except ${recount})) x`));
  return Number(r.n);
}

async function storedDays(): Promise<string[]> {
  const db = await getDb();
  return rowsOf<{ d: string }>(await db.execute(sql`select to_char(as_of, 'YYYY-MM-DD') as d from training_status_days order by 1`)).map((r) => r.d);
}

const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

/** The summary stores today, equal to a recount; its counts equal those computed from the records. */
async function expectStoredDay(what: string) {
  const s = await getTrainingStatusSummary(summaryQuery.parse({}), today);
  expect(await storedDays(), `${what}: today stored`).toEqual([today]);
  expect(await storedMismatches(today), `${what}: stored = a count of the table`).toBe(0);
  const fromRecords = await statusCounts({}, today, "records");
  expect(sorted((await statusCounts({}, today, "current")).map((r) => [r.by_course, r.course_id, r.department_id, r.status, r.n])), `${what}: = from the records`).toEqual(
    sorted(fromRecords.map((r) => [r.by_course, r.course_id, r.department_id, r.status, r.n])),
  );
  expect(s.byCourse.length, what).toBeGreaterThan(0);
}

let courseId = 0;
let departmentId = 0;
let employeeId = 0;

beforeAll(async () => {
  await seedDemoData(today);
  const db = await getDb();
  const [r] = await db.select().from(trainingRecords).orderBy(trainingRecords.id).limit(1);
  courseId = r.courseId;
  employeeId = r.employeeId;
  const [e] = await db.select().from(employees).where(eq(employees.id, employeeId));
  departmentId = e.departmentId;
});

describe("the status summary's stored day", () => {
  it("equals a count of the table after the seed, and is forgotten and stored again after each kind of write", async () => {
    await expectStoredDay("seed");
    const db = await getDb();
    await db.insert(trainingRecords).values({ employeeId, courseId, completedOn: addDays(today, -1), score: 90, passed: true, method: "classroom", source: "manual" });
    expect(await storedDays(), "a new record forgets the stored day").toEqual([]);
    await expectStoredDay("record inserted");
    await db.update(employees).set({ exemptionReason: "育児休業" }).where(eq(employees.id, employeeId));
    expect(await storedDays(), "an exemption forgets it").toEqual([]);
    await expectStoredDay("employee exempt");
    await db.update(employees).set({ leaveDate: addDays(today, -2) }).where(eq(employees.id, employeeId));
    await expectStoredDay("employee left");
    await db.update(courses).set({ recurrenceMonths: 6 }).where(eq(courses.id, courseId));
    expect(await storedDays(), "a course's recurrence forgets it").toEqual([]);
    await expectStoredDay("course recurrence changed");
    // A write that changes nothing the table holds (a record's note) keeps it.
    const [rec] = await db.select().from(trainingRecords).orderBy(trainingRecords.id).limit(1);
    await db.update(trainingRecords).set({ note: "メモ" }).where(eq(trainingRecords.id, rec.id));
    expect(await storedDays()).toEqual([today]);
  });
});

describe("the status list's pages, one status at a time", () => {
  it("equal the same slice of every pair in the single ORDER BY, for every status sort, filter and page", async () => {
    const filters: Record<string, string | string[]>[] = [
      {},
      { status: ["due_soon", "exempt"] },
      { department: String(departmentId) },
      { course: String(courseId) },
      { employmentType: "regular" },
      { q: "E0" },
    ];
    const pageSize = 20;
    let pages = 0;
    for (const f of filters) {
      for (const sort of ["priority", "status"] as const) {
        for (const dir of ["asc", "desc"] as const) {
          const all = (await exportTrainingStatusRows(listTrainingStatusQuery.parse({ ...f, sort, dir, page: "1", pageSize: String(pageSize) }), today)).rows;
          const key = (r: { employee: { id: number }; course: { id: number }; status: string; dueOn: string | null }) => `${r.employee.id}:${r.course.id}:${r.status}:${r.dueOn}`;
          const last = Math.max(1, Math.ceil(all.length / pageSize));
          // Every page without a filter; with one, the first two, the last and the one after it.
          const wanted = Object.keys(f).length ? [...new Set([1, 2, last, last + 1])] : Array.from({ length: last + 1 }, (_, i) => i + 1);
          for (const page of wanted) {
            const res = await listTrainingStatus(listTrainingStatusQuery.parse({ ...f, sort, dir, page: String(page), pageSize: String(pageSize) }), today);
            const what = `${JSON.stringify(f)} ${sort} ${dir} page ${page}`;
            expect(res.total, what).toBe(all.length);
            expect(res.items.map(key), what).toEqual(all.slice((page - 1) * pageSize, page * pageSize).map(key));
            pages++;
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(60);
  });
});
