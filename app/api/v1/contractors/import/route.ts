import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { importContractors } from "@/db/queries/contractors";
import { BadRequestError, ValidationError, type FieldError } from "@/lib/api/errors";
import {
  CONTRACTOR_CSV_COLUMNS,
  CONTRACTOR_IMPORT_MODES,
  MAX_CONTRACTOR_IMPORT_BYTES,
  MAX_CONTRACTOR_IMPORT_ROWS,
  fromCsvIssues,
  validateContractorRows,
  type ContractorImportMode,
} from "@/lib/contractors/import";
import type { ContractorImportResult } from "@/lib/contractors/schema";
import { PayloadTooLargeError, uploadLimit } from "@/lib/security/body";
import { decodeCsvUpload, unstorableCsvCells } from "@/lib/security/text";
import { CsvError, parseCsv } from "@/lib/csv/parse";
import { translateKey } from "@/lib/i18n/messages";

const MAX_ISSUES = 200;

export const POST = handle(
  ops.importContractors,
  async ({ user, form, locale }) => {
    const file = form?.get("file");
    if (!file || typeof file === "string") throw new ValidationError([{ field: "file", code: "required", messageKey: "contractors.import.errors.noFile" }]);
    const rawMode = form?.get("mode") ?? "preview";
    if (!CONTRACTOR_IMPORT_MODES.includes(rawMode as ContractorImportMode))
      throw new ValidationError([{ field: "mode", code: "invalid_value", messageKey: "validation.invalidOption" }]);
    const mode = rawMode as ContractorImportMode;
    if (file.size > uploadLimit(MAX_CONTRACTOR_IMPORT_BYTES)) throw new PayloadTooLargeError(uploadLimit(MAX_CONTRACTOR_IMPORT_BYTES), "upload");
    let decoded: ReturnType<typeof decodeCsvUpload>;
    try {
      decoded = decodeCsvUpload(new Uint8Array(await file.arrayBuffer()));
    } catch (err) {
      if (err instanceof CsvError) throw new BadRequestError("csv.errors.encoding");
      throw err;
    }
    const parsed = parseCsv(decoded.text, { columns: CONTRACTOR_CSV_COLUMNS, maxRows: MAX_CONTRACTOR_IMPORT_ROWS });
    // Cells Postgres cannot store (NUL): the whole file is refused, preview included, naming each cell.
    const unstorable = unstorableCsvCells(decoded.text, parsed.rows, MAX_ISSUES);
    if (unstorable.length)
      throw new ValidationError(
        unstorable.map((c) => ({ field: `line:${c.line}${c.column ? `:${c.column}` : ""}`, code: "invalid_characters", messageKey: "validation.unstorableText" })),
        "problems.unstorableText",
      );
    const checked = validateContractorRows(parsed.rows);
    const issues = [...fromCsvIssues(parsed.errors), ...checked.issues].sort((a, b) => a.line - b.line);
    if (parsed.rows.length === 0 && issues.length === 0) issues.push({ line: 1, messageKey: "contractors.import.errors.noRows" });

    if (mode === "commit" && issues.length) {
      const fieldErrors: FieldError[] = issues.slice(0, MAX_ISSUES).map((i) => ({
        field: `line:${i.line}${i.column ? `:${i.column}` : ""}`,
        code: i.messageKey.split(".").pop() ?? "invalid",
        messageKey: i.messageKey,
        values: i.values,
      }));
      throw new ValidationError(fieldErrors, "contractors.import.errors.rejected");
    }
    const { changes, committed } = await importContractors(user, checked.rows, issues.length ? "preview" : mode);
    const result: ContractorImportResult = {
      mode,
      committed,
      fileName: file.name || "contractors.csv",
      encoding: decoded.encoding,
      rows: parsed.rows.length,
      inserted: changes.filter((c) => c.action === "insert").length,
      updated: changes.filter((c) => c.action === "update").length,
      unchanged: changes.filter((c) => c.action === "unchanged").length,
      errors: issues.slice(0, MAX_ISSUES).map((i) => ({ line: i.line, ...(i.column ? { column: i.column } : {}), message: translateKey(locale, i.messageKey, i.values) })),
      errorCount: issues.length,
      changes: changes.slice(0, 1000),
    };
    return result;
  },
  { maxUploadBytes: MAX_CONTRACTOR_IMPORT_BYTES },
);
