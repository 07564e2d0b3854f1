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
