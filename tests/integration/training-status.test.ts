import { isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/training-status/route";
import * as summaryRoute from "@/app/api/v1/training-status/summary/route";
import * as exportRoute from "@/app/api/v1/training-status/export.csv/route";
import { getDb } from "@/db";
import { courses, departments, employees, trainingRecords } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { addDays, addMonths, compareDates, todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import { ROLES } from "@/lib/auth/roles";
import { STATUS_RANK, buildStatusRows, lastPassedKey } from "@/lib/training/status-query";
import { lastPassedOnAsOf } from "@/lib/training/status";
import { judgedPairs } from "@/db/queries/training-status";
import { rowsOf } from "../support/openapi-ops";
import { call, signInAs } from "../support/api";

/**
 * Hand-made cases, dated relative to today (the API takes the status as of today in Tokyo):
 *   E0001 (A) ANNUAL expired yesterday → overdue; ONCE done in 2020 → compliant; SALES expires in 10 days → due_soon
 *   E0002 (A) ANNUAL done 30 days ago → compliant; ONCE never → overdue; SALES only failed → overdue
 *   E0003 (B) on leave → exempt ×2
 *   E0004 (B) hired 5 days ago → due_soon ×2 (within the grace period)
 *   E0005 (B) left yesterday, E0006 (B) retired → not counted
 *   E0007 (B, dispatched) → compliant ×2
 * The retired course never counts; SALES is required of department A only.
 */
const T = todayInTokyo();
const FY = currentFiscalYear(T, 4);
const PREV = fiscalYearRange(FY - 1, 4);
const CUR = fiscalYearRange(FY, 4);

const ids = { deptA: 0, deptB: 0, annual: 0, once: 0, sales: 0, retired: 0, e: {} as Record<string, number> };
const passing: string[] = [];

type Item = { employee: { number: string; name: string }; course: { code: string }; status: string; dueOn: string | null; daysLeft: number | null; lastCompletedOn: string | null };
const statusOf = (items: Item[], emp: string, course: string) => items.find((i) => i.employee.number === emp && i.course.code === course)?.status;

async function list(query = "") {
  const r = await call(listRoute, "GET", `/api/v1/training-status${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { items: Item[]; total: number; page: number; pageSize: number; fiscalYear: number; asOf: string };
}

beforeAll(async () => {
  const db = await getDb();
  const [a, b] = await db
    .insert(departments)
    .values([
      { code: "T01", name: "営業テスト部" },
      { code: "T02", name: "総務テスト部" },
    ])
    .returning();
  ids.deptA = a.id;
  ids.deptB = b.id;
  const cs = await db
    .insert(courses)
    .values([
      { code: "ANNUAL", title: "年次研修", recurrenceMonths: 12, newHireDueDays: 30, requiredFrom: "2020-04-01" },
      { code: "ONCE", title: "導入研修", recurrenceMonths: null, newHireDueDays: 14, requiredFrom: "2020-04-01" },
      { code: "SALES", title: "営業向け研修", audienceAll: false, audienceDepartmentIds: [a.id], recurrenceMonths: 12, requiredFrom: "2020-04-01" },
      { code: "OLD", title: "廃止済み研修", requiredFrom: "2020-04-01", retiredAt: new Date("2020-01-01T00:00:00Z") },
    ])
    .returning();
  [ids.annual, ids.once, ids.sales, ids.retired] = cs.map((c) => c.id);
  const es = await db
    .insert(employees)
    .values([
      { employeeNumber: "E0001", name: "佐藤 一郎", nameKana: "サトウ イチロウ", departmentId: a.id, employmentType: "regular", hireDate: "2020-04-01" },
      { employeeNumber: "E0002", name: "阿部 二郎", nameKana: "アベ ジロウ", departmentId: a.id, employmentType: "regular", hireDate: "2020-04-01" },
      { employeeNumber: "E0003", name: "伊藤 三恵", departmentId: b.id, employmentType: "regular", hireDate: "2020-04-01", exemptionReason: "育児休業" },
      { employeeNumber: "E0004", name: "新人 四郎", departmentId: b.id, employmentType: "contract", hireDate: addDays(T, -5) },
      { employeeNumber: "E0005", name: "退職 五郎", departmentId: b.id, employmentType: "regular", hireDate: "2020-04-01", leaveDate: addDays(T, -1) },
      { employeeNumber: "E0006", name: "廃止 六郎", departmentId: b.id, employmentType: "regular", hireDate: "2020-04-01", retiredAt: new Date("2021-01-01T00:00:00Z") },
      { employeeNumber: "E0007", name: "派遣 七子", departmentId: b.id, employmentType: "dispatched", hireDate: "2021-04-01" },
    ])
    .returning();
  for (const e of es) ids.e[e.employeeNumber] = e.id;
  const rec = (emp: string, courseId: number, completedOn: string, passed = true) => {
    if (passed) passing.push(completedOn);
    return { employeeId: ids.e[emp], courseId, completedOn, passed, method: "e_learning" as const };
  };
  await db.insert(trainingRecords).values([
    rec("E0001", ids.annual, addMonths(addDays(T, -1), -12)), // valid until yesterday
    rec("E0001", ids.annual, addMonths(addDays(T, -1), -24)),
    rec("E0001", ids.once, "2020-05-01"),
    rec("E0001", ids.sales, addMonths(addDays(T, 10), -12)), // valid 10 more days
    rec("E0002", ids.annual, addDays(T, -30)),
    rec("E0002", ids.sales, addDays(T, -5), false), // failed: does not count
    rec("E0007", ids.annual, addDays(T, -40)),
    rec("E0007", ids.annual, addDays(PREV.start, 60)),
    rec("E0007", ids.once, "2021-05-01"),
    rec("E0001", ids.retired, addDays(T, -3)),
  ]);
});

describe("training status list", () => {
  it("computes each (active employee × required course) as of today", async () => {
    await signInAs("executive");
    const body = await list("?pageSize=200");
    expect(body.fiscalYear).toBe(FY);
    expect(body.asOf).toBe(T);
    expect(body.total).toBe(12);
    // The cases of the comment at the top, one per (employee, course).
    const expected: [string, string, string][] = [
      ["E0001", "ANNUAL", "overdue"],
      ["E0001", "ONCE", "compliant"],
      ["E0001", "SALES", "due_soon"],
      ["E0002", "ANNUAL", "compliant"],
      ["E0002", "ONCE", "overdue"],
      ["E0002", "SALES", "overdue"],
      ["E0003", "ANNUAL", "exempt"],
      ["E0003", "ONCE", "exempt"],
      ["E0004", "ANNUAL", "due_soon"],
      ["E0004", "ONCE", "due_soon"],
      ["E0007", "ANNUAL", "compliant"],
      ["E0007", "ONCE", "compliant"],
    ];
    for (const [e, c, status] of expected) expect(statusOf(body.items, e, c), `${e} ${c}`).toBe(status);
    expect(body.items.some((i) => ["E0005", "E0006"].includes(i.employee.number))).toBe(false);
    expect(body.items.some((i) => i.course.code === "OLD")).toBe(false);
    expect(body.items.filter((i) => i.course.code === "SALES").map((i) => i.employee.number).sort()).toEqual(["E0001", "E0002"]);

    const expired = body.items.find((i) => i.employee.number === "E0001" && i.course.code === "ANNUAL")!;
    expect(expired).toMatchObject({ dueOn: addDays(T, -1), daysLeft: -1, lastCompletedOn: addMonths(addDays(T, -1), -12) });
    const once = body.items.find((i) => i.employee.number === "E0001" && i.course.code === "ONCE")!;
    expect(once).toMatchObject({ dueOn: null, daysLeft: null, lastCompletedOn: "2020-05-01" });
    const exempt = body.items.find((i) => i.employee.number === "E0003")!;
    expect(exempt).toMatchObject({ exemptionReason: "育児休業", dueOn: null });
    const newHire = body.items.find((i) => i.employee.number === "E0004" && i.course.code === "ONCE")!;
    expect(newHire).toMatchObject({ dueOn: addDays(T, 9), daysLeft: 9, lastCompletedOn: null });
  });

  it("default order: overdue first, then due soon, compliant, exempt; earliest due first", async () => {
    const { items } = await list("?pageSize=200");
    const ranks = items.map((i) => STATUS_RANK[i.status as keyof typeof STATUS_RANK]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const overdueDue = items.filter((i) => i.status === "overdue").map((i) => i.dueOn!);
    expect(overdueDue).toEqual([...overdueDue].sort(compareDates));
  });

  it("filters by department, course, status, employment type and search; one or many values", async () => {
    expect((await list(`?department=${ids.deptA}`)).total).toBe(6);
    expect((await list(`?department=${ids.deptA}&department=${ids.deptB}`)).total).toBe(12);
    expect((await list(`?department=${ids.deptA},${ids.deptB}`)).total).toBe(12);
    const overdue = await list("?status=overdue");
    expect(overdue.total).toBe(3);
    expect(overdue.items.every((i) => i.status === "overdue")).toBe(true);
    expect((await list("?status=overdue&status=due_soon")).total).toBe(6);
    expect((await list(`?course=${ids.once}`)).total).toBe(5);
    expect((await list(`?course=${ids.sales}&status=overdue`)).items.map((i) => i.employee.number)).toEqual(["E0002"]);
    expect((await list("?employmentType=dispatched")).items.map((i) => i.employee.number)).toEqual(["E0007", "E0007"]);
    expect((await list("?q=E0004")).total).toBe(2);
    expect((await list(`?q=${encodeURIComponent("佐藤")}`)).total).toBe(3);
    expect((await list(`?q=${encodeURIComponent("アベ")}`)).total).toBe(3);
    expect((await list(`?q=${encodeURIComponent("%")}`)).total).toBe(0);
    expect((await list(`?course=${ids.retired}`)).total).toBe(0);
  });

  it("pages with the total, and sorts on the server", async () => {
    const p3 = await list("?pageSize=5&page=3");
    expect(p3).toMatchObject({ total: 12, page: 3, pageSize: 5 });
    expect(p3.items).toHaveLength(2);
    const all = (await list("?pageSize=200")).items;
    expect(p3.items).toEqual(all.slice(10, 12));

    const byNumberDesc = await list("?sort=employeeNumber&dir=desc&pageSize=200");
    expect(byNumberDesc.items[0].employee.number).toBe("E0007");
    expect(byNumberDesc.items.at(-1)!.employee.number).toBe("E0001");
    // By reading: アベ (E0002) before サトウ (E0001).
    const byName = await list("?sort=name&pageSize=200");
    expect(byName.items.findIndex((i) => i.employee.number === "E0002")).toBeLessThan(byName.items.findIndex((i) => i.employee.number === "E0001"));
    const byDue = await list("?sort=dueOn&pageSize=200");
    const dues = byDue.items.map((i) => i.dueOn);
    const firstNull = dues.indexOf(null);
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(dues.slice(0, firstNull)).toEqual([...dues.slice(0, firstNull)].sort((a, b) => compareDates(a!, b!)));
  });

  it("a past fiscal year is taken as of its last day", async () => {
    const body = await list(`?fiscalYear=${FY - 1}&pageSize=200`);
    expect(body).toMatchObject({ fiscalYear: FY - 1, asOf: PREV.end });
    expect(body.items.some((i) => i.employee.number === "E0004")).toBe(compareDates(addDays(T, -5), PREV.end) <= 0);
    for (const i of body.items) if (i.lastCompletedOn) expect(compareDates(i.lastCompletedOn, PREV.end)).toBeLessThanOrEqual(0);
    const e7 = body.items.find((i) => i.employee.number === "E0007" && i.course.code === "ANNUAL")!;
    expect(e7.status).toBe("compliant");
  });

  it("refuses bad input with 400 and field errors", async () => {
    const r = await call(listRoute, "GET", "/api/v1/training-status?status=late&pageSize=500&department=abc&sort=salary");
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    expect(r.body.errors.map((e: { field: string }) => e.field.split(".")[0]).sort()).toEqual(["department", "pageSize", "sort", "status"]);
    const fy = await call(listRoute, "GET", "/api/v1/training-status?fiscalYear=99999");
    expect(fy.status).toBe(400);
  });
});

describe("training status summary", () => {
  it("counts agree with the list; per course, per department; months filled with zeros", async () => {
    await signInAs("hr");
    const r = await call(summaryRoute, "GET", "/api/v1/training-status/summary");
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s).toMatchObject({ fiscalYear: FY, asOf: T, isCurrentFiscalYear: true });
    expect(s.overall).toEqual({ required: 10, compliant: 4, dueSoon: 3, overdue: 3, exempt: 2, rate: 0.4 });
    for (const [status, key] of [["compliant", "compliant"], ["due_soon", "dueSoon"], ["overdue", "overdue"], ["exempt", "exempt"]] as const) {
      expect((await list(`?status=${status}`)).total).toBe(s.overall[key]);
    }
    const sales = s.byCourse.find((c: { course: { code: string } }) => c.course.code === "SALES");
    expect(sales).toMatchObject({ required: 2, compliant: 0, dueSoon: 1, overdue: 1, rate: 0 });
    expect(s.byCourse.map((c: { course: { code: string } }) => c.course.code)).toEqual(["ANNUAL", "ONCE", "SALES"]);
    const a = s.byDepartment.find((d: { department: { id: number } }) => d.department.id === ids.deptA);
    expect(a).toMatchObject({ department: { code: "T01", name: "営業テスト部" }, required: 6, compliant: 2 });
    expect(s.byDepartment.reduce((n: number, d: { required: number; exempt: number }) => n + d.required + d.exempt, 0)).toBe(12);

    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth[0]).toMatchObject({ month: CUR.start.slice(0, 7), from: CUR.start });
    expect(s.byMonth[11].to).toBe(CUR.end);
    // Passing completions of live courses within the FY (the retired course and the failed record excluded).
    const expected = passing.filter((d) => compareDates(d, CUR.start) >= 0 && compareDates(d, CUR.end) <= 0).length - (compareDates(addDays(T, -3), CUR.start) >= 0 ? 1 : 0);
    expect(s.byMonth.reduce((n: number, m: { completions: number }) => n + m.completions, 0)).toBe(expected);
    expect(s.byMonth.some((m: { completions: number }) => m.completions === 0)).toBe(true);
    expect(s.fiscalYears[0]).toBe(FY);
    expect(s.fiscalYears.at(-1)).toBe(2020);
  });

  it("filters by department and course; a past FY ends on its last day", async () => {
    const a = await call(summaryRoute, "GET", `/api/v1/training-status/summary?department=${ids.deptA}&course=${ids.annual}`);
    expect(a.body.overall).toMatchObject({ required: 2, compliant: 1, overdue: 1 });
    expect(a.body.byDepartment).toHaveLength(1);
    const prev = await call(summaryRoute, "GET", `/api/v1/training-status/summary?fiscalYear=${FY - 1}`);
    expect(prev.body).toMatchObject({ fiscalYear: FY - 1, asOf: PREV.end, isCurrentFiscalYear: false });
    expect(prev.body.byMonth[0].month).toBe(PREV.start.slice(0, 7));
  });
});

/** The raw bytes: Response.text() would drop the BOM we want to see. */
async function exportBytes(query: string, locale: string): Promise<Uint8Array> {
  const res = await exportRoute.GET(new Request(`http://localhost/api/v1/training-status/export.csv${query}`, { headers: { "accept-language": locale } }), {
    params: Promise.resolve({}),
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe("training status CSV export", () => {
  it("UTF-8 with BOM, Japanese or English headers, the filtered rows", async () => {
    await signInAs("auditor");
    const ja = await call(exportRoute, "GET", "/api/v1/training-status/export.csv?status=overdue", { headers: { "accept-language": "ja" } });
    expect(ja.status).toBe(200);
    expect(ja.headers.get("content-type")).toContain("text/csv");
    expect(ja.headers.get("content-disposition")).toContain(`filename*=UTF-8''`);
    expect([...(await exportBytes("?status=overdue", "ja")).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = ja.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0].split(",").slice(0, 2)).toEqual(["社員番号", "氏名"]);
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((l) => l.includes("期限切れ・未受講"))).toBe(true);

    const en = await call(exportRoute, "GET", "/api/v1/training-status/export.csv", { headers: { "accept-language": "en" } });
    expect([...(await exportBytes("", "en")).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(en.text.split("\r\n")[0]).toContain("Employee no.,Name");
    expect(en.text.trim().split("\r\n")).toHaveLength(1 + 12);

    const bad = await call(exportRoute, "GET", "/api/v1/training-status/export.csv?status=nope");
    expect(bad.status).toBe(400);
  });
});

describe("who may read", () => {
  it("every role reads; no session gets 401", async () => {
    for (const role of ROLES) {
      await signInAs(role);
      for (const [mod, path] of [
        [listRoute, "/api/v1/training-status"],
        [summaryRoute, "/api/v1/training-status/summary"],
        [exportRoute, "/api/v1/training-status/export.csv"],
      ] as const) {
        expect((await call(mod, "GET", path)).status, `${role} ${path}`).toBe(200);
      }
    }
    await signInAs(null);
    for (const [mod, path] of [
      [listRoute, "/api/v1/training-status"],
      [summaryRoute, "/api/v1/training-status/summary"],
      [exportRoute, "/api/v1/training-status/export.csv"],
    ] as const) {
      const r = await call(mod, "GET", path);
      expect(r.status).toBe(401);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("on the demo data", () => {
  it("a realistic mix, and the summary agrees with the list", async () => {
    const db = await getDb();
    await seedDemo(db, { today: T });
    await signInAs("privacy_manager");
    const s = (await call(summaryRoute, "GET", "/api/v1/training-status/summary")).body;
    expect(s.overall.compliant).toBeGreaterThan(0);
    expect(s.overall.dueSoon).toBeGreaterThan(0);
    expect(s.overall.overdue).toBeGreaterThan(0);
    expect(s.overall.exempt).toBeGreaterThan(0);
    const total = (await list("?pageSize=1")).total;
    expect(total).toBe(s.overall.required + s.overall.exempt);
    expect((await list("?status=overdue&pageSize=1")).total).toBe(s.overall.overdue);
    for (const d of s.byDepartment.slice(0, 3)) {
      const r = await list(`?department=${d.department.id}&status=compliant&pageSize=1`);
      expect(r.total).toBe(d.compliant);
    }
    expect(s.byMonth.reduce((n: number, m: { completions: number }) => n + m.completions, 0)).toBeGreaterThan(0);
  });

  it("the SQL status (judgedPairs) equals the pure rule on the demo data, on several days", async () => {
    // Runs after the realistic mix (demo data seeded). The list, summary and export filter, count and
    // sort by the status the database computes; buildStatusRows + computeTrainingStatus stay the rule.
    const db = await getDb();
    const [emps, deps, crs, recs] = await Promise.all([
      db.select().from(employees),
      db.select().from(departments),
      db.select().from(courses),
      db.select().from(trainingRecords).where(isNull(trainingRecords.retiredAt)),
    ]);
    const depById = new Map(deps.map((d) => [d.id, { id: d.id, code: d.code, name: d.name }]));
    const byPair = new Map<string, { completedOn: string; passed: boolean }[]>();
    for (const r of recs) {
      const k = lastPassedKey(r.employeeId, r.courseId);
      byPair.set(k, [...(byPair.get(k) ?? []), { completedOn: r.completedOn, passed: r.passed }]);
    }
    const days = [T, addDays(T, -45), PREV.end, PREV.start, addDays(T, 60), CUR.start];
    let compared = 0;
    for (const asOf of days) {
      const lastPassed = new Map<string, string>();
      for (const [k, rs] of byPair) {
        const d = lastPassedOnAsOf(rs, asOf);
        if (d) lastPassed.set(k, d);
      }
      const expected = buildStatusRows({
        asOf,
        employees: emps.map((e) => ({ ...e, department: depById.get(e.departmentId)! })),
        courses: crs,
        lastPassed,
      });
      const got = rowsOf<{ employee_id: number; course_id: number; status: string; due_on: string | null }>(
        await db.execute(sql`select j.employee_id, j.course_id, j.status, to_char(j.due_on, 'YYYY-MM-DD') as due_on from (${judgedPairs({}, asOf)}) j`),
      );
      const key = (e: number, c: number) => `${e}:${c}`;
      const want = new Map(expected.map((r) => [key(r.employee.id, r.course.id), `${r.status} ${r.dueOn}`]));
      const have = new Map(got.map((r) => [key(Number(r.employee_id), Number(r.course_id)), `${r.status} ${r.due_on}`]));
      expect(have.size, asOf).toBe(want.size);
      expect(have, asOf).toEqual(want);
      expect(new Set(expected.map((r) => r.status)).size, asOf).toBeGreaterThan(1);
      compared += want.size;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
