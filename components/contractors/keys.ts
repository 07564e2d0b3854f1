/** TanStack Query keys of the contractors module (shared by server pages that prefetch and client components). */
export const contractorKeys = {
  all: ["contractors"] as const,
  list: (qs: string) => ["contractors", "list", qs] as const,
  stats: (fy: number | undefined) => ["contractors", "stats", fy ?? "current"] as const,
  detail: (id: number) => ["contractors", "detail", id] as const,
  templates: ["assessment-templates"] as const,
};
