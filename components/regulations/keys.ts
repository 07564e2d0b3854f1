/** TanStack Query keys of the module (a plain module: server pages prefetch with them too). */
export const regulationKeys = {
  all: ["regulations"] as const,
  list: (qs: string) => ["regulations", "list", qs] as const,
  detail: (id: number) => ["regulations", "detail", id] as const,
  summary: (fy: number | undefined) => ["regulations", "summary", fy ?? "current"] as const,
  posts: ["pms-posts"] as const,
  people: ["pms-posts", "people"] as const,
};
