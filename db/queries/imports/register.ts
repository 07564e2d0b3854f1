import "server-only";
import type { ImportIssue } from "@/lib/csv/import";
import {
  MAX_REGISTER_IMPORT_BYTES,
  MAX_REGISTER_IMPORT_ROWS,
  REGISTER_COLUMN_KEYS,
  REGISTER_CSV_COLUMNS,
  resolvePurposes,
  validateRegisterRows,
  type RegisterImportRow,
  type RegisterRowRefs,
} from "@/lib/register/import";
import type { RegisterImportResult } from "@/lib/register/schema";
import { importReferences, importRegister, type RegisterImportChange, type ResolvedImportRow } from "../register";
import { upsertSummary, type ImportFile, type ImportModule } from "./pipeline";

/**
 * The personal information register through the import pipeline (pipeline.ts): rows checked with the
 * form's schema (lib/register/import.ts), the purposes, contractors and department they name looked up
 * here (an unknown name is a line error), matched to stored items by code and written in one
 * transaction with a history row and an audit entry per item (db/queries/register.ts).
 */

const MAX_CHANGES = 1000;
const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();

type Body = Omit<RegisterImportResult, "errors" | "errorCount">;

function body(mode: "preview" | "commit", file: ImportFile, changes: RegisterImportChange[]): Body {
  const n = (action: RegisterImportChange["action"]) => changes.filter((c) => c.action === action).length;
  return { ...upsertSummary(mode, file, { inserted: n("insert"), updated: n("update"), unchanged: n("unchanged") }), changes: changes.slice(0, MAX_CHANGES) };
}

/** Names → ids for every row (bad ones included: all faults in one preview); every name not found is a line error in its column. Only good rows come out. */
async function resolve(rows: RegisterImportRow[], refsOfAll: RegisterRowRefs[]): Promise<{ rows: ResolvedImportRow[]; issues: ImportIssue[] }> {
  const refs = await importReferences();
  const contractorByName = new Map(refs.contractors.map((c) => [norm(c.name), c.id]));
  const departmentByKey = new Map(refs.departments.flatMap((d) => [[norm(d.name), d.id] as const, [norm(d.code), d.id] as const]));
  const issues: ImportIssue[] = [];
  const resolved = new Map<number, Pick<ResolvedImportRow, "purposeIds" | "contractorIds" | "ownerDepartmentId">>();
  for (const r of refsOfAll) {
    const before = issues.length;
    const purposes = resolvePurposes(r.purposesCell, refs.purposes);
    for (const value of purposes.unknown) issues.push({ line: r.line, column: "purposeIds", code: "unknown", messageKey: "register.import.errors.unknownPurpose", values: { value } });
    const contractorIds: number[] = [];
    for (const name of r.contractorRefs) {
      const id = contractorByName.get(norm(name));
      if (id === undefined) issues.push({ line: r.line, column: "contractorIds", code: "unknown", messageKey: "register.import.errors.unknownContractor", values: { value: name } });
      else contractorIds.push(id);
    }
    let ownerDepartmentId: number | null = null;
    if (r.departmentRef) {
      ownerDepartmentId = departmentByKey.get(norm(r.departmentRef)) ?? null;
      if (ownerDepartmentId === null)
        issues.push({ line: r.line, column: "ownerDepartmentId", code: "unknown", messageKey: "register.import.errors.unknownDepartment", values: { value: r.departmentRef } });
    }
    if (issues.length === before) resolved.set(r.line, { purposeIds: purposes.ids, contractorIds: [...new Set(contractorIds)], ownerDepartmentId });
  }
  const out = rows.filter((r) => resolved.has(r.line)).map((r) => ({ ...r, ...resolved.get(r.line)! }));
  return { rows: out, issues };
}

type Checked = { rows: ResolvedImportRow[]; issues: ImportIssue[] };

export const registerImport: ImportModule<Checked, Body, RegisterImportResult> = {
  columns: REGISTER_CSV_COLUMNS,
  columnOrder: REGISTER_COLUMN_KEYS,
  maxBytes: MAX_REGISTER_IMPORT_BYTES,
  maxRows: MAX_REGISTER_IMPORT_ROWS,
  defaultFileName: "register.xlsx",

  async check(rows) {
    const own = validateRegisterRows(rows);
    const resolved = await resolve(own.rows, own.refs);
    const issues = [...own.issues, ...resolved.issues];
    return { checked: { rows: resolved.rows, issues }, good: resolved.rows.length, issues };
  },

  async preview(checked, file, user) {
    const { changes, issues } = await importRegister(user, checked.rows, "preview");
    return { body: body("preview", file, changes), issues };
  },

  async commit(checked, file, user, progress) {
    await progress(0, checked.rows.length);
    const { changes } = await importRegister(user, checked.rows, "commit");
    await progress(checked.rows.length, checked.rows.length);
    return { ...body("commit", file, changes), errors: [], errorCount: 0 };
  },
};
