import { describe, expect, it } from "vitest";
import {
  buildStatusRows,
  exportTrainingStatusQuery,
  filterByStatus,
  lastPassedKey,
  listTrainingStatusQuery,
  pageOf,
  retiredBy,
  sortStatusRows,
  summaryQuery,
  type StatusCourseInput,
  type StatusEmployeeInput,
  type StatusRow,
} from "./status-query";
import type { TrainingStatus } from "./status";

const dept = (id: number, code: string, name: string) => ({ id, code, name });
const SALES = dept(4, "D04", "営業部");
const DEV = dept(5, "D05", "システム開発部");

const emp = (over: Partial<StatusEmployeeInput> & { id: number }): StatusEmployeeInput => ({
  employeeNumber: `E${String(over.id).padStart(4, "0")}`,
  name: `社員${over.id}`,
  nameKana: null,
  department: SALES,
  departmentId: SALES.id,
  employmentType: "regular",
  hireDate: "2020-04-01",
  leaveDate: null,
  exemptionReason: null,
  retiredAt: null,
  ...over,
});

const course = (over: Partial<StatusCourseInput> & { id: number }): StatusCourseInput => ({
  code: `C${over.id}`,
  title: `研修${over.id}`,
  audienceAll: true,
  audienceDepartmentIds: [],
  audienceEmploymentTypes: [],
  recurrenceMonths: 12,
  newHireDueDays: 30,
  passMark: null,
  requiredFrom: "2020-04-01",
  retiredAt: null,
  ...over,
});

describe("query schemas", () => {
  it("reads one or many values, comma lists too, and defaults to the priority sort", () => {
    const q = listTrainingStatusQuery.parse({ department: ["1", "2"], status: "overdue,due_soon", employmentType: "regular", fiscalYear: "2026" });
    expect(q).toMatchObject({ department: [1, 2], status: ["overdue", "due_soon"], employmentType: ["regular"], fiscalYear: 2026 });
    expect(q).toMatchObject({ page: 1, pageSize: 50, sort: "priority", dir: "asc" });
    expect(listTrainingStatusQuery.parse({}).department).toBeUndefined();
  });

  it("refuses bad values with message keys", () => {
    const r = listTrainingStatusQuery.safeParse({ department: "x", status: "late", pageSize: "500", sort: "salary", fiscalYear: "abc" });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => String(i.path[0])).sort();
    expect(fields).toEqual(["department", "fiscalYear", "pageSize", "sort", "status"]);
    expect(r.error!.issues.find((i) => i.path[0] === "status")!.message).toBe("validation.invalidOption");
  });

  it("the export takes no paging; the summary only fiscal year, department and course", () => {
    expect(exportTrainingStatusQuery.parse({ page: "3" })).not.toHaveProperty("page");
    expect(summaryQuery.parse({ department: "4", course: "1", fiscalYear: "2025", status: "overdue" })).toEqual({ department: [4], course: [1], fiscalYear: 2025 });
  });
});

describe("buildStatusRows", () => {
  const asOf = "2026-11-24";
  it("one row per active employee × required course, with the status rules", () => {
    const rows = buildStatusRows({
      asOf,
      employees: [
        emp({ id: 1 }),
        emp({ id: 2, exemptionReason: "育児休業" }),
        emp({ id: 3, leaveDate: "2026-10-31" }), // left: not counted
        emp({ id: 4, hireDate: "2026-12-01" }), // not yet hired
        emp({ id: 5, department: DEV, departmentId: DEV.id, employmentType: "dispatched" }),
      ],
      courses: [
        course({ id: 1 }),
        course({ id: 2, audienceAll: false, audienceDepartmentIds: [SALES.id] }),
        course({ id: 3, requiredFrom: "2027-01-01" }), // not required yet
        course({ id: 4, recurrenceMonths: null }),
      ],
      lastPassed: new Map([
        [lastPassedKey(1, 1), "2025-11-23"], // expired yesterday
        [lastPassedKey(1, 2), "2025-12-20"], // within 30 days
        [lastPassedKey(1, 4), "2019-05-01"], // once only: never expires
        [lastPassedKey(5, 1), "2026-06-10"],
      ]),
    });
    const by = (e: number, c: number) => rows.find((r) => r.employee.id === e && r.course.id === c)?.status;
    expect(rows).toHaveLength(3 + 3 + 2);
    expect(by(1, 1)).toBe("overdue");
    expect(by(1, 2)).toBe("due_soon");
    expect(by(1, 4)).toBe("compliant");
    expect(by(2, 1)).toBe("exempt");
    expect(by(5, 1)).toBe("compliant");
    expect(by(5, 2)).toBeUndefined();
    expect(by(5, 4)).toBe("overdue"); // never done, long past the grace period
    expect(rows.some((r) => r.course.id === 3 || r.employee.id === 3 || r.employee.id === 4)).toBe(false);
    expect(rows.find((r) => r.employee.id === 1 && r.course.id === 1)).toMatchObject({
      employee: { number: "E0001", department: SALES },
      course: { code: "C1", title: "研修1" },
      lastCompletedOn: "2025-11-23",
      validUntil: "2026-11-23",
      dueOn: "2026-11-23",
      daysLeft: -1,
    });
  });

  it("a record retired after the as-of day still counted then", () => {
    const retiredAt = new Date("2026-05-01T03:00:00Z");
    expect(retiredBy(retiredAt, "2026-03-31")).toBe(false);
    expect(retiredBy(retiredAt, "2026-05-01")).toBe(true);
    // 2026-04-30T20:00Z is 1 May in Tokyo.
    expect(retiredBy(new Date("2026-04-30T20:00:00Z"), "2026-04-30")).toBe(false);
    const args = { employees: [emp({ id: 1, retiredAt })], courses: [course({ id: 1, retiredAt })], lastPassed: new Map() };
    expect(buildStatusRows({ ...args, asOf: "2026-03-31" })).toHaveLength(1);
    expect(buildStatusRows({ ...args, asOf: "2026-11-24" })).toHaveLength(0);
  });
});

const row = (n: number, status: TrainingStatus, dueOn: string | null, over: { name?: string; kana?: string | null; dept?: typeof SALES; course?: number } = {}): StatusRow => ({
  employee: {
    id: n,
    number: `E${n}`,
    name: over.name ?? `社員${n}`,
    nameKana: over.kana ?? null,
    employmentType: "regular",
    department: over.dept ?? SALES,
  },
  course: { id: over.course ?? 1, code: `C${over.course ?? 1}`, title: "t" },
  status,
  dueOn,
  lastCompletedOn: null,
  validUntil: dueOn,
  daysLeft: null,
  exemptionReason: null,
});

describe("sortStatusRows", () => {
  const rows = [
    row(10, "compliant", "2027-05-01", { name: "渡辺", kana: "ワタナベ", dept: DEV }),
    row(2, "overdue", "2026-10-01", { name: "佐藤", kana: "サトウ" }),
    row(3, "exempt", null, { name: "伊藤", kana: "イトウ", dept: DEV }),
    row(4, "due_soon", "2026-12-01", { name: "阿部", kana: "アベ" }),
    row(5, "overdue", "2026-09-01", { name: "鈴木", kana: "スズキ" }),
    row(1, "due_soon", "2026-11-30", { name: "加藤", kana: null, course: 2 }),
  ];
  const ids = (rs: StatusRow[]) => rs.map((r) => r.employee.id);

  it("priority: overdue first, then due soon, compliant, exempt; earliest due first within", () => {
    expect(ids(sortStatusRows(rows))).toEqual([5, 2, 1, 4, 10, 3]);
    expect(ids(sortStatusRows(rows, "priority", "desc"))).toEqual([3, 10, 4, 1, 2, 5]);
  });

  it("employee number sorts numerically, name by reading, department by code", () => {
    expect(ids(sortStatusRows(rows, "employeeNumber"))).toEqual([1, 2, 3, 4, 5, 10]);
    expect(ids(sortStatusRows(rows, "employeeNumber", "desc"))).toEqual([10, 5, 4, 3, 2, 1]);
    // アベ, イトウ, 加藤 (no kana: by the name itself), サトウ, スズキ, ワタナベ — kanji sort after kana.
    expect(ids(sortStatusRows(rows, "name")).filter((id) => id !== 1)).toEqual([4, 3, 2, 5, 10]);
    expect(ids(sortStatusRows(rows, "department"))).toEqual([1, 2, 4, 5, 3, 10]);
  });

  it("due date: missing dates last in both directions; course by code", () => {
    expect(ids(sortStatusRows(rows, "dueOn"))).toEqual([5, 2, 1, 4, 10, 3]);
    expect(ids(sortStatusRows(rows, "dueOn", "desc"))).toEqual([10, 4, 1, 2, 5, 3]);
    expect(ids(sortStatusRows(rows, "course", "desc"))[0]).toBe(1);
  });

  it("does not change its input", () => {
    const copy = [...rows];
    sortStatusRows(rows, "name");
    expect(rows).toEqual(copy);
  });
});

describe("filterByStatus and pageOf", () => {
  const rows = [row(1, "overdue", null), row(2, "compliant", null), row(3, "due_soon", null), row(4, "overdue", null)];
  it("filters by one or many statuses; none given keeps all", () => {
    expect(filterByStatus(rows, ["overdue"]).map((r) => r.employee.id)).toEqual([1, 4]);
    expect(filterByStatus(rows, ["overdue", "due_soon"])).toHaveLength(3);
    expect(filterByStatus(rows, undefined)).toHaveLength(4);
    expect(filterByStatus(rows, [])).toHaveLength(4);
  });
  it("pages with the total of all rows", () => {
    expect(pageOf(rows, 2, 3)).toEqual({ items: [rows[3]], total: 4, page: 2, pageSize: 3 });
    expect(pageOf(rows, 5, 3).items).toEqual([]);
  });
});
