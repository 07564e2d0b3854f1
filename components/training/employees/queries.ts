import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { listEmployeesQuery, type AuditEntryDto, type EmployeeDto, type EmployeePage, type ListEmployeesQuery } from "@/lib/training/employees-schema";

export function fetchEmployees(q: ListEmployeesQuery) {
  return apiFetch<EmployeePage>(`/api/v1/employees${listSearch(listEmployeesQuery, q)}`);
}

export function fetchEmployee(id: number) {
  return apiFetch<EmployeeDto>(`/api/v1/employees/${id}`);
}

export function fetchEmployeeHistory(id: number) {
  return apiFetch<{ items: AuditEntryDto[] }>(`/api/v1/employees/${id}/history`).then((r) => r.items);
}
