/** Query keys of the notification pages and the bell (shared by the server pages and the client). */
export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
  recent: ["notifications", "recent"] as const,
  list: (qs: string) => ["notifications", "list", qs] as const,
  preferences: ["notifications", "preferences"] as const,
  leadDays: ["notifications", "lead-days"] as const,
  deliveries: (qs: string) => ["notifications", "deliveries", qs] as const,
};

/** How often the bell asks for the unread count. */
export const BELL_REFRESH_MS = 60_000;
