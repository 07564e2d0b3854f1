import { unstorableCsvCells, decodeCsvUpload, type CsvTextIssue } from "@/lib/security/text";
import type { FileEncoding } from "./import";
import { CsvError, parseCsv, type CsvIssue, type CsvRow, type ParseCsvOptions } from "./parse";
import { isOleCompound, isZip, maxInflatedBytes, parseXlsx } from "./xlsx";

/**
 * An uploaded file → rows keyed by column, whatever it is: CSV in UTF-8 (with or without BOM) or
 * Shift_JIS/CP932 (decode.ts), or the first sheet of an Excel workbook (xlsx.ts). The format is told
 * from the bytes (a ZIP signature means a workbook), never from the file name. Every import reads
 * its upload here (db/queries/imports/pipeline.ts); the checks of a module's rows come after.
 *
 * Thrown (the file as a whole cannot be used), as CsvError with the code of a "csv.errors.<code>" message:
 *   too_large        more bytes than maxBytes                              values { maxMb }
 *   encoding         not text in a known encoding (UTF-16, a binary file)
 *   xls              an Excel 97–2003 (.xls) or password-protected workbook
 *   xlsx_unreadable  a ZIP that is not a readable workbook
 *   xlsx_too_large   a workbook that inflates to more than maxInflatedBytes (a ZIP bomb) values { maxMb }
 *   xlsx_no_sheet    a workbook without a worksheet
 * Returned: the rows, the reader's issues (parse.ts lists them), and the cells that Postgres could
 * not store (NUL, a lone surrogate), which the caller refuses the whole file for.
 */

export type { FileEncoding };

export type ReadTableOptions = ParseCsvOptions & {
  /** Files over this many bytes are refused before anything is decoded. */
  maxBytes: number;
  /** Unstorable cells listed at most. */
  maxListed?: number;
  /** A workbook inflating to more bytes is refused (xlsx.ts assertInflatesWithin); default from maxBytes. */
  maxInflatedBytes?: number;
};

export type Table = { encoding: FileEncoding; rows: CsvRow[]; errors: CsvIssue[]; unstorable: CsvTextIssue[] };

/** Codes of issues that make the whole file unusable: no row of it can be trusted. */
export const FILE_LEVEL_CODES: ReadonlySet<string> = new Set([
  "too_large",
  "encoding",
  "xls",
  "xlsx_unreadable",
  "xlsx_too_large",
  "xlsx_no_sheet",
  "empty_file",
  "missing_column",
  "duplicate_column",
  "too_many_rows",
]);

export async function readTable(bytes: Uint8Array, opts: ReadTableOptions): Promise<Table> {
  if (bytes.length > opts.maxBytes) throw new CsvError("too_large", { maxMb: Math.floor((opts.maxBytes / 1024 / 1024) * 10) / 10 });
  const parse = { columns: opts.columns, maxRows: opts.maxRows };
  if (isOleCompound(bytes)) throw new CsvError("xls");
  if (isZip(bytes)) {
    const { rows, errors } = await parseXlsx(bytes, { ...parse, maxInflatedBytes: opts.maxInflatedBytes ?? maxInflatedBytes(opts.maxBytes) });
    const cells = rows.flatMap((r) => Object.values(r.values)).join("\n");
    return { encoding: "xlsx", rows, errors, unstorable: unstorableCsvCells(cells, rows, opts.maxListed) };
  }
  const decoded = decodeCsvUpload(bytes);
  const { rows, errors } = parseCsv(decoded.text, parse);
  return { encoding: decoded.encoding, rows, errors, unstorable: unstorableCsvCells(decoded.text, rows, opts.maxListed) };
}

/** Number of data rows in the file: the rows read plus those the reader had to reject. */
export function countDataRows(table: Pick<Table, "rows" | "errors">): number {
  return table.rows.length + table.errors.filter((i) => !FILE_LEVEL_CODES.has(i.code)).length;
}
