import { z } from "zod";
import { ANY_ROLE, TRAINING_WRITERS, type Role } from "@/lib/auth/roles";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";
import {
  auditEntrySchema,
  createEmployeeSchema,
  employeeIdParams,
  employeePageSchema,
  employeePickOptionsSchema,
  employeePickQuery,
  employeeSchema,
  exportEmployeesQuery,
  importResultSchema,
  listEmployeesQuery,
  updateEmployeeSchema,
} from "@/lib/training/employees-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { versionOnlySchema } from "@/lib/validation/common";

export const listEmployees = defineOperation({
  id: "listEmployees",
  method: "get",
  path: "/api/v1/employees",
  roles: ANY_ROLE,
  tag: "employees",
  summary: "Employees, filtered, sorted and paged on the server",
  description:
    "`status`: active (default; employed today, future hires included), left (past their leave date), retired (record retired) or all. " +
    "`q` matches employee number, name, kana (hiragana finds katakana) and email.",
  query: listEmployeesQuery,
  response: employeePageSchema,
});

export const createEmployee = defineOperation({
  id: "createEmployee",
  method: "post",
  path: "/api/v1/employees",
  roles: TRAINING_WRITERS,
  tag: "employees",
  summary: "Register an employee (employee number unique; department must be active)",
  body: createEmployeeSchema,
  example: {
    employeeNumber: "E0501",
    name: "山田 花子",
    nameKana: "ヤマダ ハナコ",
    email: "e0501@ruft.example.co.jp",
    departmentId: 1,
    employmentType: "regular",
    hireDate: "2026-04-01",
    leaveDate: null,
    exemptionReason: null,
  },
  successStatus: 201,
  response: employeeSchema,
});

export const getEmployee = defineOperation({
  id: "getEmployee",
  method: "get",
  path: "/api/v1/employees/{id}",
  roles: ANY_ROLE,
  tag: "employees",
  summary: "One employee",
  params: employeeIdParams,
  response: employeeSchema,
});

export const updateEmployee = defineOperation({
  id: "updateEmployee",
  method: "patch",
  path: "/api/v1/employees/{id}",
  roles: TRAINING_WRITERS,
  tag: "employees",
  summary: "Change an employee (leave date, on-leave exemption reason …); `version` must be the one last read (409 otherwise)",
  params: employeeIdParams,
  body: updateEmployeeSchema,
  example: {
    employeeNumber: "E0001",
    name: "田中 誠",
    nameKana: "タナカ マコト",
    email: "e0001@ruft.example.co.jp",
    departmentId: 1,
    employmentType: "executive",
    hireDate: "2011-04-04",
    leaveDate: null,
    exemptionReason: null,
    version: 1,
  },
  response: employeeSchema,
});

const employee = recordActions({ path: "/api/v1/employees/{id}", roles: TRAINING_WRITERS, tag: "employees", params: employeeIdParams, body: versionOnlySchema, response: employeeSchema });

export const retireEmployee = employee("retire", { id: "retireEmployee", summary: "Retire an employee record (kept, no longer listed or counted); someone who left gets a leave date instead" });

export const restoreEmployee = employee("restore", { id: "restoreEmployee", summary: "Bring a retired employee record back (a no-op when it is not retired)", paramsExample: { id: 121 } });

export const employeeHistory = defineOperation({
  id: "employeeHistory",
  method: "get",
  path: "/api/v1/employees/{id}/history",
  roles: ANY_ROLE,
  tag: "employees",
  summary: "The audit trail of one employee record, newest first (bulk imports are logged as one entry each, not per employee)",
  params: employeeIdParams,
  response: z.object({ items: z.array(auditEntrySchema) }),
});

export const exportEmployees = defineOperation({
  id: "exportEmployees",
  method: "get",
  path: "/api/v1/employees/export.csv",
  roles: ANY_ROLE,
  tag: "employees",
  summary: "The filtered employee list as CSV (UTF-8 with BOM); its columns are the import's, so it can be edited and imported back; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportEmployeesQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const importEmployees = defineOperation({
  id: "importEmployees",
  method: "post",
  path: "/api/v1/employees/import",
  roles: TRAINING_WRITERS,
  tag: "employees",
  summary: "Import employees from CSV or Excel: preview, then commit all-or-nothing (upsert by employee number)",
  description:
    "CSV in UTF-8 (with or without BOM) or Shift_JIS/CP932, or the first sheet of an .xlsx workbook, detected from the bytes; at most 10 MB and 50,000 rows. " +
    "Headers in Japanese or English: 社員番号/employee_number, 氏名/name, フリガナ/name_kana, メール/email, 部署コード/department_code, " +
    "雇用形態/employment_type, 入社日/hire_date, 退職日/leave_date (フリガナ, メール and 退職日 optional: an absent column keeps the stored value). " +
    "`mode=preview` reports every bad line and what would change, storing nothing; `mode=commit` stores every row in one transaction, " +
    "or nothing and a 400 whose `errors` name each bad line as `{line, column?, field: \"line:<n>[:<column>]\", code, message}` (the format of every import). " +
    "With `Accept: application/x-ndjson` the commit streams progress lines, as the training-record import does.",
  multipart: {
    fields: {
      file: { type: "binary", description: "The CSV or .xlsx file" },
      mode: { type: "string", description: "preview (default) or commit" },
    },
    required: ["file"],
  },
  response: importResultSchema,
});

/** Whoever writes a form that picks an employee: training records (HR, privacy manager) and PMS appointments (privacy manager). */
const EMPLOYEE_PICKERS: readonly Role[] = [...new Set([...TRAINING_WRITERS, ...REGULATION_WRITERS])];

export const listEmployeePickOptions = defineOperation({
  id: "listEmployeePickOptions",
  method: "get",
  path: "/api/v1/employees/options",
  roles: EMPLOYEE_PICKERS,
  tag: "employees",
  summary: "Employees to pick in a form (the employee picker): employed on `date` (default today), by search or department, at most `limit`",
  description: "`q` matches employee number, name or kana; `truncated` says more people match than were returned.",
  query: employeePickQuery,
  response: employeePickOptionsSchema,
});
