import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { listDepartmentsQuery, type DepartmentPage, type ListDepartmentsQuery } from "@/lib/training/departments-schema";
import { DEPARTMENT_OPTIONS_QUERY } from "./keys";

export function fetchDepartments(q: ListDepartmentsQuery) {
  return apiFetch<DepartmentPage>(`/api/v1/departments${listSearch(listDepartmentsQuery, q)}`);
}

export function fetchDepartmentOptions() {
  return fetchDepartments(DEPARTMENT_OPTIONS_QUERY).then((p) => p.items);
}
