import { z } from "zod";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import type { DetectedEncoding } from "./decode";
import type { CsvIssue } from "./parse";

/**
 * What every import (employees, training records, contractors, and the registers to come) says
 * about a file's lines, in ONE shape:
 *
 *   ImportIssue    inside the server: a line, maybe a column key, and a message key of messages/*.json
 *   ImportLineError on the wire: { line, column?, field, code, message } with the message in the
 *                  caller's language. `field` is "line:<n>" or "line:<n>:<column>", so the same object
 *                  is also a field error of a problem+json document (lib/api/problem.ts).
 *
 * A preview lists them in `errors` (with `errorCount`, the true total); a refused commit answers 400
 * problem+json whose `errors` are the same objects (db/queries/imports/pipeline.ts). Pure.
 */

export type ImportIssue = {
  /** The row as a spreadsheet numbers it (the header is line 1). */
  line: number;
  /** The column key (the module's, e.g. "employeeNumber"); absent for the whole row or the file. */
  column?: string;
  /** A short stable code; the last segment of messageKey when not given. */
  code?: string;
  messageKey: string;
  values?: Record<string, string | number>;
};

export const importLineErrorSchema = z.object({
  line: z.number().int().describe("Row number as a spreadsheet shows it (the header is line 1)"),
  column: z.string().optional().describe("Key of the column the problem is in; absent for the whole row or file"),
  field: z.string().describe('"line:<n>" or "line:<n>:<column>"'),
  code: z.string(),
  message: z.string().describe("In the caller's language"),
});
export type ImportLineError = z.infer<typeof importLineErrorSchema>;

/** How a file was read (lib/csv/table.ts): a CSV text encoding, or "xlsx" for an Excel workbook. */
export const FILE_ENCODINGS = ["utf-8", "utf-8-bom", "shift_jis", "xlsx"] as const satisfies readonly (DetectedEncoding | "xlsx")[];
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

export const IMPORT_MODES = ["preview", "commit"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * The answer of an upsert import (a row adds a record or updates the one it matches): the same
 * envelope for preview and commit, with the module's own description of each change.
 */
export function upsertResultSchema<T extends z.ZodType>(change: T) {
  return z.object({
    mode: z.enum(IMPORT_MODES),
    committed: z.boolean(),
    fileName: z.string(),
    encoding: z.string(),
    rows: z.number().describe("Data rows in the file"),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    /** Every problem found, by line (at most MAX_LISTED_ISSUES; errorCount is the true number). */
    errors: z.array(importLineErrorSchema),
    errorCount: z.number(),
    changes: z.array(change),
  });
}

/** Row problems listed in one answer at most; `errorCount` always gives the total. */
export const MAX_LISTED_ISSUES = 1000;

export function issueCode(i: ImportIssue): string {
  return i.code ?? i.messageKey.split(".").pop() ?? "invalid";
}

export function issueField(i: Pick<ImportIssue, "line" | "column">): string {
  return `line:${i.line}${i.column ? `:${i.column}` : ""}`;
}

/** What the reader (parse.ts, table.ts) found, as import issues with "csv.errors.<code>" messages. */
export function csvIssues(issues: readonly CsvIssue[]): ImportIssue[] {
  return issues.map((i) => ({
    line: i.line,
    ...(i.column ? { column: i.column } : {}),
    code: i.code,
    messageKey: `csv.errors.${i.code}`,
    ...(i.values ? { values: i.values } : {}),
  }));
}

/**
 * One row's cells checked by a zod schema (the module's own, shared with its form): the parsed value,
 * or every problem as an issue on that line, by column. `columnOf` maps a schema path to a column key
 * when they differ.
 */
export function checkRow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  line: number,
  columnOf: (path: string) => string | undefined = (p) => (p === "_" ? undefined : p),
): { ok: true; data: z.output<T> } | { ok: false; issues: ImportIssue[] } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  return {
    ok: false,
    issues: issuesToFieldErrors(r.error.issues).map((fe) => {
      const column = columnOf(fe.field);
      return { line, ...(column ? { column } : {}), code: fe.code, messageKey: fe.messageKey, ...(fe.values ? { values: fe.values } : {}) };
    }),
  };
}

/** Issues by line, then by the module's column order (unknown columns and whole-row issues last). */
export function sortIssues(issues: readonly ImportIssue[], columnOrder: readonly string[] = []): ImportIssue[] {
  const order = (c?: string) => {
    const i = c ? columnOrder.indexOf(c) : -1;
    return i === -1 ? columnOrder.length : i;
  };
  return [...issues].sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
}

/** Issues as the wire format, the messages written by `translate` (key → text, undefined when the key has no text). */
export function toLineErrors(
  issues: readonly ImportIssue[],
  translate: (key: string, values?: Record<string, string | number>) => string | undefined,
  limit = MAX_LISTED_ISSUES,
): ImportLineError[] {
  return issues.slice(0, limit).map((i) => ({
    line: i.line,
    ...(i.column ? { column: i.column } : {}),
    field: issueField(i),
    code: issueCode(i),
    message: translate(i.messageKey, i.values) ?? translate("csv.errors.generic") ?? i.messageKey,
  }));
}

/** The number of distinct lines with a problem. */
export function linesWithIssues(issues: readonly ImportIssue[]): number {
  return new Set(issues.map((i) => i.line)).size;
}
