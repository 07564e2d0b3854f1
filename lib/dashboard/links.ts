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
  pmsStructure: () => "/regulations/structure",
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
  managementReviews: () => "/audits/management-reviews",
  pmark: () => "/audits/pmark",
  score: (fy?: number) => url("/dashboard/score", { fy }),
} as const;
