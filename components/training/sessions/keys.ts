/** Query keys of the training sessions (a bulk entry invalidates the list). */
export const sessionKeys = {
  all: ["training-sessions"] as const,
  list: (queryString: string) => ["training-sessions", "list", queryString] as const,
  detail: (id: number) => ["training-sessions", "detail", id] as const,
};
