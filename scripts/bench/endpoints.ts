/**
 * What the latency step measures: each API endpoint with the query a user's first page load sends,
 * and (in direct.ts) the db/queries function its route handler calls with the same parsed query.
 * Paths and parameters follow lib/api/contracts/*.ts.
 */
export type EndpointKey = "dashboardSummary" | "complianceScore" | "trainingStatus" | "trainingStatusSummary" | "trainingRecords" | "incidents" | "contractors" | "findings";

export type Endpoint = { key: EndpointKey; label: string; path: string; query: string; queryFn: string };

export const ENDPOINTS: Endpoint[] = [
  { key: "dashboardSummary", label: "dashboard summary", path: "/api/v1/dashboard/summary", query: "", queryFn: "db/queries/dashboard.ts getDashboardSummary" },
  { key: "complianceScore", label: "compliance score trend", path: "/api/v1/dashboard/score", query: "", queryFn: "db/queries/dashboard.ts getComplianceScoreTrend" },
  { key: "trainingStatus", label: "training status list p.1", path: "/api/v1/training-status", query: "page=1", queryFn: "db/queries/training-status.ts listTrainingStatus" },
  { key: "trainingStatusSummary", label: "training status summary", path: "/api/v1/training-status/summary", query: "", queryFn: "db/queries/training-status.ts getTrainingStatusSummary" },
  { key: "trainingRecords", label: "training records list p.1", path: "/api/v1/training-records", query: "page=1", queryFn: "db/queries/training-records.ts listTrainingRecords" },
  { key: "incidents", label: "incidents list p.1", path: "/api/v1/incidents", query: "page=1", queryFn: "db/queries/incidents.ts listIncidents" },
  { key: "contractors", label: "contractors list p.1", path: "/api/v1/contractors", query: "page=1", queryFn: "db/queries/contractors.ts listContractors" },
  { key: "findings", label: "findings list p.1", path: "/api/v1/findings", query: "page=1", queryFn: "db/queries/audits.ts listFindings" },
];

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
