import { z } from "zod";
import { upsertResultSchema } from "@/lib/csv/import";
import { isRealDate, isoDate, optionalIsoDate, optionalText, paging, sortDir, version } from "@/lib/validation/common";
import { CODE_RE } from "./departments-schema";
import { pageSchema } from "@/lib/list/page";
import { refId } from "@/lib/validation/numbers";

/**
 * Employees 従業員 (docs/domain.md §1): input schemas shared by the form, the API and the CSV import.
 * Employees are not sign-in users; they are the people whose training is tracked.
 */

/** The values of the database enum employment_type (db/schema/training.ts declares it from this tuple). */
export const EMPLOYMENT_TYPES = [
  "regular", // 正社員
  "contract", // 契約社員
  "dispatched", // 派遣
  "part_time", // パート・アルバイト
  "executive", // 役員
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Full-width digits and letters (Ｅ０００１) are normalised to half-width before checking. */
export const employeeNumber = z
  .string({ error: "validation.required" })
  .normalize("NFKC")
  .trim()
  .min(1, "validation.required")
  .max(20, "validation.tooLong")
  .regex(CODE_RE, "employees.errors.numberFormat");

/**
 * Half-width katakana (ﾔﾏﾀﾞ, as older HR systems write it) → full-width (ヤマダ). Only that range is
 * normalised: NFKC on a whole name would also turn ① into 1 or ㈱ into (株), changing what was typed.
 */
export function widenKana(s: string): string {
  return s.replace(/[\uFF61-\uFF9F]+/g, (m) => m.normalize("NFKC"));
}

export const employeeName = z
  .string({ error: "validation.required" })
  .overwrite(widenKana)
  .trim()
  .min(1, "validation.required")
  .max(100, "validation.tooLong");

export const employeeKana = z
  .union([z.string().overwrite(widenKana).trim().max(100, "validation.tooLong"), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

export const employeeEmail = z
  .union([z.literal(""), z.null(), z.string().trim().toLowerCase().max(200, "validation.tooLong").email("validation.email")])
  .optional()
  .transform((v) => (v ? v : null));

export const employmentType = z.enum(EMPLOYMENT_TYPES, { error: "validation.invalidOption" });

/** An id from a <select>: "" and 0 read as "nothing chosen". */
export const departmentId = z.coerce.number({ error: "employees.errors.departmentRequired" }).int("employees.errors.departmentRequired").positive("employees.errors.departmentRequired");

const fields = {
  employeeNumber,
  name: employeeName,
  nameKana: employeeKana,
  email: employeeEmail,
  departmentId,
  employmentType,
  hireDate: isoDate,
  leaveDate: optionalIsoDate,
  /** While set, the employee is on leave (休職・産休・育休 …) and their training is `exempt`. */
  exemptionReason: optionalText(200),
};

/** Leave date on or after hire date (the database checks it too). */
export function leaveBeforeHire(hireDate: unknown, leaveDate: unknown): boolean {
  return typeof hireDate === "string" && typeof leaveDate === "string" && isRealDate(hireDate) && isRealDate(leaveDate) && leaveDate < hireDate;
}

function checkDates(v: { hireDate?: string; leaveDate?: string | null }, ctx: z.RefinementCtx) {
  if (leaveBeforeHire(v.hireDate, v.leaveDate))
    ctx.addIssue({ code: "custom", path: ["leaveDate"], message: "employees.errors.leaveBeforeHire" });
}

export const createEmployeeSchema = z.object(fields).superRefine(checkDates);
export type CreateEmployeeInput = z.infer<typeof createEmployeeSchema>;

export const updateEmployeeSchema = z.object({ ...fields, version }).superRefine(checkDates);
export type UpdateEmployeeInput = z.infer<typeof updateEmployeeSchema>;

/**
 * Where an employee stands today: `active` employed; `upcoming` registered but not hired yet;
 * `left` past their leave date (the leave date 退職日 itself is their last working day, as in
 * lib/training/status.ts isActiveOn); `retired` the record is retired (registered by mistake, or no
 * longer tracked) — retired wins.
 */
export const EMPLOYEE_STATES = ["active", "upcoming", "left", "retired"] as const;
export type EmployeeState = (typeof EMPLOYEE_STATES)[number];

/** The list's status filter; `active` includes `upcoming`. */
export const EMPLOYEE_STATUS_FILTERS = ["active", "left", "retired", "all"] as const;
export type EmployeeStatusFilter = (typeof EMPLOYEE_STATUS_FILTERS)[number];

export const EMPLOYEE_SORTS = ["number", "name", "department", "hireDate"] as const;
export type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

const filters = {
  /** Employee number, name, kana (hiragana matches katakana) or email, partial match. */
  q: z.string().trim().max(100).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  employmentType: employmentType.optional(),
  status: z.enum(EMPLOYEE_STATUS_FILTERS).default("active"),
  /** "true": only employees with an exemption reason (on leave); "false": only without. */
  exempt: z.enum(["true", "false"]).optional(),
  sort: z.enum(EMPLOYEE_SORTS).default("number"),
  dir: sortDir,
};

export const listEmployeesQuery = z.object({ ...paging, ...filters });
export type ListEmployeesQuery = z.infer<typeof listEmployeesQuery>;

export const exportEmployeesQuery = z.object(filters);
export type ExportEmployeesQuery = z.infer<typeof exportEmployeesQuery>;

export const employeeIdParams = z.object({ id: z.coerce.number().int().positive() });

export const employeeSchema = z.object({
  id: z.number(),
  employeeNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  email: z.string().nullable(),
  departmentId: z.number(),
  departmentCode: z.string(),
  departmentName: z.string(),
  departmentRetired: z.boolean(),
  employmentType,
  hireDate: z.string(),
  leaveDate: z.string().nullable(),
  exemptionReason: z.string().nullable(),
  retiredAt: z.string().nullable(),
  state: z.enum(EMPLOYEE_STATES),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EmployeeDto = z.infer<typeof employeeSchema>;

export const employeePageSchema = pageSchema(employeeSchema);
export type EmployeePage = z.infer<typeof employeePageSchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

/** The rows that insert or change something (at most 500 are listed). */
export const importResultSchema = upsertResultSchema(
  z.object({
    line: z.number(),
    action: z.enum(["insert", "update"]),
    employeeNumber: z.string(),
    name: z.string(),
    fields: z.array(z.string()),
  }),
);
export type ImportResultDto = z.infer<typeof importResultSchema>;

// ---------------------------------------------------------------------------------------------
// Employee picker: the forms that choose one employee (training records, PMS appointments) search
// the server instead of listing everybody (20,000 people at 10×).

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const employeePickQuery = z.object({
  /** Employee number, name or kana, part of it. */
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, "validation.tooLong").optional()),
  departmentId: z.preprocess(emptyToUndefined, refId.optional()),
  /** With a date: only people employed that day; otherwise people employed today. */
  date: z.preprocess(emptyToUndefined, isoDate.optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500, "validation.tooBig").default(50)),
});
export type EmployeePickQuery = z.output<typeof employeePickQuery>;

export const employeePickOptionSchema = z.object({
  id: z.number(),
  employeeNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  departmentId: z.number(),
  departmentName: z.string(),
  employmentType: z.string(),
  hireDate: z.string(),
  leaveDate: z.string().nullable(),
});
export type EmployeePickOption = z.infer<typeof employeePickOptionSchema>;
export const employeePickOptionsSchema = z.object({ items: z.array(employeePickOptionSchema), truncated: z.boolean() });
export type EmployeePickOptions = z.infer<typeof employeePickOptionsSchema>;
