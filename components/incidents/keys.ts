import type { IncidentDto } from "@/lib/incidents/schema";
import type { Page } from "@/lib/list/page";

/** TanStack Query keys of the incident pages (plain module: server pages prefetch with them too). */
export const incidentKeys = {
  all: ["incidents"] as const,
  list: (qs: string) => ["incidents", "list", qs] as const,
  detail: (id: number) => ["incidents", "detail", id] as const,
  due: ["incidents", "due"] as const,
  stats: (fy: number | undefined) => ["incidents", "stats", fy ?? "current"] as const,
};

export type IncidentPage = Page<IncidentDto>;
