import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

/**
 * Reading a downloaded workbook back in the tests: with exceljs (every sheet's cells as text), and —
 * where LibreOffice is installed (.ci/run installs it) — converted by LibreOffice Calc, every sheet to
 * a CSV of its own, read back here. Shared by the register export's and the renewal pack's tests.
 */

export type SheetText = { name: string; rows: string[][] };

/** Every sheet of the workbook, each cell as its text (a date as the yyyy/mm/dd it shows). */
export async function readXlsx(bytes: ArrayBuffer): Promise<{ sheets: SheetText[]; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheets = wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v instanceof Date ? v.toISOString().slice(0, 10).replaceAll("-", "/") : v === null || v === undefined ? "" : String(v));
      }
      rows.push(cells);
    });
    return { name: ws.name, rows };
  });
  return { sheets, wb };
}

export const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

/**
 * LibreOffice Calc converts the workbooks, every sheet to CSV (UTF-8), all in one start of it (starting
 * it with a fresh profile costs more than converting a workbook): name → (sheet name → its CSV text).
 * Names are letters, digits and '_'.
 */
export function convertAllWithLibreOffice(books: Record<string, ArrayBuffer>): Map<string, Map<string, string>> {
  const names = Object.keys(books);
  if (!names.every((n) => /^\w+$/.test(n))) throw new Error(`workbook names must be \\w+: ${names.join(", ")}`);
  const dir = mkdtempSync(path.join(tmpdir(), "books-lo-"));
  try {
    const files = names.map((name) => {
      const file = path.join(dir, `${name}.xlsx`);
      writeFileSync(file, new Uint8Array(books[name]));
      return file;
    });
    // Filter options: comma, double quote, UTF-8 (76), from line 1, …, cells as shown, sheet -1 = every sheet to its own file `<name>-<sheet>.csv`.
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", dir, ...files], {
      timeout: 120_000,
      stdio: "pipe",
    });
    const csvs = readdirSync(dir).filter((x) => x.endsWith(".csv"));
    return new Map(
      names.map((name) => [
        name,
        new Map(
          csvs
            .filter((f) => f === `${name}.csv` || f.startsWith(`${name}-`))
            .map((f) => [f.slice(name.length).replace(/^-/, "").replace(/\.csv$/, ""), readFileSync(path.join(dir, f), "utf8")] as const),
        ),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A CSV as LibreOffice writes it (comma, double quotes, cells with new lines quoted) → rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
