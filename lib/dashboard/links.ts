import type { DashboardSummaryDto } from "./schema";

/**
 * Where each dashboard figure drills down to: the existing list pages with their own URL filters
 * (the same parameters those pages read), so the number on the card is the count the list shows.
 */

function url(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const dashboardLinks = {
  /** /training/status reads fiscalYear, status, department (components/training/status/filters.ts). */
  trainingStatus: (fy: number, opts: { status?: string; department?: number } = {}) =>
    url("/training/status", { fiscalYear: fy, status: opts.status, department: opts.department }),
  /** /regulations reads dueState (overdue, due_soon …). */
  regulations: (dueState?: string) => url("/regulations", { dueState }),
  /** /regulations/structure reads vacant ("true": only the posts nobody holds today). */
  pmsVacant: () => url("/regulations/structure", { vacant: "true" }),
  /** /incidents reads status (or "open"), severity, reportable, overdue, fy. */
  incidents: (opts: { status?: string; severity?: string; reportable?: boolean; overdue?: boolean; fy?: number } = {}) =>
    url("/incidents", {
      status: opts.status,
      severity: opts.severity,
      reportable: opts.reportable === undefined ? undefined : String(opts.reportable),
      overdue: opts.overdue === undefined ? undefined : String(opts.overdue),
      fy: opts.fy,
    }),
  incident: (id: number) => `/incidents/${id}`,
  /** /contractors reads flag and result ("none": never assessed). */
  contractors: (opts: { flag?: string; result?: string } = {}) => url("/contractors", { flag: opts.flag, result: opts.result }),
  /** /audits reads fy, type, status. */
  audits: (fy: number, opts: { status?: string; type?: string } = {}) => url("/audits", { fy, status: opts.status, type: opts.type }),
  /** /audits/findings reads grade, status, overdue, fy. */
  findings: (opts: { grade?: string; status?: string; overdue?: boolean } = {}) =>
    url("/audits/findings", { grade: opts.grade, status: opts.status, overdue: opts.overdue === undefined ? undefined : String(opts.overdue) }),
  /** /audits/management-reviews reads fy and held ("true": held on or before today). */
  managementReviews: (fy: number) => url("/audits/management-reviews", { fy, held: "true" }),
  pmark: () => "/audits/pmark",
  /** The calendar's year view with only the evidence expiry dates (a page, not a list: no count to compare). */
  evidenceExpiry: () => url("/audits/calendar", { view: "year", types: "evidence" }),
  /** /notifications/deliveries reads failing ("true": given up or waiting after a failed attempt). */
  notificationsFailing: () => url("/notifications/deliveries", { failing: "true" }),
  /** /register reads overdue and sensitive ("true"). */
  registerItems: (opts: { overdue?: boolean; sensitive?: boolean } = {}) =>
    url("/register", { overdue: opts.overdue === undefined ? undefined : String(opts.overdue), sensitive: opts.sensitive === undefined ? undefined : String(opts.sensitive) }),
  /** /requests reads stage ("open" …) and late ("true"). */
  requests: (opts: { stage?: string; late?: boolean } = {}) => url("/requests", { stage: opts.stage, late: opts.late === undefined ? undefined : String(opts.late) }),
  request: (id: number) => `/requests/${id}`,
  /** /provisions reads retention (disposable …). */
  provisions: (opts: { retention?: string } = {}) => url("/provisions", { retention: opts.retention }),
  /** /register/risks/list reads high and accepted ("true" / "false"). */
  registerRisks: (opts: { high?: boolean; accepted?: boolean } = {}) =>
    url("/register/risks/list", { high: opts.high === undefined ? undefined : String(opts.high), accepted: opts.accepted === undefined ? undefined : String(opts.accepted) }),
  score: (fy?: number) => url("/dashboard/score", { fy }),
} as const;

/** One figure on the dashboard that opens a list: the list at `href` shows `count` rows. */
export type Drilldown = { id: string; count: number; href: string };

/**
 * Every figure of the dashboard summary that opens a list, with the count that list must show (the
 * ids are the KPI cards' test ids). The drill-down test (tests/integration/dashboard-drilldowns.test.ts)
 * follows each href to the list's API and compares its total, and checks that every link in the
 * summary is listed here; figures that open a page rather than a list (the score, the P-mark
 * certificate, an incident) have no count.
 */
export function dashboardDrilldowns(s: DashboardSummaryDto): Drilldown[] {
  const tr = s.training;
  const inc = s.incidents;
  const a = s.audits;
  return [
    // The completion rate is compliant / required: its list is every required row of the year.
    { id: "training-completion", count: tr.required + tr.exempt, href: tr.href },
    { id: "training-compliant", count: tr.compliant, href: tr.compliantHref },
    { id: "training-overdue", count: tr.overdue, href: tr.overdueHref },
    { id: "training-due-soon", count: tr.dueSoon, href: tr.dueSoonHref },
    ...tr.byDepartment.map((d) => ({ id: `training-department-${d.code}`, count: d.required + d.exempt, href: d.href })),
    { id: "incidents-open", count: inc.open, href: inc.openHref },
    ...inc.openBySeverity.map((x) => ({ id: `incidents-open-${x.severity}`, count: x.count, href: x.href })),
    { id: "incidents-late", count: inc.lateReports, href: inc.lateReportsHref },
    { id: "incidents-reportable", count: inc.reportableThisFy, href: inc.reportableHref },
    { id: "incidents-per-month", count: inc.perMonth.reduce((n, m) => n + m.count, 0), href: inc.perMonthHref },
    { id: "regulations-overdue", count: s.regulations.overdue, href: s.regulations.overdueHref },
    { id: "regulations-due-soon", count: s.regulations.dueSoon, href: s.regulations.dueSoonHref },
    { id: "posts-vacant", count: s.pmsPosts.vacant, href: s.pmsPosts.href },
    { id: "contractors-unassessed", count: s.contractors.unassessed, href: s.contractors.unassessedHref },
    { id: "contractors-overdue", count: s.contractors.assessmentOverdue, href: s.contractors.assessmentOverdueHref },
    { id: "contractors-cert-expired", count: s.contractors.certificationExpired, href: s.contractors.certificationExpiredHref },
    { id: "audits-done", count: a.planned, href: a.href },
    { id: "management-review", count: a.managementReviewsHeld, href: a.managementReviewHref },
    { id: "findings-overdue", count: a.findings.overdueActions, href: a.findings.overdueActionsHref },
    { id: "findings-major", count: a.findings.majorUnverified, href: a.findings.majorHref },
    { id: "findings-minor", count: a.findings.minorUnverified, href: a.findings.minorHref },
    { id: "notifications-failing", count: s.notifications.failing, href: s.notifications.href },
    { id: "requests-open", count: s.requests.open, href: s.requests.openHref },
    { id: "requests-late", count: s.requests.late, href: s.requests.lateHref },
    { id: "provisions-disposable", count: s.requests.provisionsDisposable, href: s.requests.provisionsDisposableHref },
    { id: "register-overdue", count: s.register.overdue, href: s.register.overdueHref },
    { id: "register-sensitive", count: s.register.sensitive, href: s.register.sensitiveHref },
    { id: "register-high-risks", count: s.register.highRisksNotAccepted, href: s.register.highRisksHref },
  ];
}
