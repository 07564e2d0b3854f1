import { apiFetch, toQueryString } from "@/lib/client/api";
import type { AuditEntryDto, EmployeeDto, EmployeePage, ListEmployeesQuery } from "@/lib/training/employees-schema";

export function fetchEmployees(q: ListEmployeesQuery) {
  return apiFetch<EmployeePage>(`/api/v1/employees${toQueryString(q)}`);
}

export function fetchEmployee(id: number) {
  return apiFetch<EmployeeDto>(`/api/v1/employees/${id}`);
}

export function fetchEmployeeHistory(id: number) {
  return apiFetch<{ items: AuditEntryDto[] }>(`/api/v1/employees/${id}/history`).then((r) => r.items);
}
