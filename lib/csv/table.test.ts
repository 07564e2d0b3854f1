import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { CsvError, type CsvColumn } from "./parse";
import { countDataRows, readTable } from "./table";
import { zipSync } from "fflate";
import { cellText, maxInflatedBytes } from "./xlsx";

const columns: CsvColumn[] = [
  { key: "employeeNumber", headers: ["社員番号", "employee_number"], required: true },
  { key: "name", headers: ["氏名", "name"], required: true },
  { key: "hireDate", headers: ["入社日", "hire_date"] },
  { key: "score", headers: ["点数", "score"] },
];
const opts = { columns, maxRows: 100, maxBytes: 1024 * 1024 };

async function workbook(rows: unknown[][], sheets: (wb: ExcelJS.Workbook) => void = () => {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets(wb);
  const ws = wb.addWorksheet("社員");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function thrown(p: Promise<unknown>): Promise<CsvError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CsvError) return err;
    throw err;
  }
  throw new Error("expected a CsvError");
}

describe("readTable: CSV", () => {
  it("reads Shift_JIS (CP932) with Japanese headers, including NEC and IBM extension characters", async () => {
    const bytes = iconv.encode("社員番号,氏名,入社日\r\nE001,髙橋 ①郎,2025/04/01\r\nE002,﨑山 ㈱子,2025-05-01\r\n", "cp932");
    const t = await readTable(new Uint8Array(bytes), opts);
    expect(t.encoding).toBe("shift_jis");
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, values: { employeeNumber: "E001", name: "髙橋 ①郎", hireDate: "2025/04/01" } },
      { line: 3, values: { employeeNumber: "E002", name: "﨑山 ㈱子", hireDate: "2025-05-01" } },
    ]);
  });

  it("tells UTF-8 with and without BOM apart", async () => {
    const text = "employee_number,name\nE1,山田\n";
    expect((await readTable(new TextEncoder().encode(text), opts)).encoding).toBe("utf-8");
    expect((await readTable(new TextEncoder().encode(`\uFEFF${text}`), opts)).encoding).toBe("utf-8-bom");
  });

  it("holds the file to the byte cap before reading anything", async () => {
    const bytes = new TextEncoder().encode("employee_number,name\nE1,山田\n");
    const err = await thrown(readTable(bytes, { ...opts, maxBytes: bytes.length - 1 }));
    expect(err.code).toBe("too_large");
    expect((await readTable(bytes, { ...opts, maxBytes: bytes.length })).rows).toHaveLength(1);
  });

  it("stops at the row cap with a too_many_rows issue on the first row over it", async () => {
    const lines = ["社員番号,氏名", ...Array.from({ length: 5 }, (_, i) => `E${i},名前${i}`)];
    const t = await readTable(new TextEncoder().encode(lines.join("\n")), { ...opts, maxRows: 3 });
    expect(t.rows).toHaveLength(3);
    expect(t.errors).toEqual([{ line: 5, code: "too_many_rows", values: { max: 3 } }]);
  });

  it("names the cells Postgres cannot store", async () => {
    const t = await readTable(new TextEncoder().encode("社員番号,氏名\nE1,山\u0000田\n"), opts);
    expect(t.unstorable).toEqual([{ line: 2, column: "name" }]);
  });

  it("refuses UTF-16 text and binary files as encoding problems, and old .xls workbooks by their signature", async () => {
    expect((await thrown(readTable(new Uint8Array([0xff, 0xfe, 0x3e, 0x79, 0x58, 0x54]), opts))).code).toBe("encoding");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await thrown(readTable(ole, opts))).code).toBe("xls");
  });
});

describe("readTable: Excel (.xlsx)", () => {
  it("reads the first sheet into the same rows as a CSV, told by its bytes, with Excel's row numbers", async () => {
    const bytes = await workbook(
      [
        ["社員番号", "氏名", "入社日", "点数", "メモ"],
        ["E001", { richText: [{ text: "髙橋 " }, { text: "①郎" }] }, new Date(Date.UTC(2025, 3, 1)), 85, "x"],
        [],
        [12, "数値の番号", new Date(Date.UTC(2025, 4, 1, 9, 30)), { formula: "40+50", result: 90 }],
        ["E003", { text: "リンク", hyperlink: "https://example.jp" }, "2025/06/01", null],
      ],
      (wb) => wb.addWorksheet("説明").addRow(["この表は読まれない"]),
    );
    // The explanatory sheet was added first: it is the first sheet, and the data sheet is second.
    const t0 = await readTable(bytes, opts);
    expect(t0.errors.map((e) => e.code)).toEqual(["missing_column", "missing_column"]);

    const data = await workbook([
      ["社員番号", "氏名", "入社日", "点数", "メモ"],
      ["E001", { richText: [{ text: "髙橋 " }, { text: "①郎" }] }, new Date(Date.UTC(2025, 3, 1)), 85, "x"],
      [],
      [12, "数値の番号", new Date(Date.UTC(2025, 4, 1, 9, 30)), { formula: "40+50", result: 90 }],
      ["E003", { text: "リンク", hyperlink: "https://example.jp" }, "2025/06/01", null],
    ]);
    const t = await readTable(data, opts);
    expect(t.encoding).toBe("xlsx");
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, values: { employeeNumber: "E001", name: "髙橋 ①郎", hireDate: "2025-04-01", score: "85" } },
      { line: 4, values: { employeeNumber: "12", name: "数値の番号", hireDate: "2025-05-01 09:30:00", score: "90" } },
      { line: 5, values: { employeeNumber: "E003", name: "リンク", hireDate: "2025/06/01", score: "" } },
    ]);
    expect(countDataRows(t)).toBe(3);
  });

  it("applies the header rules and the row cap to a workbook too", async () => {
    const missing = await readTable(await workbook([["社員番号"], ["E1"]]), opts);
    expect(missing.rows).toEqual([]);
    expect(missing.errors).toEqual([expect.objectContaining({ line: 1, column: "name", code: "missing_column" })]);

    const many = await readTable(await workbook([["社員番号", "氏名"], ...Array.from({ length: 6 }, (_, i) => [`E${i}`, `名前${i}`])]), { ...opts, maxRows: 4 });
    expect(many.rows).toHaveLength(4);
    expect(many.errors).toEqual([{ line: 6, code: "too_many_rows", values: { max: 4 } }]);

    const empty = await readTable(await workbook([]), opts);
    expect(empty.errors).toEqual([{ line: 1, code: "empty_file" }]);
  });

  it("refuses a ZIP that is not a workbook, whatever it is called", async () => {
    expect((await thrown(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff]), opts))).code).toBe("xlsx_unreadable");
  });

  it("refuses a small upload that inflates past the limit (a ZIP bomb) before exceljs loads it", async () => {
    // 16 MiB of zeros compress to about 16 KiB; the declared sizes are not what is checked.
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(16 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(256 * 1024);
    const err = await thrown(readTable(bomb, { ...opts, maxInflatedBytes: 4 * 1024 * 1024 }));
    expect(err.code).toBe("xlsx_too_large");
    expect(err.values).toEqual({ maxMb: 4 });
    // The same limit lets a real workbook through.
    const ok = await readTable(await workbook([["社員番号", "氏名"], ["E1", "山田"]]), { ...opts, maxInflatedBytes: 4 * 1024 * 1024 });
    expect(ok.rows).toHaveLength(1);
    expect(maxInflatedBytes(20 * 1024 * 1024)).toBe(200 * 1024 * 1024);
    expect(maxInflatedBytes(1024)).toBe(64 * 1024 * 1024);
  }, 30_000); // deflates a large archive on purpose: seconds on a busy machine

  it("turns every kind of cell value into text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(0.5)).toBe("0.5");
    expect(cellText(new Date(Date.UTC(2026, 0, 31)))).toBe("2026-01-31");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText({ sharedFormula: "A1", result: new Date(Date.UTC(2026, 1, 1)) })).toBe("2026-02-01");
    expect(cellText({ formula: "A1" })).toBe("");
  });
});
