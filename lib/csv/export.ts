import Papa from "papaparse";

/**
 * Lists → CSV for download. Runs in Node and in the browser (papaparse and the Fetch/Encoding APIs
 * only). Output is RFC 4180 with CRLF line ends; csvResponse prefixes a UTF-8 BOM so that Excel
 * (Japanese locale included) opens it as UTF-8 instead of Shift_JIS.
 */

export type CsvCell = string | number | boolean | null | undefined;

export const UTF8_BOM = "\uFEFF";

/**
 * A string cell that a spreadsheet could take for a formula (or that would start one after a
 * stripped tab / carriage return): OWASP's list for CSV injection. Such cells get a leading "'".
 * Only strings: a number such as -5 is written as -5.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The CSV text of a header row and data rows, every record ending in CRLF. null / undefined → empty
 * cell; true / false as is; a row shorter than the header is padded with empty cells.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  if (header.length === 0 && rows.length === 0) return "";
  const pad = (row: CsvCell[]): CsvCell[] =>
    row.length < header.length ? [...row, ...Array<null>(header.length - row.length).fill(null)] : row;
  const records: CsvCell[][] = header.length > 0 ? [header, ...rows.map(pad)] : rows;
  const csv = Papa.unparse<CsvCell[]>(records, { newline: "\r\n", delimiter: ",", quotes: false, escapeFormulae: FORMULA_START });
  return `${csv}\r\n`;
}

/** A download of `csv` as `fileName` (which may be Japanese): UTF-8 with a BOM, never cached. */
export function csvResponse(csv: string, fileName: string): Response {
  const body = new TextEncoder().encode(csv.startsWith(UTF8_BOM) ? csv : UTF8_BOM + csv);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(fileName),
      "content-length": String(body.byteLength),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 8187).
 * Browsers use filename*; the fallback keeps the ASCII part of the name and its extension.
 */
export function contentDisposition(fileName: string): string {
  // No control characters, path separators or lone surrogates in a file name.
  const name =
    fileName
      .replace(/[\u0000-\u001f\u007f/\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "_")
      .trim() || "download";
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

function asciiFallback(name: string): string {
  const dot = name.lastIndexOf(".");
  const hasExt = dot > 0 && /^\.[A-Za-z0-9]{1,10}$/.test(name.slice(dot));
  const ext = hasExt ? name.slice(dot) : "";
  const base = (hasExt ? name.slice(0, dot) : name)
    .replace(/[^A-Za-z0-9 ._()\-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^[_ .]+|[_ .]+$/g, "");
  return (/[A-Za-z0-9]/.test(base) ? base : "download") + ext;
}

/** encodeURIComponent leaves ' ( ) * alone, which RFC 8187's attr-char does not allow. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
