import { describe, expect, it } from "vitest";
import {
  judgeFiscalYear,
  judgeIncidentReports,
  judgeInternalAudit,
  judgeMajorNonconformities,
  judgeManagementReview,
  judgeRegister,
  judgeTraining,
  readinessCounts,
  readinessYears,
  showReadinessCard,
  trainingFactsOf,
  yearScope,
  type FiscalYearFacts,
} from "./readiness";
import { uncoveredClauses, GUIDELINE_CLAUSES, CLAUSE_TITLES } from "./clauses";

/** An empty past year: nothing recorded at all. */
function emptyYear(over: Partial<FiscalYearFacts> = {}): FiscalYearFacts {
  return {
    fiscalYear: 2024,
    start: "2024-04-01",
    end: "2025-03-31",
    asOf: "2025-03-31",
    current: false,
    training: { required: 0, compliant: 0, dueSoon: 0, overdue: 0, exempt: 0, byType: [] },
    departments: [],
    internalAudits: [],
    managementReviews: [],
    register: { itemsInUse: 0, itemsReviewed: 0, registerReviews: [], riskReviews: 0, riskChanges: 0, overdueToday: 0 },
    majorNonconformities: { total: 0, unverified: 0 },
    incidents: { total: 0, reportedToBody: 0, late: [] },
    ...over,
  };
}

/** A past year that holds everything. */
function goodYear(over: Partial<FiscalYearFacts> = {}): FiscalYearFacts {
  return emptyYear({
    training: {
      required: 10,
      compliant: 9,
      dueSoon: 1,
      overdue: 0,
      exempt: 1,
      byType: [
        { type: "regular", workers: 6, covered: 6, overdue: 0 },
        { type: "dispatched", workers: 2, covered: 2, overdue: 0 },
        { type: "part_time", workers: 1, covered: 1, overdue: 0 },
        { type: "executive", workers: 1, covered: 1, overdue: 0 },
      ],
    },
    departments: [
      { id: 1, name: "総務部" },
      { id: 2, name: "開発部" },
    ],
    internalAudits: [
      { id: 7, title: "適合状況監査", status: "reported", reportedOn: "2024-10-20", plannedStart: "2024-10-01", scopeDepartmentIds: [1] },
      { id: 8, title: "運用状況監査", status: "closed", reportedOn: "2025-02-10", plannedStart: "2025-02-01", scopeDepartmentIds: [2] },
    ],
    managementReviews: [{ id: 3, title: "マネジメントレビュー", heldOn: "2025-03-31" }],
    register: { itemsInUse: 20, itemsReviewed: 20, registerReviews: [{ id: 5, reviewedOn: "2024-06-01" }], riskReviews: 1, riskChanges: 0, overdueToday: 0 },
    majorNonconformities: { total: 1, unverified: 0 },
    incidents: { total: 2, reportedToBody: 2, late: [] },
    ...over,
  });
}

describe("the years checked", () => {
  it("are the last two complete fiscal years and the current one", () => {
    expect(readinessYears("2026-12-07", 4)).toEqual([2024, 2025, 2026]);
    // 31 March is still the old year; 1 April starts the new one.
    expect(readinessYears("2027-03-31", 4)).toEqual([2024, 2025, 2026]);
    expect(readinessYears("2027-04-01", 4)).toEqual([2025, 2026, 2027]);
    // A calendar fiscal year.
    expect(readinessYears("2026-01-01", 1)).toEqual([2024, 2025, 2026]);
  });

  it("take a past year as of its last day and the current one as of today", () => {
    expect(yearScope(2025, "2026-12-07", 4)).toEqual({ start: "2025-04-01", end: "2026-03-31", asOf: "2026-03-31", current: false });
    expect(yearScope(2026, "2026-12-07", 4)).toEqual({ start: "2026-04-01", end: "2027-03-31", asOf: "2026-12-07", current: true });
    // Fiscal year starting in March: FY2023 ends on the leap day.
    expect(yearScope(2023, "2026-12-07", 3).end).toBe("2024-02-29");
  });
});

describe("an empty year", () => {
  it("fails every check that needs a record, in a past year", () => {
    const y = judgeFiscalYear(emptyYear());
    const state = Object.fromEntries(y.checks.map((c) => [c.key, c.state]));
    expect(state).toEqual({
      training: "fail",
      internalAudit: "fail",
      managementReview: "fail",
      register: "fail",
      // Nothing to verify and nothing to report is no failure.
      majorNonconformities: "pass",
      incidentReports: "pass",
    });
    expect(readinessCounts([y])).toEqual({ failing: 4, open: 0, passing: 2 });
  });

  it("is open, not failing, in the current year", () => {
    const y = judgeFiscalYear(emptyYear({ fiscalYear: 2026, current: true, asOf: "2026-04-01" }));
    expect(readinessCounts([y])).toEqual({ failing: 0, open: 4, passing: 2 });
  });
});

describe("a complete year", () => {
  it("passes every check, with its evidence and records", () => {
    const y = judgeFiscalYear(goodYear());
    expect(y.checks.every((c) => c.state === "pass")).toBe(true);
    const audit = y.checks.find((c) => c.key === "internalAudit")!;
    expect(audit.evidence).toMatchObject({ done: 2, departments: 2, departmentsCovered: 2 });
    expect(audit.records.map((r) => r.href)).toEqual(["/audits/7", "/audits/8"]);
  });
});

describe("training", () => {
  it("fails on an overdue course, linking to the year's overdue rows", () => {
    const c = judgeTraining(goodYear({ training: { ...goodYear().training, overdue: 3 } }));
    expect(c.state).toBe("fail");
    expect(c.missing).toEqual([{ reason: "trainingOverdue", count: 3, href: "/training/status?fiscalYear=2024&status=overdue" }]);
  });

  it("fails when dispatched staff have no course required of them", () => {
    const t = goodYear().training;
    const byType = t.byType.map((b) => (b.type === "dispatched" ? { ...b, covered: 0 } : b));
    const c = judgeTraining(goodYear({ training: { ...t, byType } }));
    expect(c.state).toBe("fail");
    expect(c.missing).toEqual([{ reason: "typeNotCovered", count: 2, name: "dispatched", href: "/training/employees?employmentType=dispatched" }]);
    expect(c.evidence.workers_dispatched).toBe(2);
    expect(c.evidence.workers_contract).toBe(0);
  });

  it("is open in the current year while courses are only due soon, and fails there on an overdue one", () => {
    const current = { fiscalYear: 2026, current: true, asOf: "2026-12-07" };
    expect(judgeTraining(goodYear(current)).state).toBe("open");
    expect(judgeTraining(goodYear({ ...current, training: { ...goodYear().training, dueSoon: 0 } })).state).toBe("pass");
    expect(judgeTraining(goodYear({ ...current, training: { ...goodYear().training, overdue: 1 } })).state).toBe("fail");
  });
});

describe("training facts from the tallies per employment type", () => {
  const tally = (type: "regular" | "part_time" | "dispatched", over: Partial<{ workers: number; covered: number; compliant: number; dueSoon: number; overdue: number; exempt: number }> = {}) => ({
    type,
    workers: 0,
    covered: 0,
    compliant: 0,
    dueSoon: 0,
    overdue: 0,
    exempt: 0,
    ...over,
  });

  it("sums the pairs of every type, and lists the types with workers in the employment types' order", () => {
    const t = trainingFactsOf([
      tally("part_time", { workers: 4, covered: 3, compliant: 5, dueSoon: 1, overdue: 2 }),
      tally("regular", { workers: 10, covered: 10, compliant: 30, overdue: 1, exempt: 2 }),
      // Every dispatched worker exempt: no workers, but their exempt pairs still count.
      tally("dispatched", { exempt: 3 }),
    ]);
    expect(t).toEqual({
      required: 39,
      compliant: 35,
      dueSoon: 1,
      overdue: 3,
      exempt: 5,
      byType: [
        { type: "regular", workers: 10, covered: 10, overdue: 1 },
        { type: "part_time", workers: 4, covered: 3, overdue: 2 },
      ],
    });
  });

  it("is all zeros with no tallies, and then fails the check as nothing is required", () => {
    const t = trainingFactsOf([]);
    expect(t).toEqual({ required: 0, compliant: 0, dueSoon: 0, overdue: 0, exempt: 0, byType: [] });
    expect(judgeTraining(goodYear({ training: t })).missing.map((m) => m.reason)).toEqual(["noRequiredTraining"]);
  });
});

describe("internal audit", () => {
  it("counts only audits reported or closed, and names each department no done audit covered", () => {
    const audits = goodYear().internalAudits.map((a) => (a.id === 8 ? { ...a, status: "in_progress" as const, reportedOn: null } : a));
    const c = judgeInternalAudit(goodYear({ internalAudits: audits }));
    expect(c.state).toBe("fail");
    expect(c.missing).toEqual([{ reason: "departmentNotAudited", count: 1, names: ["開発部"], href: "/audits?fy=2024" }]);
    expect(c.evidence).toMatchObject({ done: 1, planned: 1, departmentsCovered: 1 });
  });

  it("fails without any done audit", () => {
    const c = judgeInternalAudit(goodYear({ internalAudits: [] }));
    expect(c.missing.map((m) => m.reason)).toEqual(["noInternalAudit"]);
  });
});

describe("management review", () => {
  it("counts a review held on the year's last day, not one scheduled after the as-of day", () => {
    expect(judgeManagementReview(goodYear()).state).toBe("pass");
    const current = goodYear({ fiscalYear: 2026, current: true, asOf: "2026-12-07", managementReviews: [{ id: 9, title: "MR", heldOn: "2026-12-08" }] });
    const c = judgeManagementReview(current);
    expect(c.state).toBe("open");
    expect(c.evidence).toMatchObject({ held: 0, scheduled: 1 });
    expect(c.missing[0].href).toBe("/audits/management-reviews?fy=2026");
  });
});

describe("register", () => {
  it("passes with every item reviewed on its own instead of a review of the whole register", () => {
    const r = { ...goodYear().register, registerReviews: [] };
    expect(judgeRegister(goodYear({ register: r })).state).toBe("pass");
    expect(judgeRegister(goodYear({ register: { ...r, itemsReviewed: 19 } })).missing[0]).toMatchObject({ reason: "registerNotReviewed", count: 1 });
  });

  it("needs the risk analysis updated: a review that looked at it, or a risk written", () => {
    const r = { ...goodYear().register, riskReviews: 0 };
    expect(judgeRegister(goodYear({ register: r })).missing.map((m) => m.reason)).toEqual(["riskAnalysisNotUpdated"]);
    expect(judgeRegister(goodYear({ register: { ...r, riskChanges: 4 } })).state).toBe("pass");
  });

  it("fails the current year at once on items overdue for review today, linking to the overdue list", () => {
    const c = judgeRegister(goodYear({ current: true, register: { ...goodYear().register, overdueToday: 3 } }));
    expect(c.state).toBe("fail");
    expect(c.missing[0]).toEqual({ reason: "itemsOverdue", count: 3, href: "/register?overdue=true" });
  });
});

describe("major nonconformities and incident reports", () => {
  it("fails a past year with an unverified major nonconformity", () => {
    const c = judgeMajorNonconformities(goodYear({ majorNonconformities: { total: 2, unverified: 1 } }));
    expect(c.state).toBe("fail");
    expect(c.missing[0].href).toBe("/audits/findings?fy=2024&grade=major_nc&status=unverified");
  });

  it("fails any year with a P-mark report not made past its deadline", () => {
    const late = [{ id: 4, reference: "INC-2026-001", title: "誤送信" }];
    const c = judgeIncidentReports(goodYear({ current: true, incidents: { total: 1, reportedToBody: 0, late } }));
    expect(c.state).toBe("fail");
    expect(c.missing[0]).toEqual({ reason: "pmarkReportLate", count: 1, href: "/incidents?fy=2024&pmarkLate=true" });
    expect(c.records[0].href).toBe("/incidents/4");
  });
});

describe("the dashboard card", () => {
  it("shows from ten months before the last valid day", () => {
    expect(showReadinessCard("2027-08-31", "2026-10-30")).toBe(false);
    expect(showReadinessCard("2027-08-31", "2026-10-31")).toBe(true);
    // Month-end clamped: 10 months before 31 December is 28 February (29 in a leap year).
    expect(showReadinessCard("2027-12-31", "2027-02-27")).toBe(false);
    expect(showReadinessCard("2027-12-31", "2027-02-28")).toBe(true);
    expect(showReadinessCard("2027-08-31", "2027-09-01")).toBe(true);
    expect(showReadinessCard(null, "2027-09-01")).toBe(false);
  });
});

describe("correspondence clauses", () => {
  it("lists J.1 to J.11 in order with both titles, and the uncovered ones", () => {
    expect(GUIDELINE_CLAUSES).toHaveLength(11);
    for (const c of GUIDELINE_CLAUSES) expect(CLAUSE_TITLES[c].ja && CLAUSE_TITLES[c].en).toBeTruthy();
    expect(uncoveredClauses(["J.1", "J.10", "J.3"])).toEqual(["J.2", "J.4", "J.5", "J.6", "J.7", "J.8", "J.9", "J.11"]);
    expect(uncoveredClauses([])).toEqual([...GUIDELINE_CLAUSES]);
  });
});
