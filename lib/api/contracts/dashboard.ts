import { ANY_ROLE } from "@/lib/auth/roles";
import { complianceScoreSchema, dashboardQuery, dashboardSummarySchema } from "@/lib/dashboard/schema";
import { defineOperation } from "../operation";

const tag = "dashboard";

export const dashboardSummary = defineOperation({
  id: "dashboardSummary",
  method: "get",
  path: "/api/v1/dashboard/summary",
  roles: ANY_ROLE,
  tag,
  summary:
    "Every KPI card of the dashboard in one answer (training completion, overdue reviews, open and reportable incidents, contractors, audits and findings, P-mark, PMS posts) with chart series and the drill-down URL of each figure; fy = fiscal year (default the current one)",
  query: dashboardQuery,
  response: dashboardSummarySchema,
});

export const complianceScore = defineOperation({
  id: "complianceScore",
  method: "get",
  path: "/api/v1/dashboard/score",
  roles: ANY_ROLE,
  tag,
  summary:
    "The compliance score (0–100, band good / attention / critical) and its six indicators as of each month end of the fiscal year, recomputed from the stored records; the formula is lib/dashboard/score.ts",
  query: dashboardQuery,
  response: complianceScoreSchema,
});
