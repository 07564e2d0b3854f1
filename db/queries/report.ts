import "server-only";
import { and, asc, count, eq, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { managementReviewActions, managementReviews, users } from "@/db/schema";
import { listFindingsQuery, listManagementReviewsQuery } from "@/lib/audits/schema";
import { listContractorsQuery } from "@/lib/contractors/schema";
import { todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import { exportIncidentsQuery } from "@/lib/incidents/schema";
import { listRegulationsQuery } from "@/lib/regulations/schema";
import { auditFigures, capList, incidentFigures, overdueByDepartment } from "@/lib/report/shape";
import { auditStats, listFindings } from "./audits";
import { contractorStats, listContractors } from "./contractors";
import { incidentStats, listIncidentsForExport } from "./incidents";
import { listManagementReviews } from "./management-reviews";
import { getCurrentCertificate } from "./pmark";
import { listPosts } from "./pms-structure";
import { getRegulationSummary, listRegulations } from "./regulations";
import { getFiscalYearStartMonth, getOrganization } from "./settings";
import { getTrainingStatusSummary } from "./training-status";

/**
 * The management-review report マネジメントレビュー資料: the figures of one fiscal year and the
 * open items of today, read through the same query functions the module pages use (so the
 * numbers agree with them), then shaped by lib/report. Only what no module reads is queried here.
 */

/** How many rows each open-item list shows; the rest is "and N more" with a link to the module's list. */
export const OPEN_ITEM_LIMIT = 10;

export type OpenReviewAction = {
  id: number;
  reviewId: number;
  reviewTitle: string;
  reviewHeldOn: string;
  description: string;
  ownerLabel: string;
  dueDate: string | null;
  overdue: boolean;
};

/**
 * Actions decided at management reviews held on or before `today` and still open (JIS Q 15001 asks
 * the next review to follow them up), earliest due first, those without a due date last.
 */
export async function listOpenReviewActions(limit: number, today = todayInTokyo()): Promise<{ items: OpenReviewAction[]; total: number }> {
  const db = await getDb();
  const cond = and(
    isNull(managementReviewActions.retiredAt),
    isNull(managementReviews.retiredAt),
    eq(managementReviewActions.status, "open"),
    lte(managementReviews.heldOn, today),
  );
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: managementReviewActions.id,
        reviewId: managementReviews.id,
        reviewTitle: managementReviews.title,
        reviewHeldOn: managementReviews.heldOn,
        description: managementReviewActions.description,
        ownerUserName: users.name,
        ownerName: managementReviewActions.ownerName,
        dueDate: managementReviewActions.dueDate,
      })
      .from(managementReviewActions)
      .innerJoin(managementReviews, eq(managementReviews.id, managementReviewActions.reviewId))
      .leftJoin(users, eq(users.id, managementReviewActions.ownerUserId))
      .where(cond)
      .orderBy(sql`${managementReviewActions.dueDate} is null`, asc(managementReviewActions.dueDate), asc(managementReviewActions.id))
      .limit(limit),
    db.select({ n: count() }).from(managementReviewActions).innerJoin(managementReviews, eq(managementReviews.id, managementReviewActions.reviewId)).where(cond),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reviewId: r.reviewId,
      reviewTitle: r.reviewTitle,
      reviewHeldOn: r.reviewHeldOn,
      description: r.description,
      ownerLabel: r.ownerUserName ?? r.ownerName ?? "",
      dueDate: r.dueDate,
      overdue: r.dueDate !== null && r.dueDate < today,
    })),
    total: Number(n),
  };
}

export async function getManagementReviewReport(fiscalYear: number | undefined, today = todayInTokyo()) {
  const [startMonth, organization] = await Promise.all([getFiscalYearStartMonth(), getOrganization()]);
  const currentFy = currentFiscalYear(today, startMonth);
  const fy = fiscalYear ?? currentFy;
  const period = fiscalYearRange(fy, startMonth);
  const pageOf = { page: 1, pageSize: OPEN_ITEM_LIMIT };

  const [training, regulationSummary, overdueRegulations, incidentMonthly, fyIncidents, openIncidents, contractors, flaggedContractors, audits, overdueFindings, fyReviews, openActions, pmark, posts] =
    await Promise.all([
      getTrainingStatusSummary({ fiscalYear: fy }, today),
      getRegulationSummary(fy, today),
      listRegulations(listRegulationsQuery.parse({ ...pageOf, dueState: "overdue", sort: "nextReviewDue", dir: "asc" }), today),
      incidentStats(fy, today),
      listIncidentsForExport(exportIncidentsQuery.parse({ fy, sort: "discoveredAt", dir: "asc" }), today),
      listIncidentsForExport(exportIncidentsQuery.parse({ status: "open", sort: "nextDue", dir: "asc" }), today),
      contractorStats(fy, startMonth, today),
      listContractors(listContractorsQuery.parse({ ...pageOf, flag: "any", sort: "name", dir: "asc" }), today),
      auditStats(fy, today),
      listFindings(listFindingsQuery.parse({ ...pageOf, overdue: "true", sort: "dueDate", dir: "asc" }), today),
      listManagementReviews(listManagementReviewsQuery.parse({ page: 1, pageSize: 20, fy, dir: "desc" })),
      listOpenReviewActions(OPEN_ITEM_LIMIT, today),
      getCurrentCertificate(today),
      listPosts({ asOf: today }),
    ]);

  // The inputs recorded at the latest review of the year, else of the year before (for the follow-up).
  const latestReview = fyReviews.items[0] ?? (await listManagementReviews(listManagementReviewsQuery.parse({ page: 1, pageSize: 1, fy: fy - 1, dir: "desc" }))).items[0] ?? null;

  const assessed = contractors.results.approved + contractors.results.conditional + contractors.results.rejected;
  return {
    fiscalYear: fy,
    currentFiscalYear: currentFy,
    /** The organisation's name and representative from Settings (empty strings until entered). */
    organization: { name: organization.name, representative: organization.representative },
    period,
    today,
    fiscalYears: training.fiscalYears,
    training: {
      asOf: training.asOf,
      overall: training.overall,
      byDepartment: training.byDepartment,
      byCourse: training.byCourse,
      overdueByDepartment: capList(overdueByDepartment(training.byDepartment), 15),
    },
    regulations: {
      counts: regulationSummary.counts,
      reviewedInYear: regulationSummary.reviewed.reduce((s, m) => s + m.count, 0),
      overdue: capList(overdueRegulations.items, OPEN_ITEM_LIMIT, overdueRegulations.total),
    },
    incidents: {
      figures: incidentFigures(fyIncidents),
      months: incidentMonthly.months.map((m) => ({ month: m.month, total: m.total })),
      openBySeverity: incidentMonthly.openBySeverity,
      averageContainmentDays: incidentMonthly.averageContainmentDays,
      open: capList(
        openIncidents.map((i) => ({ id: i.id, reference: i.reference, title: i.title, severity: i.severity, status: i.status, nextDue: i.nextDue, overdue: i.overdue })),
        OPEN_ITEM_LIMIT,
      ),
    },
    contractors: {
      total: assessed + contractors.results.none,
      assessed,
      unassessed: contractors.results.none,
      results: contractors.results,
      flagged: contractors.flagged,
      flags: contractors.flags,
      flaggedList: capList(
        flaggedContractors.items.map((c) => ({ id: c.id, name: c.name, status: c.status, flags: c.flags })),
        OPEN_ITEM_LIMIT,
        flaggedContractors.total,
      ),
    },
    audits: {
      figures: auditFigures(audits),
      indicators: audits.indicators,
      overdueActions: audits.overdueActions,
      overdueReviewActions: audits.overdueReviewActions,
      overdueFindings: capList(
        overdueFindings.items.map((f) => ({
          id: f.id,
          auditId: f.auditId,
          auditTitle: f.auditTitle,
          grade: f.grade,
          status: f.status,
          departmentName: f.departmentName,
          description: f.description,
          ownerLabel: f.ownerLabel,
          dueDate: f.dueDate,
        })),
        OPEN_ITEM_LIMIT,
        overdueFindings.total,
      ),
    },
    managementReviews: {
      inYear: fyReviews.items.map((r) => ({ id: r.id, heldOn: r.heldOn, title: r.title, openActionCount: r.openActionCount })),
      latest: latestReview,
      openActions: capList(openActions.items, OPEN_ITEM_LIMIT, openActions.total),
    },
    pmark: pmark.current,
    structure: {
      posts: posts.total,
      gaps: posts.items.filter((p) => p.gap && !p.retiredAt).map((p) => ({ id: p.id, title: p.title, departmentName: p.departmentName })),
    },
  };
}

export type ManagementReviewReport = Awaited<ReturnType<typeof getManagementReviewReport>>;
