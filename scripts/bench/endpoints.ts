/**
 * What the latency step measures: each API endpoint with the query a user's first page load sends,
 * and (in direct.ts) the db/queries function its route handler calls with the same parsed query.
 * Paths and parameters follow lib/api/contracts/*.ts.
 */
export type EndpointKey =
  | "dashboardSummary"
  | "complianceScore"
  | "trainingStatus"
  | "trainingStatusSummary"
  | "trainingRecords"
  | "incidents"
  | "incidentsDue"
  | "incidentStats"
  | "contractors"
  | "contractorStats"
  | "findings"
  | "audits"
  | "auditStats"
  | "managementReviews"
  | "regulations"
  | "regulationSummary"
  | "employees"
  | "departments"
  | "courses"
  | "pmsPosts"
  | "registerItems"
  | "registerRisks"
  | "registerHeatMap";

/**
 * What the endpoint is held to (README "Scale and benchmark", issue 14): a list or a summary answers
 * within 100 ms at p95 at 10× and within 2× the database's own time for the same work; the score
 * trend within 200 ms; the dashboard summary within 1.5× its database time.
 */
export type EndpointKind = "dashboard" | "score" | "list" | "summary";

export type Endpoint = { key: EndpointKey; kind: EndpointKind; label: string; path: string; query: string; queryFn: string };

export const ENDPOINTS: Endpoint[] = [
  { key: "dashboardSummary", kind: "dashboard", label: "dashboard summary", path: "/api/v1/dashboard/summary", query: "", queryFn: "db/queries/dashboard getDashboardSummary" },
  { key: "complianceScore", kind: "score", label: "compliance score trend", path: "/api/v1/dashboard/score", query: "", queryFn: "db/queries/dashboard getComplianceScoreTrend" },
  { key: "trainingStatus", kind: "list", label: "training status list p.1", path: "/api/v1/training-status", query: "page=1", queryFn: "db/queries/training-status.ts listTrainingStatus" },
  { key: "trainingStatusSummary", kind: "summary", label: "training status summary", path: "/api/v1/training-status/summary", query: "", queryFn: "db/queries/training-status.ts getTrainingStatusSummary" },
  { key: "trainingRecords", kind: "list", label: "training records list p.1", path: "/api/v1/training-records", query: "page=1", queryFn: "db/queries/training-records.ts listTrainingRecords" },
  { key: "incidents", kind: "list", label: "incidents list p.1", path: "/api/v1/incidents", query: "page=1", queryFn: "db/queries/incidents.ts listIncidents" },
  { key: "incidentsDue", kind: "list", label: "incident reports due", path: "/api/v1/incidents/due", query: "", queryFn: "db/queries/incidents.ts listDueNow" },
  { key: "incidentStats", kind: "summary", label: "incident stats", path: "/api/v1/incidents/stats", query: "", queryFn: "db/queries/incidents.ts incidentStats" },
  { key: "contractors", kind: "list", label: "contractors list p.1", path: "/api/v1/contractors", query: "page=1", queryFn: "db/queries/contractors.ts listContractors" },
  { key: "contractorStats", kind: "summary", label: "contractor stats", path: "/api/v1/contractors/stats", query: "", queryFn: "db/queries/contractors.ts contractorStats" },
  { key: "findings", kind: "list", label: "findings list p.1", path: "/api/v1/findings", query: "page=1", queryFn: "db/queries/audits.ts listFindings" },
  { key: "audits", kind: "list", label: "audits list p.1", path: "/api/v1/audits", query: "page=1", queryFn: "db/queries/audits.ts listAudits" },
  { key: "auditStats", kind: "summary", label: "audit stats", path: "/api/v1/audits/stats", query: "", queryFn: "db/queries/audits.ts auditStats" },
  { key: "managementReviews", kind: "list", label: "management reviews list", path: "/api/v1/management-reviews", query: "", queryFn: "db/queries/management-reviews.ts listManagementReviews" },
  { key: "regulations", kind: "list", label: "regulations list p.1", path: "/api/v1/regulations", query: "page=1", queryFn: "db/queries/regulations.ts listRegulations" },
  { key: "regulationSummary", kind: "summary", label: "regulations summary", path: "/api/v1/regulations/summary", query: "", queryFn: "db/queries/regulations.ts getRegulationSummary" },
  { key: "employees", kind: "list", label: "employees list p.1", path: "/api/v1/employees", query: "page=1", queryFn: "db/queries/employees.ts listEmployees" },
  { key: "departments", kind: "list", label: "departments list", path: "/api/v1/departments", query: "", queryFn: "db/queries/departments.ts listDepartments" },
  { key: "courses", kind: "list", label: "courses list", path: "/api/v1/courses", query: "", queryFn: "db/queries/courses.ts listCourses" },
  { key: "pmsPosts", kind: "list", label: "PMS posts list", path: "/api/v1/pms-posts", query: "", queryFn: "db/queries/pms-structure.ts listPosts" },
  { key: "registerItems", kind: "list", label: "register items list p.1", path: "/api/v1/register/items", query: "page=1", queryFn: "db/queries/register.ts listItems" },
  { key: "registerRisks", kind: "list", label: "register risks list p.1", path: "/api/v1/register/risks", query: "page=1", queryFn: "db/queries/register-risks.ts listRisks" },
  { key: "registerHeatMap", kind: "summary", label: "register risk heat map", path: "/api/v1/register/risks/heatmap", query: "", queryFn: "db/queries/register-risks.ts riskHeatMap" },
];

/** Measured again at 10× with 5,000 open incidents that have no report made (run.ts, step 3b). */
export const OPEN_INCIDENT_ENDPOINTS: EndpointKey[] = ["dashboardSummary", "incidents", "incidentsDue", "incidentStats"];

export function endpointUrl(baseUrl: string, e: Endpoint): string {
  return `${baseUrl}${e.path}${e.query ? `?${e.query}` : ""}`;
}

/** As lib/api/handler.ts reads a query string: repeated keys become arrays. */
export function searchParamsObject(sp: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
