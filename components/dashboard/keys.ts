import type { ComplianceScoreDto } from "@/lib/dashboard/schema";
import { apiFetch } from "@/lib/client/api";

export const dashboardKeys = {
  all: ["dashboard"] as const,
  score: (fy: number | null) => ["dashboard", "score", fy] as const,
};

const qs = (fy: number | null) => (fy === null ? "" : `?fy=${fy}`);
export const fetchScore = (fy: number | null) => apiFetch<ComplianceScoreDto>(`/api/v1/dashboard/score${qs(fy)}`);
