import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { checkDepartmentCodes, commitEmployeeImport, previewEmployeeImport } from "@/db/queries/employees";
import { BadRequestError, ValidationError, type FieldError } from "@/lib/api/errors";
import { PayloadTooLargeError, uploadLimit } from "@/lib/security/body";
import { decodeCsvUpload, unstorableCsvCells } from "@/lib/security/text";
import { CsvError, parseCsv } from "@/lib/csv/parse";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";
import {
  EMPLOYEE_CSV_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  fromCsvIssues,
  validateImportRows,
  type ImportIssue,
  type ImportPlan,
} from "@/lib/training/employees-import";
import { IMPORT_MODES, MAX_IMPORT_ISSUES, type ImportMode, type ImportResultDto } from "@/lib/training/employees-schema";

/** A message in the caller's language; a key nobody translated yet falls back to a generic line error. */
function message(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const text = translateKey(locale, key, values);
  return text === key ? translateKey(locale, "employees.import.errors.generic") : text;
}

function byLine(a: ImportIssue, b: ImportIssue) {
  return a.line - b.line;
}

/** Cells Postgres cannot store (NUL): the whole file is refused, preview included, naming each cell. */
function refuseUnstorableCells(text: string, rows: Parameters<typeof unstorableCsvCells>[1]): void {
  const cells = unstorableCsvCells(text, rows, MAX_IMPORT_ISSUES);
  if (!cells.length) return;
  throw new ValidationError(
    cells.map((c) => ({ field: `line:${c.line}${c.column ? `:${c.column}` : ""}`, code: "invalid_characters", messageKey: "validation.unstorableText" })),
    "problems.unstorableText",
  );
}

export const POST = handle(
  ops.importEmployees,
  async ({ user, form, locale }) => {
    const file = form?.get("file");
    if (!file || typeof file === "string")
      throw new ValidationError([{ field: "file", code: "required", messageKey: "employees.import.errors.noFile" }]);
    const rawMode = form?.get("mode") ?? "preview";
    if (!IMPORT_MODES.includes(rawMode as ImportMode))
      throw new ValidationError([{ field: "mode", code: "invalid_value", messageKey: "validation.invalidOption" }]);
    const mode = rawMode as ImportMode;
    if (file.size > uploadLimit(MAX_IMPORT_BYTES)) throw new PayloadTooLargeError(uploadLimit(MAX_IMPORT_BYTES), "upload");

    let decoded: ReturnType<typeof decodeCsvUpload>;
    try {
      decoded = decodeCsvUpload(new Uint8Array(await file.arrayBuffer()));
    } catch (err) {
      if (err instanceof CsvError) throw new BadRequestError(`employees.import.errors.encoding`);
      throw err;
    }
    const parsed = parseCsv(decoded.text, { columns: EMPLOYEE_CSV_COLUMNS, maxRows: MAX_IMPORT_ROWS });
    refuseUnstorableCells(decoded.text, parsed.rows);
    const checked = validateImportRows(parsed.rows);
    const early = [...fromCsvIssues(parsed.errors), ...checked.issues, ...(await checkDepartmentCodes(checked.otherCodes))].sort(byLine);
    const meta = { fileName: file.name || "employees.csv", encoding: decoded.encoding, rowCount: parsed.rows.length };

    let plan: ImportPlan | undefined;
    let committed = false;
    if (mode === "preview") {
      // Rows with problems of their own are left out of the plan; the good ones still show what they would do.
      plan = await previewEmployeeImport(checked.rows);
    } else if (early.length === 0) {
      const r = await commitEmployeeImport(user, checked.rows, meta);
      plan = r.plan;
      committed = r.committed;
    }
    const issues = [...early, ...(plan?.issues ?? [])].sort(byLine);

    if (mode === "commit" && !committed) {
      const fieldErrors: FieldError[] = issues.slice(0, MAX_IMPORT_ISSUES).map((i) => ({
        field: `line:${i.line}${i.column ? `:${i.column}` : ""}`,
        code: i.messageKey.split(".").pop() ?? "invalid",
        messageKey: translateKey(locale, i.messageKey, i.values) === i.messageKey ? "employees.import.errors.generic" : i.messageKey,
        values: i.values,
      }));
      throw new ValidationError(fieldErrors, "employees.import.errors.rejected");
    }

    const result: ImportResultDto = {
      mode,
      committed,
      fileName: meta.fileName,
      encoding: decoded.encoding,
      rows: parsed.rows.length,
      inserted: plan?.inserts.length ?? 0,
      updated: plan?.updates.length ?? 0,
      unchanged: plan?.unchanged ?? 0,
      errors: issues.slice(0, MAX_IMPORT_ISSUES).map((i) => ({ line: i.line, ...(i.column ? { column: i.column } : {}), message: message(locale, i.messageKey, i.values) })),
      errorCount: issues.length,
      changes: [
        ...(plan?.inserts ?? []).map((r) => ({ line: r.line, action: "insert" as const, employeeNumber: r.employeeNumber, name: r.name, fields: [] })),
        ...(plan?.updates ?? []).map((u) => ({ line: u.line, action: "update" as const, employeeNumber: u.values.employeeNumber, name: u.values.name, fields: u.fields })),
      ]
        .sort((a, b) => a.line - b.line)
        .slice(0, 500),
    };
    return result;
  },
  { maxUploadBytes: MAX_IMPORT_BYTES },
);
