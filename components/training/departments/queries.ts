import { apiFetch, toQueryString } from "@/lib/client/api";
import type { DepartmentPage, ListDepartmentsQuery } from "@/lib/training/departments-schema";
import { DEPARTMENT_OPTIONS_QUERY } from "./keys";

export function fetchDepartments(q: ListDepartmentsQuery) {
  return apiFetch<DepartmentPage>(`/api/v1/departments${toQueryString(q)}`);
}

export function fetchDepartmentOptions() {
  return fetchDepartments(DEPARTMENT_OPTIONS_QUERY).then((p) => p.items);
}
