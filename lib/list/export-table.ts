import ExcelJS from "exceljs";
import { contentDisposition, csvResponse, toCsv, type CsvCell } from "@/lib/csv/export";
import { formatDate, formatDateTime } from "@/lib/dates";
import { XLSX_CONTENT_TYPE, type ExportFormat } from "./export-format";

/**
 * One list export, written as CSV (UTF-8 with BOM, as lib/csv/export.ts makes it) or as an Excel
 * workbook (.xlsx) by the same endpoint: `?format=xlsx`. A route describes the table once — headers in
 * the reader's language, a type per column, raw values — and `exportResponse` writes either format:
 * in CSV dates read "yyyy/MM/dd" (or "yyyy/MM/dd HH:mm", Tokyo time), in Excel they are real dates
 * (sortable, filterable) shown the same way; the header row is bold and frozen, widths fit the text.
 */

export type ExportCell = string | number | boolean | Date | null | undefined;

export type ExportColumn = {
  header: string;
  /** "date": a calendar date ("YYYY-MM-DD" or a Date); "datetime": a timestamp shown in Tokyo time. */
  type?: "text" | "number" | "date" | "datetime";
  /** CSV writes a date as "YYYY-MM-DD" instead of "yyyy/MM/dd" (kept where an import reads it back). */
  isoDateInCsv?: boolean;
};

export type ExportTable = {
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** The download's name; its extension is set by the format ("…_2026-06-09.csv" → "…_2026-06-09.xlsx"). */
  fileName: string;
  /** The worksheet's name (Excel allows 31 characters); default "Sheet1". */
  sheetName?: string;
  /** The organisation (Settings), written into the workbook's properties as its company. */
  company?: string;
};

/** `fileName` with the extension of `format`. */
export function exportFileName(fileName: string, format: ExportFormat): string {
  return `${fileName.replace(/\.(csv|xlsx)$/i, "")}.${format}`;
}

/** The download of `table` in `format`: CSV with a BOM, or an .xlsx workbook; never cached; Japanese names as RFC 8187 filename*. */
export async function exportResponse(table: ExportTable, format: ExportFormat = "csv"): Promise<Response> {
  const fileName = exportFileName(table.fileName, format);
  if (format === "csv") return csvResponse(exportCsv(table), fileName);
  return xlsxResponse(await exportXlsx(table), fileName);
}

/** An .xlsx workbook's bytes as a download: never cached, Japanese names as RFC 8187 filename*. */
export function xlsxResponse(body: Uint8Array<ArrayBuffer>, fileName: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": contentDisposition(fileName),
      "content-length": String(body.byteLength),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** The CSV text of `table` (without the BOM, which csvResponse adds). */
export function exportCsv(table: ExportTable): string {
  return toCsv(
    table.columns.map((c) => c.header),
    table.rows.map((row) => table.columns.map((c, i) => csvCell(c, row[i]))),
  );
}

function csvCell(column: ExportColumn, value: ExportCell): CsvCell {
  if (value instanceof Date || column.type === "date" || column.type === "datetime") {
    if (value === null || value === undefined || value === "" || typeof value === "number" || typeof value === "boolean") return value;
    if (column.type === "datetime") return formatDateTime(value);
    return column.isoDateInCsv ? formatDate(value).replaceAll("/", "-") : formatDate(value);
  }
  return value;
}

/**
 * The Excel serial of a date as Tokyo reads it: Excel has no time zones, so the wall clock is written
 * (exceljs takes a Date's UTC fields). Null for an empty or unreadable value.
 */
function excelDate(value: ExportCell, withTime: boolean): Date | null {
  if (value === null || value === undefined || value === "" || typeof value === "number" || typeof value === "boolean") return null;
  const text = withTime ? formatDateTime(value) : formatDate(value);
  const m = /^(\d{4})\/(\d{2})\/(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

/** Display width of a text in Excel's character units: full-width (CJK, kana) characters count two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const DATE_FORMAT = "yyyy/mm/dd";
const DATETIME_FORMAT = "yyyy/mm/dd hh:mm";

/** The .xlsx bytes of `table`: one sheet, bold frozen header row with a filter, dates as dates, widths from the content. */
export async function exportXlsx(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  return exportWorkbook([table], { company: table.company, title: table.sheetName });
}

/** Several tables as the sheets of one workbook, in order, each laid out as exportXlsx lays out one (the first sheet is the one an import reads). */
export async function exportWorkbook(tables: readonly Omit<ExportTable, "fileName" | "company">[], props: { company?: string; title?: string } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  if (props.company) wb.company = props.company;
  if (props.title) wb.title = props.title;
  for (const table of tables) addSheet(wb, table);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addSheet(wb: ExcelJS.Workbook, table: Omit<ExportTable, "fileName" | "company">): void {
  const ws = wb.addWorksheet((table.sheetName ?? `Sheet${wb.worksheets.length + 1}`).replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet1", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const widths = table.columns.map((c) => textWidth(c.header));
  ws.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    const values = table.columns.map((c, i) => {
      const v = row[i];
      if (c.type === "date" || c.type === "datetime") {
        const d = excelDate(v, c.type === "datetime");
        if (d) widths[i] = Math.max(widths[i], c.type === "datetime" ? 16 : 10);
        return d;
      }
      if (v === undefined || v === "") return null;
      const text = String(v);
      widths[i] = Math.max(widths[i], ...text.split("\n").map(textWidth));
      return v;
    });
    const added = ws.addRow(values);
    // The date format goes on each cell: a column's style reaches only cells made after it, and a
    // date cell without one gets Excel's locale short date (LibreOffice in English shows 04/01/2027).
    table.columns.forEach((c, i) => {
      if (values[i] instanceof Date) added.getCell(i + 1).numFmt = c.type === "datetime" ? DATETIME_FORMAT : DATE_FORMAT;
    });
    // A cell of several lines (a list written one entry per line) shows them all.
    if (values.some((v) => typeof v === "string" && v.includes("\n"))) added.alignment = { wrapText: true, vertical: "top" };
  }
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(8, widths[i] + 2));
    if (c.type === "date") col.numFmt = DATE_FORMAT;
    if (c.type === "datetime") col.numFmt = DATETIME_FORMAT;
  });
  if (table.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}
