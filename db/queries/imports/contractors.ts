import "server-only";
import { CONTRACTOR_CSV_COLUMNS, MAX_CONTRACTOR_IMPORT_BYTES, MAX_CONTRACTOR_IMPORT_ROWS, validateContractorRows, type ContractorImportRow } from "@/lib/contractors/import";
import type { ContractorImportResult } from "@/lib/contractors/schema";
import { importContractors, type ContractorImportChange } from "../contractors";
import { upsertSummary, type ImportFile, type ImportModule } from "./pipeline";

/**
 * The contractor register through the import pipeline (pipeline.ts): rows checked with the form's
 * schema (lib/contractors/import.ts), matched by 法人番号 or exact name, and written in one
 * transaction with an audit entry per contractor (db/queries/contractors.ts).
 */

const COLUMN_ORDER = CONTRACTOR_CSV_COLUMNS.map((c) => c.key);
const MAX_CHANGES = 1000;

type Body = Omit<ContractorImportResult, "errors" | "errorCount">;

function body(mode: "preview" | "commit", file: ImportFile, changes: ContractorImportChange[]): Body {
  const count = (action: ContractorImportChange["action"]) => changes.filter((c) => c.action === action).length;
  return { ...upsertSummary(mode, file, { inserted: count("insert"), updated: count("update"), unchanged: count("unchanged") }), changes: changes.slice(0, MAX_CHANGES) };
}

export const contractorImport: ImportModule<ContractorImportRow[], Body, ContractorImportResult> = {
  columns: CONTRACTOR_CSV_COLUMNS,
  columnOrder: COLUMN_ORDER,
  maxBytes: MAX_CONTRACTOR_IMPORT_BYTES,
  maxRows: MAX_CONTRACTOR_IMPORT_ROWS,
  defaultFileName: "contractors.csv",

  async check(rows) {
    const checked = validateContractorRows(rows);
    return { checked: checked.rows, good: checked.rows.length, issues: checked.issues };
  },

  async preview(rows, file, user) {
    const { changes } = await importContractors(user, rows, "preview");
    return { body: body("preview", file, changes) };
  },

  async commit(rows, file, user, progress) {
    await progress(0, rows.length);
    const { changes } = await importContractors(user, rows, "commit");
    await progress(rows.length, rows.length);
    return { ...body("commit", file, changes), errors: [], errorCount: 0 };
  },
};
