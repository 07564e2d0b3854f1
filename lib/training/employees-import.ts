import { checkRow, type ImportIssue } from "@/lib/csv/import";
import type { CsvColumn, CsvRow } from "@/lib/csv/parse";
import { isoDate, optionalIsoDate } from "@/lib/validation/common";
import { departmentCode } from "./departments-schema";
import { employeeEmail, employeeKana, employeeName, employeeNumber, leaveBeforeHire, type EmploymentType } from "./employees-schema";
import { parseEmploymentType } from "./employees-state";
import type { z } from "zod";

/**
 * CSV import of employees, the pure part: which columns, what a good row is, and what a file would
 * change given what is stored. Upsert by employee number: a new number is inserted, a known one is
 * updated, a row equal to the stored record changes nothing (so importing the same file twice adds
 * nothing). A column absent from the file leaves that field as stored; an empty cell in a present
 * optional column clears it.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export const EMPLOYEE_CSV_COLUMNS: CsvColumn[] = [
  { key: "employeeNumber", headers: ["社員番号", "従業員番号", "employee_number", "employee number", "employee_no"], required: true },
  { key: "name", headers: ["氏名", "名前", "name"], required: true },
  { key: "nameKana", headers: ["フリガナ", "ふりがな", "氏名カナ", "カナ", "name_kana"] },
  { key: "email", headers: ["メール", "メールアドレス", "email", "e-mail"] },
  { key: "departmentCode", headers: ["部署コード", "department_code"], required: true },
  { key: "employmentType", headers: ["雇用形態", "employment_type"], required: true },
  { key: "hireDate", headers: ["入社日", "hire_date"], required: true },
  { key: "leaveDate", headers: ["退職日", "leave_date"] },
];

/** A problem with one line of the file (one shape for every import: lib/csv/import.ts). */
export type { ImportIssue };

/** A row that passed the checks of its own; optional fields are undefined when their column is absent. */
export type ImportRow = {
  line: number;
  employeeNumber: string;
  name: string;
  nameKana?: string | null;
  email?: string | null;
  departmentCode: string;
  employmentType: EmploymentType;
  hireDate: string;
  leaveDate?: string | null;
};

/** One cell through its form schema: the value, or the first problem recorded on that line and column. */
function check<T extends z.ZodType>(schema: T, value: unknown, line: number, column: string, issues: ImportIssue[]): z.output<T> | undefined {
  const r = checkRow(schema, value, line, () => column);
  if (r.ok) return r.data;
  issues.push(r.issues[0]);
  return undefined;
}

/** Each row on its own: formats, required cells, employment type, dates in order, numbers unique in the file. */
export function validateImportRows(rows: CsvRow[]): { rows: ImportRow[]; issues: ImportIssue[]; otherCodes: { line: number; code: string }[] } {
  const out: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  // Department codes of rows refused here, so that the caller can report an unknown code on those lines too.
  const otherCodes: { line: number; code: string }[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values: v } of rows) {
    const before = issues.length;
    const number = check(employeeNumber, v.employeeNumber, line, "employeeNumber", issues);
    const name = check(employeeName, v.name, line, "name", issues);
    const nameKana = "nameKana" in v ? check(employeeKana, v.nameKana, line, "nameKana", issues) : undefined;
    const email = "email" in v ? check(employeeEmail, v.email, line, "email", issues) : undefined;
    const dept = check(departmentCode, v.departmentCode, line, "departmentCode", issues);
    let type: EmploymentType | null = null;
    if (!v.employmentType) issues.push({ line, column: "employmentType", messageKey: "validation.required" });
    else {
      type = parseEmploymentType(v.employmentType);
      if (!type) issues.push({ line, column: "employmentType", messageKey: "employees.import.errors.employmentType", values: { value: v.employmentType } });
    }
    const hireDate = check(isoDate, v.hireDate, line, "hireDate", issues);
    const leaveDate = "leaveDate" in v ? check(optionalIsoDate, v.leaveDate, line, "leaveDate", issues) : undefined;
    if (hireDate && leaveBeforeHire(hireDate, leaveDate)) issues.push({ line, column: "leaveDate", messageKey: "employees.errors.leaveBeforeHire" });
    if (number !== undefined) {
      const first = firstLine.get(number);
      if (first !== undefined) {
        issues.push({ line, column: "employeeNumber", messageKey: "employees.import.errors.duplicateInFile", values: { number, line: first } });
      } else firstLine.set(number, line);
    }
    if (issues.length > before) {
      if (dept) otherCodes.push({ line, code: dept });
      continue;
    }
    out.push({
      line,
      employeeNumber: number!,
      name: name!,
      ...("nameKana" in v ? { nameKana: nameKana ?? null } : {}),
      ...("email" in v ? { email: email ?? null } : {}),
      departmentCode: dept!,
      employmentType: type!,
      hireDate: hireDate!,
      ...("leaveDate" in v ? { leaveDate: leaveDate ?? null } : {}),
    });
  }
  return { rows: out, issues, otherCodes };
}

/** Lines whose department code names no department at all. */
export function unknownDepartmentIssues(codes: { line: number; code: string }[], departments: Map<string, unknown>): ImportIssue[] {
  return codes
    .filter((c) => !departments.has(c.code))
    .map((c) => ({ line: c.line, column: "departmentCode", messageKey: "employees.import.errors.unknownDepartment", values: { code: c.code } }));
}

/** The stored employee, as far as an import compares it. */
export type StoredEmployee = {
  id: number;
  version: number;
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  email: string | null;
  departmentId: number;
  employmentType: EmploymentType;
  hireDate: string;
  leaveDate: string | null;
  retiredAt: Date | string | null;
};

export type EmployeeValues = Pick<StoredEmployee, "employeeNumber" | "name" | "nameKana" | "email" | "departmentId" | "employmentType" | "hireDate" | "leaveDate">;

export const IMPORTED_FIELDS = ["name", "nameKana", "email", "departmentId", "employmentType", "hireDate", "leaveDate"] as const;

export type ImportPlan = {
  inserts: (EmployeeValues & { line: number })[];
  updates: { line: number; id: number; version: number; values: EmployeeValues; fields: string[] }[];
  unchanged: number;
  issues: ImportIssue[];
};

/**
 * What the valid rows would do to the stored data. Departments must exist and be active, except
 * that an employee may stay in the (retired) department they are already in — people who left
 * stay on the books of a department that was later closed.
 */
export function planImport(
  rows: ImportRow[],
  ctx: { departments: Map<string, { id: number; retired: boolean }>; existing: Map<string, StoredEmployee> },
): ImportPlan {
  const plan: ImportPlan = { inserts: [], updates: [], unchanged: 0, issues: [] };
  for (const row of rows) {
    const dept = ctx.departments.get(row.departmentCode);
    const stored = ctx.existing.get(row.employeeNumber);
    if (!dept) {
      plan.issues.push({ line: row.line, column: "departmentCode", messageKey: "employees.import.errors.unknownDepartment", values: { code: row.departmentCode } });
      continue;
    }
    if (dept.retired && stored?.departmentId !== dept.id) {
      plan.issues.push({ line: row.line, column: "departmentCode", messageKey: "employees.import.errors.retiredDepartment", values: { code: row.departmentCode } });
      continue;
    }
    const values: EmployeeValues = {
      employeeNumber: row.employeeNumber,
      name: row.name,
      nameKana: row.nameKana !== undefined ? row.nameKana : (stored?.nameKana ?? null),
      email: row.email !== undefined ? row.email : (stored?.email ?? null),
      departmentId: dept.id,
      employmentType: row.employmentType,
      hireDate: row.hireDate,
      leaveDate: row.leaveDate !== undefined ? row.leaveDate : (stored?.leaveDate ?? null),
    };
    if (leaveBeforeHire(values.hireDate, values.leaveDate)) {
      plan.issues.push({ line: row.line, column: "hireDate", messageKey: "employees.import.errors.storedLeaveBeforeHire", values: { leaveDate: values.leaveDate ?? "" } });
      continue;
    }
    if (!stored) {
      plan.inserts.push({ ...values, line: row.line });
      continue;
    }
    const fields = IMPORTED_FIELDS.filter((f) => (values[f] ?? null) !== (stored[f] ?? null));
    if (fields.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    if (stored.retiredAt) {
      plan.issues.push({ line: row.line, column: "employeeNumber", messageKey: "employees.import.errors.retiredEmployee", values: { number: row.employeeNumber } });
      continue;
    }
    plan.updates.push({ line: row.line, id: stored.id, version: stored.version, values, fields });
  }
  return plan;
}
