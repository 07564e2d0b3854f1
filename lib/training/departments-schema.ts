import { z } from "zod";
import { paging, requiredText, sortDir, version } from "@/lib/validation/common";
import { pageSchema } from "@/lib/list/page";

/**
 * Departments 部署: input schemas shared by the form and the API. A code is what other systems and
 * the employee CSV use to name the department ("D01", "SALES-1"); full-width input (Ｄ０１) is
 * normalised to half-width.
 */

export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const departmentCode = z
  .string({ error: "validation.required" })
  .normalize("NFKC")
  .trim()
  .min(1, "validation.required")
  .max(20, "validation.tooLong")
  .regex(CODE_RE, "departments.errors.codeFormat");

export const createDepartmentSchema = z.object({
  code: departmentCode,
  name: requiredText(100),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentSchema>;

export const updateDepartmentSchema = createDepartmentSchema.extend({ version });
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentSchema>;

export const DEPARTMENT_SORTS = ["code", "name", "employees"] as const;
export type DepartmentSort = (typeof DEPARTMENT_SORTS)[number];

const flag = z.enum(["true", "false"]).optional();

export const listDepartmentsQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  /** "true": retired departments are listed too (after the active ones when sorted by code). */
  includeRetired: flag,
  /** "true": every matching department on one page (for dropdowns); page and pageSize are ignored. */
  all: flag,
  sort: z.enum(DEPARTMENT_SORTS).default("code"),
  dir: sortDir,
});
export type ListDepartmentsQuery = z.infer<typeof listDepartmentsQuery>;

export const exportDepartmentsQuery = listDepartmentsQuery.omit({ page: true, pageSize: true, all: true });
export type ExportDepartmentsQuery = z.infer<typeof exportDepartmentsQuery>;

export const departmentIdParams = z.object({ id: z.coerce.number().int().positive() });

export const departmentSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  /** Employees currently employed (not left, not retired) in the department. */
  activeEmployees: z.number(),
});
export type DepartmentDto = z.infer<typeof departmentSchema>;

export const departmentPageSchema = pageSchema(departmentSchema);
export type DepartmentPage = z.infer<typeof departmentPageSchema>;
