import { ANY_ROLE, TRAINING_WRITERS } from "@/lib/auth/roles";
import {
  createDepartmentSchema,
  departmentIdParams,
  departmentPageSchema,
  departmentSchema,
  exportDepartmentsQuery,
  listDepartmentsQuery,
  updateDepartmentSchema,
} from "@/lib/training/departments-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { versionOnlySchema } from "@/lib/validation/common";

export const listDepartments = defineOperation({
  id: "listDepartments",
  method: "get",
  path: "/api/v1/departments",
  roles: ANY_ROLE,
  tag: "departments",
  summary: "Departments with their number of active employees; paged, or every one with all=true (for dropdowns)",
  description:
    "Filter with `q` (code or name) and `includeRetired=true`. With `all=true` the answer holds every matching department " +
    "on one page (page = 1, pageSize = total): `GET /api/v1/departments?all=true&sort=code` is the list of active departments for a dropdown.",
  query: listDepartmentsQuery,
  response: departmentPageSchema,
});

export const createDepartment = defineOperation({
  id: "createDepartment",
  method: "post",
  path: "/api/v1/departments",
  roles: TRAINING_WRITERS,
  tag: "departments",
  summary: "Create a department (the code must be unused)",
  body: createDepartmentSchema,
  example: { code: "D11", name: "法務部" },
  successStatus: 201,
  response: departmentSchema,
});

export const getDepartment = defineOperation({
  id: "getDepartment",
  method: "get",
  path: "/api/v1/departments/{id}",
  roles: ANY_ROLE,
  tag: "departments",
  summary: "One department",
  params: departmentIdParams,
  response: departmentSchema,
});

export const updateDepartment = defineOperation({
  id: "updateDepartment",
  method: "patch",
  path: "/api/v1/departments/{id}",
  roles: TRAINING_WRITERS,
  tag: "departments",
  summary: "Change a department's code or name; `version` must be the one last read (409 otherwise)",
  params: departmentIdParams,
  body: updateDepartmentSchema,
  example: { code: "D01", name: "経営企画部", version: 1 },
  response: departmentSchema,
});

const department = recordActions({ path: "/api/v1/departments/{id}", roles: TRAINING_WRITERS, tag: "departments", params: departmentIdParams, body: versionOnlySchema, response: departmentSchema });

export const retireDepartment = department("retire", { id: "retireDepartment", summary: "Retire (close) a department; refused with 409 while it has active employees; a no-op when already retired", paramsExample: { id: 9 } });

export const restoreDepartment = department("restore", { id: "restoreDepartment", summary: "Bring a retired department back (a no-op when it is not retired)", paramsExample: { id: 10 } });

export const exportDepartments = defineOperation({
  id: "exportDepartments",
  method: "get",
  path: "/api/v1/departments/export.csv",
  roles: ANY_ROLE,
  tag: "departments",
  summary: "The filtered department list as CSV (UTF-8 with BOM, opens in Excel); with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportDepartmentsQuery),
  produces: EXPORT_CONTENT_TYPES,
});
