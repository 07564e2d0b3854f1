import { listSearch, type ParamValue } from "@/lib/list/params";
import { heatMapQuery } from "@/lib/register/risk-schema";

/** Query keys of the risk analysis, shared by the server pages (prefetch) and the client components. */
export const riskKeys = {
  all: ["register-risks"] as const,
  list: (search: string) => ["register-risks", "list", search] as const,
  heatMap: (search: string) => ["register-risks", "heatmap", search] as const,
  item: (itemId: number) => ["register-risks", "item", itemId] as const,
  detail: (id: number) => ["register-risks", "detail", id] as const,
  threshold: ["register-risks", "threshold"] as const,
  links: (itemId: number) => ["register-links", "item", itemId] as const,
};

/** The heat map's query string for the API and its cache key (the phase only picks which grid is shown). */
export function heatMapSearch(values: Partial<Record<string, ParamValue>>): string {
  return listSearch(heatMapQuery, values);
}
