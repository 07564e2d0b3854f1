import { describe, expect, it } from "vitest";
import { countsFromTotals, fillFiscalYearMonths, fiscalYearChoices, summarizeStatusCounts, summarizeStatusRows } from "./status-summary";
import type { StatusRow } from "./status-query";
import { TRAINING_STATUSES, completionRate, type TrainingStatus } from "./status";

const row = (emp: number, dept: { id: number; code: string; name: string }, courseId: number, status: TrainingStatus): StatusRow => ({
  employee: { id: emp, number: `E${emp}`, name: "x", nameKana: null, employmentType: "regular", department: dept },
  course: { id: courseId, code: `C${courseId}`, title: `研修${courseId}` },
  status,
  lastCompletedOn: null,
  validUntil: null,
  dueOn: null,
  daysLeft: null,
  exemptionReason: null,
});

const SALES = { id: 4, code: "D04", name: "営業部" };
const GA = { id: 2, code: "D02", name: "総務部" };
/** Two departments, two courses: every status, one employee exempt from both courses. */
const ROWS = [
  row(1, SALES, 1, "compliant"),
  row(1, SALES, 2, "overdue"),
  row(2, SALES, 1, "due_soon"),
  row(3, GA, 1, "compliant"),
  row(4, GA, 1, "exempt"),
  row(4, GA, 2, "exempt"),
];

describe("summarizeStatusRows", () => {
  const rows = ROWS;

  it("counts overall, per course and per department; exempt is not required", () => {
    const s = summarizeStatusRows(rows);
    expect(s.overall).toEqual({ required: 4, compliant: 2, dueSoon: 1, overdue: 1, exempt: 2, rate: 0.5 });
    expect(s.byCourse.map((c) => [c.course.code, c.required, c.compliant, c.rate])).toEqual([
      ["C1", 3, 2, 2 / 3],
      ["C2", 1, 0, 0],
    ]);
    // Ordered by department code.
    expect(s.byDepartment.map((d) => [d.department.name, d.required, d.exempt, d.rate])).toEqual([
      ["総務部", 1, 2, 1],
      ["営業部", 3, 0, 1 / 3],
    ]);
  });

  it("the parts add up to the whole", () => {
    const s = summarizeStatusRows(rows);
    const sum = (xs: { required: number; exempt: number }[]) => xs.reduce((n, x) => n + x.required + x.exempt, 0);
    expect(sum(s.byCourse)).toBe(rows.length);
    expect(sum(s.byDepartment)).toBe(rows.length);
  });

  it("no rows: zero counts and no rate", () => {
    expect(summarizeStatusRows([])).toEqual({
      overall: { required: 0, compliant: 0, dueSoon: 0, overdue: 0, exempt: 0, rate: null },
      byCourse: [],
      byDepartment: [],
    });
  });
});

describe("summarizeStatusCounts (counts the database made)", () => {
  // A second compliant employee in a department, so that a group counts more than one row.
  const rows = [...ROWS, row(5, GA, 1, "compliant")];
  /** What GROUP BY (group, status) answers. */
  const grouped = <G extends { id: number }>(of: (r: StatusRow) => G) => {
    const m = new Map<string, { group: G; status: TrainingStatus; n: number }>();
    for (const r of rows) {
      const k = `${of(r).id}:${r.status}`;
      const g = m.get(k) ?? { group: of(r), status: r.status, n: 0 };
      g.n++;
      m.set(k, g);
    }
    return [...m.values()];
  };

  it("equals summarizeStatusRows of the same rows", () => {
    expect(summarizeStatusCounts(grouped((r) => r.course), grouped((r) => r.employee.department))).toEqual(summarizeStatusRows(rows));
  });

  it("countsFromTotals equals completionRate", () => {
    for (const statuses of [[], ["exempt"], ["compliant", "due_soon", "overdue", "overdue", "exempt"]] as TrainingStatus[][]) {
      const n = Object.fromEntries(TRAINING_STATUSES.map((s) => [s, statuses.filter((x) => x === s).length]));
      expect(countsFromTotals(n)).toEqual(completionRate(statuses));
    }
  });

  it("nothing counted: zero counts and no rate", () => {
    expect(summarizeStatusCounts([], [])).toEqual(summarizeStatusRows([]));
  });
});

describe("fillFiscalYearMonths", () => {
  it("every month of an April fiscal year, zero where none, with first and last days", () => {
    const months = fillFiscalYearMonths(2026, 4, [
      { month: "2026-06", completions: 40 },
      { month: "2027-02", completions: 7 },
      { month: "2025-12", completions: 99 }, // outside the FY: ignored
    ]);
    expect(months.map((m) => m.month)).toEqual([
      "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
      "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
    ]);
    expect(months.map((m) => m.completions)).toEqual([0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 7, 0]);
    expect(months[2]).toEqual({ month: "2026-06", from: "2026-06-01", to: "2026-06-30", completions: 40 });
    expect(months[10].to).toBe("2027-02-28");
  });

  it("follows the start month setting; leap February", () => {
    const months = fillFiscalYearMonths(2028, 1, []);
    expect(months[0].month).toBe("2028-01");
    expect(months[1].to).toBe("2028-02-29");
    expect(months.every((m) => m.completions === 0)).toBe(true);
  });
});

describe("fiscalYearChoices", () => {
  it("a contiguous range from the earliest record's FY to the current or latest, newest first", () => {
    expect(fiscalYearChoices(2026, 4, "2025-05-10", "2026-11-20")).toEqual([2026, 2025]);
    expect(fiscalYearChoices(2026, 4, "2024-03-31", "2026-11-20")).toEqual([2026, 2025, 2024, 2023]);
    expect(fiscalYearChoices(2026, 4, null, null)).toEqual([2026]);
    expect(fiscalYearChoices(2026, 4, "2027-04-01", "2027-04-01")).toEqual([2027, 2026]);
  });
});
