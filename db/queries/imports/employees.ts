import "server-only";
import { EMPLOYEE_CSV_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, validateImportRows, type ImportPlan, type ImportRow } from "@/lib/training/employees-import";
import type { ImportResultDto } from "@/lib/training/employees-schema";
import { checkDepartmentCodes, commitEmployeeImport, previewEmployeeImport } from "../employees";
import { rejectRows, upsertSummary, type ImportFile, type ImportModule } from "./pipeline";

/**
 * Employees through the import pipeline (pipeline.ts): upsert by employee number
 * (lib/training/employees-import.ts), planned against the stored employees and departments, and
 * committed in one transaction with one audit entry (db/queries/employees.ts).
 */

const COLUMN_ORDER = EMPLOYEE_CSV_COLUMNS.map((c) => c.key);
const MAX_CHANGES = 500;

type Body = Omit<ImportResultDto, "errors" | "errorCount">;

function body(mode: "preview" | "commit", file: ImportFile, plan: ImportPlan): Body {
  const changes = [
    ...plan.inserts.map((r) => ({ line: r.line, action: "insert" as const, employeeNumber: r.employeeNumber, name: r.name, fields: [] })),
    ...plan.updates.map((u) => ({ line: u.line, action: "update" as const, employeeNumber: u.values.employeeNumber, name: u.values.name, fields: u.fields })),
  ].sort((a, b) => a.line - b.line);
  return { ...upsertSummary(mode, file, { inserted: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged }), changes: changes.slice(0, MAX_CHANGES) };
}

export const employeeImport: ImportModule<ImportRow[], Body, ImportResultDto> = {
  columns: EMPLOYEE_CSV_COLUMNS,
  columnOrder: COLUMN_ORDER,
  maxBytes: MAX_IMPORT_BYTES,
  maxRows: MAX_IMPORT_ROWS,
  defaultFileName: "employees.csv",

  async check(rows) {
    const checked = validateImportRows(rows);
    // Unknown department codes on lines refused for other reasons too, so a preview lists every problem of a line at once.
    const departments = await checkDepartmentCodes(checked.otherCodes);
    return { checked: checked.rows, good: checked.rows.length, issues: [...checked.issues, ...departments] };
  },

  async preview(rows, file) {
    // Rows with problems of their own are left out of the plan; the good ones still show what they would do.
    const plan = await previewEmployeeImport(rows);
    return { body: body("preview", file, plan), issues: plan.issues };
  },

  async commit(rows, file, user, progress) {
    await progress(0, rows.length);
    const r = await commitEmployeeImport(user, rows, file);
    if (!r.committed) throw rejectRows(r.plan.issues, COLUMN_ORDER);
    await progress(rows.length, rows.length);
    return { ...body("commit", file, r.plan), errors: [], errorCount: 0 };
  },
};
