import { Unzip, UnzipInflate } from "fflate";
import { CsvError, createRowReader, type CsvIssue, type CsvRow, type ParseCsvOptions } from "./parse";

/**
 * The first worksheet of an Excel workbook (.xlsx) → the same rows and issues as parseCsv, so an
 * import reads either format through one path (lib/csv/table.ts). exceljs does the reading; it is
 * loaded only when a workbook actually arrives. Line numbers are Excel's row numbers, which is what
 * the user sees beside each row. Cells become the text a CSV export of the sheet would hold: dates
 * as YYYY-MM-DD (with the time when it is not midnight), numbers as written, formulas as their
 * cached result, rich text and hyperlinks as their text.
 */

/** A ZIP archive (every .xlsx is one): "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: Excel 97–2003 (.xls) or a password-protected workbook, which exceljs cannot read. */
export function isOleCompound(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

/** How many bytes a workbook may inflate to, by default: 10 times the upload cap (real workbooks compress 5–10×), at least 64 MiB. */
export function maxInflatedBytes(maxUploadBytes: number): number {
  return Math.max(64 * 1024 * 1024, maxUploadBytes * 10);
}

/**
 * A ZIP's content is inflated here in a stream, counting the bytes, before exceljs loads it whole: a
 * small upload that inflates to gigabytes (a "ZIP bomb") is refused as unreadable without exhausting
 * memory. The sizes a ZIP declares are not trusted; the bytes actually inflated are counted. Throws
 * CsvError("xlsx_too_large") over the limit, CsvError("xlsx_unreadable") when the ZIP is broken.
 */
export function assertInflatesWithin(bytes: Uint8Array, maxBytes: number): void {
  let total = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err || over) return;
      total += chunk.length;
      if (total > maxBytes) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Pushed in slices so that a refusal stops the inflating early.
    const step = 64 * 1024;
    for (let i = 0; i < bytes.length && !over; i += step) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length);
  } catch {
    if (!over) throw new CsvError("xlsx_unreadable");
  }
  if (over) throw new CsvError("xlsx_too_large", { maxMb: Math.floor(maxBytes / 1024 / 1024) });
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function dateText(d: Date): string {
  // exceljs hands dates over as the wall-clock time in UTC (Excel stores no time zone).
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

/** A cell's value (exceljs CellValue) as text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateText(value);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v || v.formula !== undefined || v.sharedFormula !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (typeof v.error === "string") return v.error;
  }
  return "";
}

/**
 * Reads the first worksheet, after assertInflatesWithin. Throws CsvError("xlsx_unreadable") when the bytes are not a workbook
 * exceljs can open (a broken or non-Excel ZIP), CsvError("xlsx_no_sheet") when it has no sheet.
 */
export async function parseXlsx(bytes: Uint8Array, opts: ParseCsvOptions & { maxInflatedBytes: number }): Promise<{ rows: CsvRow[]; errors: CsvIssue[] }> {
  assertInflatesWithin(bytes, opts.maxInflatedBytes);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; any ArrayBuffer view is read the same way.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new CsvError("xlsx_unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CsvError("xlsx_no_sheet");

  const reader = createRowReader({ ...opts, strictWidth: false });
  let stopped = false;
  sheet.eachRow((row, line) => {
    if (stopped) return;
    // row.values is 1-based (index 0 is empty): column A is values[1].
    const raw = Array.isArray(row.values) ? row.values.slice(1) : [];
    const fields = Array.from({ length: raw.length }, (_, i) => cellText(raw[i]));
    if (reader.push(fields, line) === "stop") stopped = true;
  });
  return reader.finish();
}
