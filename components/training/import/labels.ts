/** Query key of the recent-imports list (shared by the page's prefetch and the client list). */
export const importHistoryKey = ["training-imports", "history"] as const;
