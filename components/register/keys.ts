/** TanStack Query keys of the personal information register (shared by server pages that prefetch and client components). */
export const registerKeys = {
  all: ["register"] as const,
  list: (qs: string) => ["register", "list", qs] as const,
  detail: (id: number) => ["register", "detail", id] as const,
  history: (id: number) => ["register", "history", id] as const,
  purposes: (includeRetired: boolean) => ["register", "purposes", includeRetired] as const,
  reviews: (qs: string) => ["register", "reviews", qs] as const,
  contractorOptions: ["register", "contractor-options"] as const,
};

/** The contractor register as options for the item form (every contractor, by name). */
export const CONTRACTOR_OPTIONS_PATH = "/api/v1/contractors?pageSize=200&includeRetired=true";
