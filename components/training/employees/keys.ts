import type { ListEmployeesQuery } from "@/lib/training/employees-schema";

/** Query keys shared by the pages (server prefetch) and the client components. */
export const employeeKeys = {
  all: ["employees"] as const,
  list: (q: ListEmployeesQuery) => ["employees", "list", q] as const,
  detail: (id: number) => ["employees", "detail", id] as const,
  history: (id: number) => ["employees", "history", id] as const,
};
