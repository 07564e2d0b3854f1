import { z } from "zod";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { FILE_ENCODINGS, importLineErrorSchema } from "@/lib/csv/import";
import { defineOperation } from "../operation";

const issue = importLineErrorSchema;

const encoding = z.enum(FILE_ENCODINGS).describe('How the file was read: a CSV text encoding, or "xlsx" for an Excel workbook');

export const importPreviewSchema = z.object({
  mode: z.literal("preview"),
  fileName: z.string(),
  encoding,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  newRows: z.number().int().describe("Valid rows not stored yet: what a commit would add"),
  existingRows: z.number().int().describe("Valid rows already stored: a commit skips them"),
  errorCount: z.number().int(),
  errors: z.array(issue).describe("At most 1000, in line order"),
  sample: z
    .array(
      z.object({
        line: z.number().int(),
        employeeNumber: z.string(),
        employeeName: z.string(),
        courseCode: z.string(),
        courseTitle: z.string(),
        completedOn: z.string(),
        score: z.number().int().nullable(),
        passed: z.boolean(),
        method: z.enum(["e_learning", "classroom", "video"]),
        evidence: z.string().nullable(),
        alreadyStored: z.boolean(),
      }),
    )
    .describe("The first 20 valid rows"),
});

export const importCommitSchema = z.object({
  mode: z.literal("commit"),
  importId: z.number().int(),
  fileName: z.string(),
  encoding,
  rowCount: z.number().int(),
  inserted: z.number().int(),
  skipped: z.number().int().describe("Rows already stored (re-import): not added again"),
});

export const importTrainingRecords = defineOperation({
  id: "importTrainingRecords",
  method: "post",
  path: "/api/v1/training-records/import",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "Import training records from a CSV or Excel file (preview, or commit all-or-nothing)",
  description: [
    "CSV in UTF-8 (with or without BOM) or Shift_JIS/CP932, or the first sheet of an Excel workbook (.xlsx), told apart from the bytes; at most 20 MB and 200,000 rows.",
    "Columns (Japanese or English headers): 社員番号/employee_number, コースコード/コース/course_code, 受講日/completed_on",
    "(YYYY-MM-DD, YYYY/MM/DD, YYYY/M/D), 点数/score (0–100; required when the course has a pass mark),",
    "受講方法/method (eラーニング/集合研修/動画 or e_learning/classroom/video; default e_learning), 証跡/evidence.",
    "",
    "`mode=preview` answers the counts, every row error (line, column, message) and the first valid rows; nothing is stored.",
    "`mode=commit` stores nothing when any row has an error (400 problem+json whose `errors` list each bad line as `{line, column?, field: \"line:<n>[:<column>]\", code, message}`, at most 1000, and `errorCount`);",
    "otherwise it stores every new row in one transaction. Rows already stored are skipped, so importing a file twice adds nothing.",
    "With `Accept: application/x-ndjson` the commit streams progress lines",
    '`{"phase":"validating"|"inserting","done":n,"total":N}` and ends with `{"phase":"done","result":{…}}` or `{"phase":"error","problem":{…}}` (nothing stored).',
    "A file that cannot be read (wrong encoding, binary, empty, a required column missing) is a 400; a file over the limit a 413.",
  ].join("\n"),
  multipart: {
    fields: {
      file: { type: "binary", description: "The CSV or .xlsx file" },
      mode: { type: "string", description: "preview (default) or commit" },
    },
    required: ["file"],
  },
  response: z.union([importPreviewSchema, importCommitSchema]),
});

export const importTemplate = defineOperation({
  id: "getTrainingImportTemplate",
  method: "get",
  path: "/api/v1/training-records/import/template.csv",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "A template CSV for the import: Japanese headers and one example row (UTF-8 with BOM)",
  produces: "text/csv",
});

export const importHistoryItemSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  encoding: z.string(),
  rowCount: z.number().int(),
  insertedCount: z.number().int(),
  skippedCount: z.number().int(),
  importedAt: z.string().describe("ISO 8601 timestamp"),
  importedBy: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable(),
});

export const importHistory = defineOperation({
  id: "listTrainingImports",
  method: "get",
  path: "/api/v1/training-records/import/history",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "The last 20 training-record imports, newest first, with who ran them and the counts",
  response: z.object({ items: z.array(importHistoryItemSchema) }),
});

export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportCommitResult = z.infer<typeof importCommitSchema>;
export type ImportHistoryEntry = z.infer<typeof importHistoryItemSchema>;
export type ImportIssueOut = z.infer<typeof issue>;
