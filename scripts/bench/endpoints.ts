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
  | "registerHeatMap"
  | "renewalReadiness"
  | "renewalCorrespondence"
  | "pmarkCertificate"
  | "requests"
  | "provisions"
  | "jointUses"
  | "trainingSessions"
  | "trainingEmployeeOptions"
  | "employeePicker"
  | "trainingImportHistory"
  | "registerReviews"
  | "registerPurposes"
  | "assessmentTemplates"
  | "pmsPeople"
  | "calendarEvents"
  | "notifications"
  | "notificationsUnread"
  | "notificationDeliveries"
  | "users";

/**
 * What the endpoint is held to (README "Scale and benchmark", issue 14): a list or a summary answers
 * within 100 ms at p95 at 10× and within 2× the database's own time for the same work; the score
 * trend within 200 ms; the dashboard summary within 1.5× its database time.
 */
export type EndpointKind = "dashboard" | "score" | "list" | "summary";

/**
 * signInAs: the demo user the API must be signed in as when the benchmark's reader (the executive) may
 * not read the endpoint (its contract's roles); direct.ts also passes this user to the functions that
 * take one (notifications, calendar).
 */
export type Endpoint = { key: EndpointKey; kind: EndpointKind; label: string; path: string; query: string; queryFn: string; signInAs?: string };

/** The user the benchmark reads as (run.ts signs in as this one). */
export const BENCH_READER = "executive@example.com";

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
  { key: "renewalReadiness", kind: "summary", label: "renewal readiness", path: "/api/v1/renewal/readiness", query: "", queryFn: "db/queries/renewal-readiness.ts getRenewalReadiness" },
  { key: "renewalCorrespondence", kind: "list", label: "renewal correspondence table", path: "/api/v1/renewal/correspondence", query: "", queryFn: "db/queries/renewal-correspondence.ts getCorrespondence" },
  { key: "pmarkCertificate", kind: "summary", label: "P-mark certificates", path: "/api/v1/pmark-certificates", query: "", queryFn: "db/queries/pmark.ts getCurrentCertificate" },
  { key: "requests", kind: "list", label: "requests (§6) list p.1", path: "/api/v1/requests", query: "page=1", queryFn: "db/queries/requests.ts listRequests" },
  { key: "provisions", kind: "list", label: "provision records list p.1", path: "/api/v1/provision-records", query: "page=1", queryFn: "db/queries/provisions.ts listProvisions" },
  { key: "jointUses", kind: "list", label: "joint uses list", path: "/api/v1/joint-uses", query: "", queryFn: "db/queries/provisions.ts listJointUses" },
  { key: "trainingSessions", kind: "list", label: "training sessions list p.1", path: "/api/v1/training-sessions", query: "page=1", queryFn: "db/queries/training-sessions.ts listTrainingSessions" },
  // A name search reads every current employee (the worst case of the picker; a number prefix is an index range).
  { key: "employeePicker", kind: "list", label: "employee picker, name search", path: "/api/v1/employees/options", query: "q=%E5%AD%90", queryFn: "db/queries/employees.ts listEmployeePickOptions", signInAs: "manager@example.com" },
  { key: "trainingEmployeeOptions", kind: "list", label: "training records employee picker", path: "/api/v1/training-records/employee-options", query: "", queryFn: "db/queries/training-records.ts listEmployeeOptions", signInAs: "hr@example.com" },
  { key: "trainingImportHistory", kind: "list", label: "training import history", path: "/api/v1/training-records/import/history", query: "", queryFn: "db/queries/training-import.ts listRecentImports", signInAs: "hr@example.com" },
  { key: "registerReviews", kind: "list", label: "register reviews list p.1", path: "/api/v1/register/reviews", query: "page=1", queryFn: "db/queries/register.ts listReviews" },
  { key: "registerPurposes", kind: "list", label: "register purposes of use", path: "/api/v1/register/purposes", query: "", queryFn: "db/queries/register.ts listPurposes" },
  { key: "assessmentTemplates", kind: "list", label: "assessment templates", path: "/api/v1/assessment-templates", query: "", queryFn: "db/queries/assessments.ts listTemplates" },
  { key: "pmsPeople", kind: "list", label: "PMS people", path: "/api/v1/pms-posts/people", query: "", queryFn: "db/queries/pms-structure.ts listPeople", signInAs: "manager@example.com" },
  { key: "calendarEvents", kind: "list", label: "calendar events (this month)", path: "/api/v1/calendar/events", query: "", queryFn: "db/queries/calendar.ts listCalendarEvents" },
  { key: "notifications", kind: "list", label: "notifications list p.1", path: "/api/v1/notifications", query: "page=1", queryFn: "db/queries/notifications.ts listNotifications", signInAs: "manager@example.com" },
  { key: "notificationsUnread", kind: "summary", label: "notifications unread count", path: "/api/v1/notifications/unread", query: "", queryFn: "db/queries/notifications.ts unreadCount", signInAs: "manager@example.com" },
  { key: "notificationDeliveries", kind: "list", label: "notification deliveries list p.1", path: "/api/v1/notifications/deliveries", query: "page=1", queryFn: "db/queries/notification-outbox.ts listDeliveries", signInAs: "manager@example.com" },
  { key: "users", kind: "list", label: "users list p.1", path: "/api/v1/users", query: "page=1", queryFn: "db/queries/users.ts listUsers", signInAs: "manager@example.com" },
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
