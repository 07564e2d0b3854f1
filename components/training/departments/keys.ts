import type { DepartmentDto, ListDepartmentsQuery } from "@/lib/training/departments-schema";

/** Query keys shared by the pages (server prefetch) and the client components. */
export const departmentKeys = {
  all: ["departments"] as const,
  list: (q: ListDepartmentsQuery) => ["departments", "list", q] as const,
  /** Every department, retired ones last: dropdowns and filters. */
  options: () => ["departments", "options"] as const,
};

/** Parameters of the options list (the server prefetch uses the same). */
export const DEPARTMENT_OPTIONS_QUERY: ListDepartmentsQuery = { all: "true", includeRetired: "true", sort: "code", dir: "asc", page: 1, pageSize: 50 };

export type DepartmentOption = Pick<DepartmentDto, "id" | "code" | "name" | "retiredAt">;
