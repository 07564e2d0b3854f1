import { describe, expect, it } from "vitest";
import {
  auditFigures,
  capList,
  completionByDepartment,
  cssString,
  incidentFigures,
  monthLabel,
  numberSections,
  overdueByDepartment,
  parseFiscalYearParam,
  printPageCss,
  sectionNumber,
  type IncidentFacts,
} from "./shape";

describe("numberSections / sectionNumber", () => {
  it("numbers the sections 1..4 and their parts 1.1 …, in order", () => {
    const s = numberSections();
    expect(s.map((x) => `${x.number}:${x.key}`)).toEqual(["1:summary", "2:charts", "3:openItems", "4:notes"]);
    expect(s[0].children.map((c) => c.number)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]);
    expect(s[3].children).toEqual([]);
  });
  it("gives the number of one heading", () => {
    expect(sectionNumber("openItems")).toBe("3");
    expect(sectionNumber("openItems", "reviewActions")).toBe("3.6");
    expect(sectionNumber("charts", "findingsByGrade")).toBe("2.3");
    expect(() => sectionNumber("notes", "nope")).toThrow();
  });
});

describe("capList", () => {
  it("keeps the first items and says how many more", () => {
    expect(capList([1, 2, 3, 4, 5], 3)).toEqual({ items: [1, 2, 3], total: 5, more: 2 });
    expect(capList([1, 2], 3)).toEqual({ items: [1, 2], total: 2, more: 0 });
    expect(capList([], 3)).toEqual({ items: [], total: 0, more: 0 });
  });
  it("uses the counted total when the items are one page of a longer list", () => {
    expect(capList([1, 2, 3], 3, 120)).toEqual({ items: [1, 2, 3], total: 120, more: 117 });
    // A total smaller than what was passed cannot be right: the items count.
    expect(capList([1, 2, 3], 2, 1)).toEqual({ items: [1, 2], total: 3, more: 1 });
  });
  it("treats a negative limit as none", () => {
    expect(capList([1, 2], -1)).toEqual({ items: [], total: 2, more: 2 });
  });
});

const dept = (id: number, code: string, required: number, compliant: number, overdue: number) => ({
  department: { id, code, name: `D${code}` },
  required,
  compliant,
  overdue,
  rate: required ? compliant / required : null,
});

describe("training shaping", () => {
  it("lists departments with overdue training, most first, then by code", () => {
    const rows = [dept(1, "10", 10, 10, 0), dept(2, "2", 10, 5, 3), dept(3, "1", 10, 5, 3), dept(4, "3", 10, 2, 8)];
    expect(overdueByDepartment(rows).map((d) => d.department.id)).toEqual([4, 3, 2]);
  });
  it("charts the rate of departments with required training only", () => {
    expect(completionByDepartment([dept(1, "1", 4, 3, 1), dept(2, "2", 0, 0, 0)])).toEqual([{ key: "1", label: "D1", value: 0.75 }]);
  });
});

describe("incidentFigures", () => {
  const inc = (category: IncidentFacts["category"], severity: IncidentFacts["severity"], states: IncidentFacts["obligations"][number]["state"][]): IncidentFacts => ({
    category,
    severity,
    obligations: states.map((state, i) => ({ key: (["pmarkPreliminary", "pmarkFinal", "ppcPreliminary", "ppcFinal", "personsNotice"] as const)[i], state })),
  });

  it("counts by category × severity, every category present", () => {
    const f = incidentFigures([inc("loss", "high", []), inc("loss", "low", []), inc("misdirected", "low", [])]);
    expect(f.total).toBe(3);
    expect(f.bySeverity).toEqual({ low: 2, medium: 0, high: 1, critical: 0 });
    expect(f.byCategory).toHaveLength(7);
    expect(f.byCategory.find((c) => c.category === "loss")).toEqual({ category: "loss", total: 2, bySeverity: { low: 1, medium: 0, high: 1, critical: 0 } });
    expect(f.byCategory.find((c) => c.category === "leakage")!.total).toBe(0);
  });

  it("sorts each report into on time, late, overdue and not yet due", () => {
    const f = incidentFigures([
      inc("leakage", "critical", ["done", "done_late", "late", "due_soon", "pending"]),
      inc("loss", "medium", ["done", "late"]),
    ]);
    const by = Object.fromEntries(f.reports.map((r) => [r.key, r]));
    expect(by.pmarkPreliminary).toEqual({ key: "pmarkPreliminary", onTime: 2, late: 0, overdue: 0, notYetDue: 0 });
    expect(by.pmarkFinal).toEqual({ key: "pmarkFinal", onTime: 0, late: 1, overdue: 1, notYetDue: 0 });
    expect(by.ppcPreliminary.overdue).toBe(1);
    expect(by.ppcFinal.notYetDue).toBe(1);
    expect(by.personsNotice.notYetDue).toBe(1);
  });

  it("is all zero without incidents", () => {
    const f = incidentFigures([]);
    expect(f.total).toBe(0);
    expect(f.reports.every((r) => r.onTime + r.late + r.overdue + r.notYetDue === 0)).toBe(true);
  });
});

describe("auditFigures", () => {
  it("adds up the quarters and the findings per grade", () => {
    const f = auditFigures({
      quarters: [
        { quarter: 1, planned: 2, done: 1 },
        { quarter: 2, planned: 1, done: 1 },
        { quarter: 3, planned: 0, done: 0 },
        { quarter: 4, planned: 1, done: 0 },
      ],
      findingsByGrade: [
        { grade: "major_nc", open: 1, action_planned: 1, done: 0, verified: 2 },
        { grade: "observation", open: 0, action_planned: 0, done: 1, verified: 0 },
      ],
    });
    expect(f.planned).toBe(4);
    expect(f.done).toBe(2);
    expect(f.findings.map((g) => g.grade)).toEqual(["major_nc", "minor_nc", "observation", "good_practice"]);
    expect(f.findings[0]).toEqual({ grade: "major_nc", open: 1, actionPlanned: 1, done: 0, verified: 2, total: 4, unresolved: 2 });
    expect(f.findings[1].total).toBe(0);
    expect(f.findingsTotal).toBe(5);
    expect(f.findingsUnresolved).toBe(2);
  });
});

describe("labels and parameters", () => {
  it("labels months", () => {
    expect(monthLabel("2026-04", "ja")).toBe("4月");
    expect(monthLabel("2027-01", "en")).toBe("Jan");
  });
  it("reads ?fy= or falls back", () => {
    expect(parseFiscalYearParam("2025", 2026)).toBe(2025);
    expect(parseFiscalYearParam(["2024", "2023"], 2026)).toBe(2024);
    for (const bad of [undefined, "", "abc", "25", "1999", "2101", "2025.5", "２０２５"]) expect(parseFiscalYearParam(bad, 2026)).toBe(2026);
  });
  it("escapes text for CSS content", () => {
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });
  it("lays the page out on A4 with a header, page numbers, and a bare cover", () => {
    const css = printPageCss({ header: "マネジメントレビュー資料 2026年度", date: "作成日 2026/11/25" });
    expect(css).toContain("size: A4 portrait");
    expect(css).toContain('@top-left { content: "マネジメントレビュー資料 2026年度"');
    expect(css).toContain('@top-right { content: "作成日 2026/11/25"');
    expect(css).toContain('counter(page) " / " counter(pages)');
    expect(css).toMatch(/@page :first \{\s+@top-left \{ content: none; \}/);
  });
});
