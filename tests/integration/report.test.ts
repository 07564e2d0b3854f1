import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { auditStats } from "@/db/queries/audits";
import { contractorStats } from "@/db/queries/contractors";
import { listIncidents } from "@/db/queries/incidents";
import { createManagementReview, createReviewAction, listManagementReviews, updateReviewAction } from "@/db/queries/management-reviews";
import { listPosts } from "@/db/queries/pms-structure";
import { getRegulationSummary } from "@/db/queries/regulations";
import { getManagementReviewReport, listOpenReviewActions, OPEN_ITEM_LIMIT } from "@/db/queries/report";
import { getTrainingStatusSummary } from "@/db/queries/training-status";
import type { SessionUser } from "@/lib/auth/roles";
import { listManagementReviewsQuery } from "@/lib/audits/schema";
import { listIncidentsQuery } from "@/lib/incidents/schema";
import { seedDemoData } from "../support/demo-data";

const TODAY = "2026-11-24";
let manager: SessionUser;

beforeAll(async () => {
  await seedDemoData(TODAY);
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.email, "manager@example.com"));
  manager = { id: u.id, email: u.email, name: u.name, role: u.role! };
});

describe("the management-review report's figures are the modules' figures", () => {
  it("takes the current fiscal year by default, with its period", async () => {
    const r = await getManagementReviewReport(undefined, TODAY);
    expect(r.fiscalYear).toBe(2026);
    expect(r.period).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(r.fiscalYears).toContain(2026);
  });

  it("training, regulations, incidents, contractors, audits and structure agree with the module queries", async () => {
    const [r, training, regs, incidents, contractors, audits, posts] = await Promise.all([
      getManagementReviewReport(2026, TODAY),
      getTrainingStatusSummary({ fiscalYear: 2026 }, TODAY),
      getRegulationSummary(2026, TODAY),
      listIncidents(listIncidentsQuery.parse({ fy: 2026, pageSize: 200 }), TODAY),
      contractorStats(2026, 4, TODAY),
      auditStats(2026, TODAY),
      listPosts({ asOf: TODAY }),
    ]);
    expect(r.training.overall).toEqual(training.overall);
    expect(r.training.overdueByDepartment.total).toBe(training.byDepartment.filter((d) => d.overdue > 0).length);
    const overdueShown = r.training.overdueByDepartment.items.map((d) => d.overdue);
    expect(overdueShown).toEqual([...overdueShown].sort((a, b) => b - a));

    expect(r.regulations.counts).toEqual(regs.counts);
    expect(r.regulations.overdue.total).toBe(regs.counts.overdue);
    const dues = r.regulations.overdue.items.map((x) => x.nextReviewDue!);
    expect(dues).toEqual([...dues].sort());
    expect(dues.every((d) => d < TODAY)).toBe(true);

    expect(r.incidents.figures.total).toBe(incidents.total);
    expect(r.incidents.figures.total).toBeGreaterThan(0);
    expect(r.incidents.figures.byCategory.reduce((s, c) => s + c.total, 0)).toBe(incidents.total);
    for (const c of r.incidents.figures.byCategory) expect(c.total, c.category).toBe(incidents.items.filter((i) => i.category === c.category).length);
    // Every incident has its two P-mark reports; each is counted once, in one column.
    const pmark = r.incidents.figures.reports.find((x) => x.key === "pmarkPreliminary")!;
    expect(pmark.onTime + pmark.late + pmark.overdue + pmark.notYetDue).toBe(incidents.total);
    // Open incidents: not closed, those with a deadline first, earliest first.
    const due = r.incidents.open.items.map((i) => i.nextDue ?? "9999-12-31");
    expect(due).toEqual([...due].sort());
    expect(r.incidents.open.items.every((i) => i.status !== "closed")).toBe(true);

    expect(r.contractors.flagged).toBe(contractors.flagged);
    expect(r.contractors.flaggedList.total).toBe(contractors.flagged);
    expect(r.contractors.flaggedList.items.every((c) => c.flags.length > 0)).toBe(true);
    expect(r.contractors.assessed + r.contractors.unassessed).toBe(r.contractors.total);

    expect(r.audits.figures.planned).toBe(audits.quarters.reduce((s, q) => s + q.planned, 0));
    expect(r.audits.figures.findingsTotal).toBe(audits.findingsByGrade.reduce((s, g) => s + g.open + g.action_planned + g.done + g.verified, 0));
    expect(r.audits.overdueFindings.total).toBe(audits.overdueActions);

    expect(r.structure.gaps.length).toBe(posts.gaps);
    expect(r.pmark?.certificateNumber).toBeTruthy();
  });

  it("shows the inputs of the latest review of the year, else of the year before", async () => {
    const reviews2025 = await listManagementReviews(listManagementReviewsQuery.parse({ fy: 2025 }));
    const r2026 = await getManagementReviewReport(2026, TODAY);
    expect(r2026.managementReviews.inYear).toEqual([]);
    expect(r2026.managementReviews.latest?.id).toBe(reviews2025.items[0].id);
    const r2025 = await getManagementReviewReport(2025, TODAY);
    expect(r2025.fiscalYear).toBe(2025);
    expect(r2025.managementReviews.inYear.map((x) => x.id)).toEqual(reviews2025.items.map((x) => x.id));
  });
});

describe("listOpenReviewActions", () => {
  it("lists open actions of earlier reviews, earliest due first, caps them, and drops what is done", async () => {
    const before = await listOpenReviewActions(OPEN_ITEM_LIMIT, TODAY);
    const review = await createManagementReview(manager, {
      heldOn: "2026-10-01",
      title: "臨時マネジメントレビュー",
      participants: "代表取締役、個人情報保護管理者",
      inputAuditResults: null,
      inputIncidents: null,
      inputTraining: null,
      inputContractors: null,
      inputLawChanges: null,
      inputOther: null,
      decisions: null,
    });
    const early = await createReviewAction(manager, review.review.id, { description: "最も早い期限の処置", ownerUserId: null, ownerName: "総務部長", dueDate: "2026-01-05" }, TODAY);
    for (let i = 0; i < OPEN_ITEM_LIMIT; i++) {
      await createReviewAction(manager, review.review.id, { description: `処置 ${i}`, ownerUserId: manager.id, ownerName: null, dueDate: null }, TODAY);
    }
    const after = await listOpenReviewActions(OPEN_ITEM_LIMIT, TODAY);
    expect(after.total).toBe(before.total + OPEN_ITEM_LIMIT + 1);
    expect(after.items).toHaveLength(OPEN_ITEM_LIMIT);
    expect(after.items[0]).toMatchObject({ id: early.id, ownerLabel: "総務部長", overdue: true, reviewTitle: "臨時マネジメントレビュー", reviewHeldOn: "2026-10-01" });
    // Without a due date: last.
    const dueDates = after.items.map((a) => a.dueDate ?? "9999-12-31");
    expect(dueDates).toEqual([...dueDates].sort());

    const report = await getManagementReviewReport(2026, TODAY);
    expect(report.managementReviews.openActions).toMatchObject({ total: after.total, more: after.total - OPEN_ITEM_LIMIT });

    await updateReviewAction(
      manager,
      early.id,
      { description: early.description, ownerUserId: null, ownerName: "総務部長", dueDate: "2026-01-05", status: "done", doneOn: TODAY, note: null, version: early.version },
      TODAY,
    );
    const done = await listOpenReviewActions(OPEN_ITEM_LIMIT, TODAY);
    expect(done.total).toBe(after.total - 1);
    expect(done.items.some((a) => a.id === early.id)).toBe(false);
  });

  it("leaves out reviews not yet held", async () => {
    const review = await createManagementReview(manager, {
      heldOn: "2027-02-01",
      title: "予定のレビュー",
      participants: "代表取締役",
      inputAuditResults: null,
      inputIncidents: null,
      inputTraining: null,
      inputContractors: null,
      inputLawChanges: null,
      inputOther: null,
      decisions: null,
    });
    const before = await listOpenReviewActions(OPEN_ITEM_LIMIT, TODAY);
    await createReviewAction(manager, review.review.id, { description: "将来の処置", ownerUserId: null, ownerName: "x", dueDate: "2026-12-01" }, TODAY);
    expect((await listOpenReviewActions(OPEN_ITEM_LIMIT, TODAY)).total).toBe(before.total);
  });
});
