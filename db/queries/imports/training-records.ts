import "server-only";
import type { ImportCommitResult, ImportPreview } from "@/lib/api/contracts/training-import";
import { todayInTokyo } from "@/lib/dates";
import {
  IMPORT_COLUMNS,
  IMPORT_COLUMN_KEYS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_LISTED_ERRORS,
  IMPORT_MAX_ROWS,
  IMPORT_SAMPLE_SIZE,
  buildImportLookups,
  createImportValidator,
  type ImportRecord,
} from "@/lib/training/import";
import { commitTrainingImport, countStoredRecords, loadImportReferenceData } from "../training-import";
import type { ImportModule } from "./pipeline";

/**
 * Training records through the import pipeline (pipeline.ts): rows checked against every employee
 * and course (two queries, then memory only: lib/training/import.ts), a preview counting what is
 * already stored, and one transaction inserting the new records (db/queries/training-import.ts).
 */

const PROGRESS_EVERY = 5000;

type Preview = Omit<ImportPreview, "errors" | "errorCount">;

export const trainingRecordImport: ImportModule<ImportRecord[], Preview, ImportCommitResult> = {
  columns: IMPORT_COLUMNS,
  columnOrder: IMPORT_COLUMN_KEYS,
  maxBytes: IMPORT_MAX_BYTES,
  maxRows: IMPORT_MAX_ROWS,
  maxListed: IMPORT_MAX_LISTED_ERRORS,
  defaultFileName: "upload.csv",

  async check(rows, progress) {
    const ref = await loadImportReferenceData();
    const validator = createImportValidator(buildImportLookups(ref.employees, ref.courses, todayInTokyo()));
    for (let i = 0; i < rows.length; i++) {
      validator.check(rows[i]);
      if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < rows.length) await progress(i + 1, rows.length);
    }
    const { records, errors } = validator.result();
    return { checked: records, good: records.length, issues: errors };
  },

  async preview(records, file) {
    const stored = await countStoredRecords(records, IMPORT_SAMPLE_SIZE);
    return {
      body: {
        mode: "preview",
        fileName: file.fileName,
        encoding: file.encoding,
        totalRows: file.rowCount,
        validRows: records.length,
        newRows: records.length - stored.count,
        existingRows: stored.count,
        sample: records.slice(0, IMPORT_SAMPLE_SIZE).map((r, i) => ({
          line: r.line,
          employeeNumber: r.employeeNumber,
          employeeName: r.employeeName,
          courseCode: r.courseCode,
          courseTitle: r.courseTitle,
          completedOn: r.completedOn,
          score: r.score,
          passed: r.passed,
          method: r.method,
          evidence: r.evidence,
          alreadyStored: stored.storedInSample.has(i),
        })),
      },
    };
  },

  async commit(records, file, user, progress) {
    const result = await commitTrainingImport(user, file, records, progress);
    return { mode: "commit", ...result, encoding: file.encoding };
  },
};
