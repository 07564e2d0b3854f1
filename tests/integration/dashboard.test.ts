import { beforeAll, describe, expect, it } from "vitest";
import * as summaryRoute from "@/app/api/v1/dashboard/summary/route";
import * as scoreRoute from "@/app/api/v1/dashboard/score/route";
import { getDb } from "@/db";
import { courses, departments, employees, trainingRecords } from "@/db/schema";
import { getComplianceScoreTrend, getDashboardSummary, trainingStatusCounts, trendDays } from "@/db/queries/dashboard";
import { getTrainingStatusSummary } from "@/db/queries/training-status";
import { buildStatusRows, lastPassedKey } from "@/lib/training/status-query";
import { completionRate } from "@/lib/training/status";
import { listRegulations } from "@/db/queries/regulations";
import { listDueNow, listIncidents } from "@/db/queries/incidents";
import { listContractors } from "@/db/queries/contractors";
import { auditStats, listFindings } from "@/db/queries/audits";
import { getCurrentCertificate } from "@/db/queries/pmark";
import { listPosts } from "@/db/queries/pms-structure";
import { listRegulationsQuery } from "@/lib/regulations/schema";
import { listIncidentsQuery, INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { listContractorsQuery } from "@/lib/contractors/schema";
import { listFindingsQuery } from "@/lib/audits/schema";
import { FINDING_STATUSES } from "@/lib/audits/rules";
import { addDays, todayInTokyo } from "@/lib/dates";
import { currentFiscalYear } from "@/lib/fiscal-year";
import { SCORE_INDICATORS, SCORE_WEIGHTS } from "@/lib/dashboard/score";
import { call, signInAs } from "../support/api";
import { seedDemoData } from "../support/demo-data";

/**
 * The dashboard's figures are the modules' own: each one is compared with what the module's list or
 * summary answers for the same day on the demo data (plus a few edge cases of the training rule).
 */
const T = todayInTokyo();
const FY = currentFiscalYear(T, 4);

beforeAll(async () => {
  await seedDemoData(T);
  const db = await getDb();
  // Edge cases of the training rule the demo may not hold.
  const [dept] = await db.insert(departments).values({ code: "ZZ1", name: "境界テスト部" }).returning();
  const [course] = await db
    .insert(courses)
    .values({ code: "ZZ-DISPATCH", title: "派遣向け研修", audienceAll: false, audienceDepartmentIds: [dept.id], audienceEmploymentTypes: ["dispatched"], recurrenceMonths: 1, newHireDueDays: 0, requiredFrom: "2020-01-31" })
    .returning();
  const emps = await db
    .insert(employees)
    .values([
      // Leaves today: still employed today (the leave date is the last day of employment).
      { employeeNumber: "ZZ001", name: "本日 退職", departmentId: dept.id, employmentType: "dispatched", hireDate: "2020-01-31", leaveDate: T },
      // A blank exemption reason (full-width space) is no exemption.
      { employeeNumber: "ZZ002", name: "空白 免除", departmentId: dept.id, employmentType: "dispatched", hireDate: "2020-01-31", exemptionReason: "\u3000 " },
      // Not dispatched: the course is not required of them.
      { employeeNumber: "ZZ003", name: "正社員 太郎", departmentId: dept.id, employmentType: "regular", hireDate: "2020-01-31" },
    ])
    .returning();
  await db.insert(trainingRecords).values([
    // Passed on a month end: month-end clamping of the one-month recurrence decides the status.
    { employeeId: emps[0].id, courseId: course.id, completedOn: addDays(T, -31), passed: true, method: "e_learning" },
    { employeeId: emps[1].id, courseId: course.id, completedOn: addDays(T, -3), passed: false, method: "e_learning" },
  ]);
});

async function summary(query = "") {
  const r = await call(summaryRoute, "GET", `/api/v1/dashboard/summary${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Awaited<ReturnType<typeof getDashboardSummary>>;
}

describe("training completion: one SQL aggregate, the same numbers as lib/training/status.ts", () => {
  it("overall and per department equal the training-status module's summary for the current and past fiscal years", async () => {
    await signInAs("executive");
    for (const fy of [FY, FY - 1, FY - 2]) {
      const dash = await summary(`?fy=${fy}`);
      const mod = await getTrainingStatusSummary({ fiscalYear: fy }, T);
      expect(dash.fiscalYear).toBe(fy);
      expect(dash.training.asOf).toBe(mod.asOf);
      const { required, compliant, dueSoon, overdue, exempt, rate } = dash.training;
      expect({ required, compliant, dueSoon, overdue, exempt, rate }).toEqual(mod.overall);
      expect(dash.training.byDepartment.map(({ id, required, compliant, dueSoon, overdue, exempt }) => ({ id, required, compliant, dueSoon, overdue, exempt }))).toEqual(
        mod.byDepartment.map((d) => ({ id: d.department.id, required: d.required, compliant: d.compliant, dueSoon: d.dueSoon, overdue: d.overdue, exempt: d.exempt })),
      );
    }
    const dash = await summary();
    expect(dash.training.required).toBeGreaterThan(0);
    expect(dash.training.href).toBe(`/training/status?fiscalYear=${FY}`);
    expect(dash.training.overdueHref).toBe(`/training/status?fiscalYear=${FY}&status=overdue`);
  });

  it("each month of the trend (the score's training indicator) equals the module's status taken on that month end", async () => {
    const trend = await getComplianceScoreTrend({ fiscalYear: FY, today: T });
    const days = trendDays(FY, 4, T);
    expect(trend.months.map((p) => p.asOf)).toEqual(days.map((d) => d.asOf));
    for (const p of trend.months) {
      const mod = await getTrainingStatusSummary({ fiscalYear: FY }, p.asOf);
      expect(p.details.training, p.asOf).toEqual({ required: mod.overall.required, compliant: mod.overall.compliant });
      expect(p.indicators.training).toBe(mod.overall.rate);
    }
    expect(trend.months.at(-1)!.asOf).toBe(T);
  });

  it("equals lib/training/status.ts run directly over every stored row (buildStatusRows → completionRate), day by day", async () => {
    const db = await getDb();
    const [emps, crs, recs, depts] = await Promise.all([db.select().from(employees), db.select().from(courses), db.select().from(trainingRecords), db.select().from(departments)]);
    const deptOf = new Map(depts.map((d) => [d.id, { id: d.id, code: d.code, name: d.name }]));
    for (const day of [addDays(T, -400), addDays(T, -31), T]) {
      const lastPassed = new Map<string, string>();
      for (const r of recs) {
        if (!r.passed || r.retiredAt || r.completedOn > day) continue;
        const k = lastPassedKey(r.employeeId, r.courseId);
        if (!lastPassed.has(k) || lastPassed.get(k)! < r.completedOn) lastPassed.set(k, r.completedOn);
      }
      const rows = buildStatusRows({ asOf: day, employees: emps.map((e) => ({ ...e, department: deptOf.get(e.departmentId)! })), courses: crs, lastPassed });
      const js = completionRate(rows.map((r) => r.status));
      const sqlRows = await trainingStatusCounts([day]);
      const by = (st: string) => sqlRows.filter((r) => r.status === st).reduce((a, r) => a + r.n, 0);
      expect({ compliant: by("compliant"), dueSoon: by("due_soon"), overdue: by("overdue"), exempt: by("exempt") }, day).toEqual({
        compliant: js.compliant,
        dueSoon: js.dueSoon,
        overdue: js.overdue,
        exempt: js.exempt,
      });
    }
  });

  it("several days in one statement give what each day gives alone", async () => {
    const days = [addDays(T, -400), addDays(T, -40), T];
    const together = await trainingStatusCounts(days);
    for (const [i, day] of days.entries()) {
      const alone = await trainingStatusCounts([day]);
      const strip = (rows: typeof alone) => rows.map(({ departmentId, status, n }) => `${departmentId}:${status}:${n}`).sort();
      expect(strip(together.filter((r) => r.ord === i + 1))).toEqual(strip(alone));
    }
  });
});

describe("the other cards equal the modules' lists", () => {
  it("regulations overdue and due soon", async () => {
    const dash = await summary();
    const overdue = await listRegulations(listRegulationsQuery.parse({ dueState: "overdue" }), T);
    const soon = await listRegulations(listRegulationsQuery.parse({ dueState: "due_soon" }), T);
    expect(dash.regulations.overdue).toBe(overdue.total);
    expect(dash.regulations.dueSoon).toBe(soon.total);
    expect(dash.regulations.overdueHref).toBe("/regulations?dueState=overdue");
  });

  it("open incidents by severity, reportable this FY, late reports and the next deadline", async () => {
    const dash = await summary();
    for (const s of dash.incidents.openBySeverity) {
      const mod = await listIncidents(listIncidentsQuery.parse({ status: "open", severity: s.severity }), T);
      expect(s.count, s.severity).toBe(mod.total);
      expect(s.href).toBe(`/incidents?status=open&severity=${s.severity}`);
    }
    expect(dash.incidents.openBySeverity.map((s) => s.severity)).toEqual([...INCIDENT_SEVERITIES]);
    expect(dash.incidents.open).toBe((await listIncidents(listIncidentsQuery.parse({ status: "open" }), T)).total);
    expect(dash.incidents.reportableThisFy).toBe((await listIncidents(listIncidentsQuery.parse({ reportable: "true", fy: FY }), T)).total);
    expect(dash.incidents.lateReports).toBe((await listIncidents(listIncidentsQuery.parse({ overdue: "true" }), T)).total);
    const due = await listDueNow(1, T);
    if (due.items[0]) {
      expect(dash.incidents.nextDeadline).toMatchObject({ dueOn: due.items[0].dueOn, state: due.items[0].state });
      expect(dash.incidents.nextDeadline!.href).toMatch(/^\/incidents\/\d+$/);
    } else expect(dash.incidents.nextDeadline).toBeNull();
    const all = await listIncidents(listIncidentsQuery.parse({ fy: FY, pageSize: 100 }), T);
    expect(dash.incidents.perMonth.reduce((a, m) => a + m.count, 0)).toBe(all.total);
    expect(dash.incidents.perMonth).toHaveLength(12);
  });

  it("contractors unassessed, periodic assessment overdue, certification expired", async () => {
    const dash = await summary();
    expect(dash.contractors.unassessed).toBe((await listContractors(listContractorsQuery.parse({ result: "none" }), T)).total);
    expect(dash.contractors.assessmentOverdue).toBe((await listContractors(listContractorsQuery.parse({ flag: "assessment_overdue" }), T)).total);
    expect(dash.contractors.certificationExpired).toBe((await listContractors(listContractorsQuery.parse({ flag: "certification_expired" }), T)).total);
    expect(dash.contractors.total).toBe((await listContractors(listContractorsQuery.parse({}), T)).total);
  });

  it("audits planned vs done, management review, nonconformities and overdue corrective actions", async () => {
    const dash = await summary();
    const stats = await auditStats(FY, T);
    expect(dash.audits.internalPlanned).toBe(stats.indicators.internalAuditsPlanned);
    expect(dash.audits.internalDone).toBe(stats.indicators.internalAuditsDone);
    expect(dash.audits.managementReviewsHeld).toBe(stats.indicators.managementReviewsHeld);
    expect(dash.audits.managementReviewMet).toBe(stats.indicators.managementReviewMet);
    expect(dash.audits.planned).toBeGreaterThanOrEqual(dash.audits.internalPlanned);
    expect(dash.audits.findings.overdueActions).toBe(stats.overdueActions);
    expect(dash.audits.findings.overdueActions).toBe((await listFindings(listFindingsQuery.parse({ overdue: "true" }), T)).total);
    for (const grade of ["major_nc", "minor_nc"] as const) {
      let unverified = 0;
      for (const status of FINDING_STATUSES.filter((s) => s !== "verified")) unverified += (await listFindings(listFindingsQuery.parse({ grade, status }), T)).total;
      expect(grade === "major_nc" ? dash.audits.findings.majorUnverified : dash.audits.findings.minorUnverified, grade).toBe(unverified);
    }
  });

  it("P-mark window and empty PMS posts", async () => {
    const dash = await summary();
    const cert = await getCurrentCertificate(T);
    expect(dash.pmark.window).toEqual(cert.current?.window ?? null);
    expect(dash.pmark.certificateNumber).toBe(cert.current?.certificateNumber ?? null);
    expect(dash.pmsPosts.vacant).toBe((await listPosts({ asOf: T })).gaps);
  });
});

describe("the compliance score", () => {
  it("answers one point per month of the FY so far, each 0–100 with a band, recomputed from the records", async () => {
    await signInAs("hr");
    const r = await call(scoreRoute, "GET", `/api/v1/dashboard/score?fy=${FY}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const body = r.body as Awaited<ReturnType<typeof getComplianceScoreTrend>>;
    expect(body.months.map((m) => m.asOf)).toEqual(trendDays(FY, 4, T).map((d) => d.asOf));
    for (const m of body.months) {
      if (m.score === null) continue;
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
      expect(["good", "attention", "critical"]).toContain(m.band);
      // The points add up to the score.
      const pts = SCORE_INDICATORS.reduce((a, k) => a + (m.points[k] ?? 0), 0);
      expect(Math.abs(pts - m.score)).toBeLessThanOrEqual(1);
    }
    // Today's training indicator is the dashboard's completion rate.
    const dash = await getDashboardSummary({ today: T });
    expect(body.current!.indicators.training).toBe(dash.training.rate);
    expect(body.current!.asOf).toBe(T);
    // A past FY has all twelve month ends.
    const past = await getComplianceScoreTrend({ fiscalYear: FY - 1, today: T });
    expect(past.months).toHaveLength(12);
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe("access and input", () => {
  it("401 signed out; every role may read; 400 on a malformed fy", async () => {
    await signInAs(null);
    expect((await call(summaryRoute, "GET", "/api/v1/dashboard/summary")).status).toBe(401);
    expect((await call(scoreRoute, "GET", "/api/v1/dashboard/score")).status).toBe(401);
    for (const role of ["privacy_manager", "hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(summaryRoute, "GET", "/api/v1/dashboard/summary")).status, role).toBe(200);
    }
    expect((await call(summaryRoute, "GET", "/api/v1/dashboard/summary?fy=abc")).status).toBe(400);
    expect((await call(scoreRoute, "GET", "/api/v1/dashboard/score?fy=20260")).status).toBe(400);
  });
});
