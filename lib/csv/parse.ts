import Papa from "papaparse";

/**
 * CSV → rows keyed by column, for the imports (lib/csv/table.ts reads an upload, CSV or Excel, into
 * these rows). Pure: runs in the browser and on the server. Bytes → text is decode.ts.
 *
 * Problems are returned, not thrown, so an upload can show every bad line at once. Each issue's
 * `code` is the last segment of a message key, "csv.errors.<code>" in messages/*.json:
 *
 *   empty_file          no header row (the file is empty or blank)                   line 1
 *   missing_column      a required column has none of its accepted headers           line of the header; column = key; values { header, headers }
 *   duplicate_column    two headers name the same column (e.g. 社員番号 and employee_number)  line of the header; column = key; values { header }
 *   unterminated_quote  a quoted cell is never closed (the rest of the file is lost)  line where the row starts
 *   invalid_quote       text after a closing quote ("a"b)                            line where the row starts
 *   field_count         the row has a different number of cells than the header      values { expected, actual }
 *   too_many_rows       more data rows than maxRows; parsing stops                    line of the first row over; values { max }
 *
 * When the header is unusable (empty_file, missing_column, duplicate_column) no rows are returned.
 * Otherwise `rows` holds every well-formed row and `errors` names the others; the caller decides
 * whether one bad row rejects the whole file.
 */

/** One data row. `line` is the row number a spreadsheet shows for it: the header is 1, a blank
 *  line counts as a row, a quoted cell spanning several physical lines is still one row. */
export type CsvRow = { line: number; values: Record<string, string> };

export type CsvIssue = { line: number; column?: string; code: string; values?: Record<string, string | number> };

export type CsvColumn = {
  /** Key in `CsvRow.values`. */
  key: string;
  /** Accepted header names, matched after trimming, Unicode NFKC and case folding (so "ＩＤ" = "id"). */
  headers: string[];
  required?: boolean;
};

export type ParseCsvOptions = { columns: CsvColumn[]; maxRows?: number };

export const DEFAULT_MAX_ROWS = 200_000;

/** A file that cannot be read at all (thrown, unlike the per-line CsvIssue). `code` as for CsvIssue. */
export class CsvError extends Error {
  constructor(
    public readonly code: string,
    public readonly values?: Record<string, string | number>,
  ) {
    super(`csv.errors.${code}`);
    this.name = "CsvError";
  }
}

function normalizeHeader(header: string): string {
  // trim() also drops a leftover U+FEFF (BOM) and the ideographic space U+3000.
  return header.normalize("NFKC").trim().toLowerCase();
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === "");
}

const QUOTE_ERRORS: Record<string, string> = {
  MissingQuotes: "unterminated_quote",
  InvalidQuotes: "invalid_quote",
};

/**
 * Header mapping and row building, shared by the CSV parser below and the Excel reader (xlsx.ts):
 * feed it each record's cells with its spreadsheet line; it finds the header (the first non-blank
 * record), maps columns, enforces the row cap and returns the same rows and issues for both formats.
 * `strictWidth`: a record with a different number of cells than the header is a `field_count` issue
 * (CSV); an Excel row simply has blank cells where nothing was typed, so it is padded instead.
 */
export function createRowReader(opts: ParseCsvOptions & { strictWidth?: boolean }) {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const strictWidth = opts.strictWidth ?? true;
  const rows: CsvRow[] = [];
  const errors: CsvIssue[] = [];

  const byHeader = new Map<string, CsvColumn>();
  for (const column of opts.columns) {
    for (const h of column.headers) {
      const n = normalizeHeader(h);
      if (!byHeader.has(n)) byHeader.set(n, column);
    }
  }

  let header: { width: number; indexes: [key: string, index: number][] } | null = null;
  let headerFailed = false;
  let dataRows = 0;

  /** One record; returns "stop" when reading should end (unusable header, or the row cap passed). */
  function push(fields: readonly string[], line: number): "stop" | undefined {
    if (isBlank(fields)) return undefined;

    if (header === null) {
      const indexes: [string, number][] = [];
      const seen = new Set<string>();
      fields.forEach((raw, index) => {
        const column = byHeader.get(normalizeHeader(raw));
        if (!column) return;
        if (seen.has(column.key)) {
          errors.push({ line, column: column.key, code: "duplicate_column", values: { header: raw.trim() } });
          return;
        }
        seen.add(column.key);
        indexes.push([column.key, index]);
      });
      for (const column of opts.columns) {
        if (column.required && !seen.has(column.key)) {
          errors.push({
            line,
            column: column.key,
            code: "missing_column",
            values: { header: column.headers[0] ?? column.key, headers: column.headers.join(" / ") },
          });
        }
      }
      header = { width: fields.length, indexes };
      if (errors.length > 0) {
        headerFailed = true;
        return "stop";
      }
      return undefined;
    }

    dataRows += 1;
    if (dataRows > maxRows) {
      errors.push({ line, code: "too_many_rows", values: { max: maxRows } });
      return "stop";
    }

    if (strictWidth) {
      // Extra cells are tolerated when empty (a stray trailing comma); anything else is a broken row.
      const extraIsBlank = fields.length > header.width && isBlank(fields.slice(header.width));
      if (fields.length !== header.width && !extraIsBlank) {
        errors.push({ line, code: "field_count", values: { expected: header.width, actual: fields.length } });
        return undefined;
      }
    }

    const values: Record<string, string> = {};
    for (const [key, index] of header.indexes) values[key] = (fields[index] ?? "").trim();
    rows.push({ line, values });
    return undefined;
  }

  /** A record that could not be read at all (a quote error): reported; before the header it ends the file. */
  function fail(line: number, code: string): "stop" | undefined {
    errors.push({ line, code });
    if (header === null) {
      headerFailed = true;
      return "stop";
    }
    return undefined;
  }

  function finish(): { rows: CsvRow[]; errors: CsvIssue[] } {
    if (header === null && !headerFailed) errors.push({ line: 1, code: "empty_file" });
    return { rows: headerFailed ? [] : rows, errors };
  }

  return { push, fail, finish };
}

/**
 * Parses `text` (already decoded; see decodeCsvBytes). Values of columns absent from the file are
 * left out of `values` (so `"email" in row.values` tells an absent column from an empty cell);
 * present ones are trimmed strings. Unknown headers are ignored.
 */
export function parseCsv(text: string, opts: ParseCsvOptions): { rows: CsvRow[]; errors: CsvIssue[] } {
  const reader = createRowReader({ ...opts, strictWidth: true });
  let line = 0; // spreadsheet row of the record being handled

  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ",",
    skipEmptyLines: false,
    step: (result, parser) => {
      line += 1;
      const verdict =
        result.errors.length > 0 ? reader.fail(line, QUOTE_ERRORS[result.errors[0].code] ?? "invalid_quote") : reader.push(result.data, line);
      if (verdict === "stop") parser.abort();
    },
  });

  return reader.finish();
}
