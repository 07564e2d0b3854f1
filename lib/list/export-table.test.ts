import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exportCsv, exportFileName, exportResponse, type ExportTable } from "./export-table";
import { withExportFormat, XLSX_CONTENT_TYPE } from "./export-format";

const table: ExportTable = {
  columns: [
    { header: "参照番号" },
    { header: "発見日時", type: "datetime" },
    { header: "期限", type: "date" },
    { header: "本人数", type: "number" },
    { header: "備考" },
  ],
  rows: [
    ["INC-1", "2026-06-09T14:30:00.000Z", "2026-06-12", 3, "=cmd"],
    ["INC-2", new Date("2026-01-01T00:00:00Z"), null, 0, ""],
  ],
  fileName: "インシデント一覧_2026-06-09.csv",
  sheetName: "インシデント",
};

async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0];
}

describe("exportResponse", () => {
  it("CSV: UTF-8 with BOM, dates as yyyy/MM/dd (Tokyo), formula-like text defused", async () => {
    const res = await exportResponse(table, "csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''%E3%82%A4");
    expect(res.headers.get("content-disposition")).toMatch(/\.csv$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split("\r\n")).toEqual([
      "参照番号,発見日時,期限,本人数,備考",
      "INC-1,2026/06/09 23:30,2026/06/12,3,\"'=cmd\"",
      "INC-2,2026/01/01 09:00,,0,",
      "",
    ]);
  });

  it("CSV can keep ISO dates where an import reads them back", () => {
    expect(exportCsv({ columns: [{ header: "d", type: "date", isoDateInCsv: true }], rows: [["2026-04-01"]], fileName: "x.csv" })).toBe("d\r\n2026-04-01\r\n");
  });

  it("xlsx: Japanese headers in a bold frozen row, dates as real dates in Tokyo time, widths fitted", async () => {
    const res = await exportResponse(table, "xlsx");
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="2026-06-09.xlsx"; filename*=UTF-8''${encodeURIComponent("インシデント一覧_2026-06-09.xlsx")}`,
    );
    const ws = await readXlsx(res);
    expect(ws.name).toBe("インシデント");
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).values).toEqual([undefined, "参照番号", "発見日時", "期限", "本人数", "備考"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const at = ws.getCell("B2");
    expect(at.value).toBeInstanceOf(Date);
    expect((at.value as Date).toISOString()).toBe("2026-06-09T23:30:00.000Z");
    expect(at.numFmt).toBe("yyyy/mm/dd hh:mm");
    expect((ws.getCell("C2").value as Date).toISOString()).toBe("2026-06-12T00:00:00.000Z");
    expect(ws.getCell("C2").numFmt).toBe("yyyy/mm/dd");
    expect(ws.getCell("C3").value).toBeNull();
    expect(ws.getCell("D2").value).toBe(3);
    // Text stays text in a workbook: no formula.
    expect(ws.getCell("E2").value).toBe("=cmd");
    expect(ws.getCell("E2").type).toBe(ExcelJS.ValueType.String);
    // 参照番号 is four full-width characters: eight units, plus padding.
    expect(ws.getColumn(1).width).toBe(10);
  });

  it("xlsx: the organisation as the workbook's company, the sheet's name as its title", async () => {
    const res = await exportResponse({ ...table, company: "RUFT株式会社" }, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.company).toBe("RUFT株式会社");
    expect(wb.title).toBe("インシデント");
    const without = new ExcelJS.Workbook();
    await without.xlsx.load(await (await exportResponse(table, "xlsx")).arrayBuffer());
    expect(without.company ?? "").toBe("");
  });

  it("names the file by its format", () => {
    expect(exportFileName("a_2026.csv", "xlsx")).toBe("a_2026.xlsx");
    expect(exportFileName("a_2026", "csv")).toBe("a_2026.csv");
  });
});

describe("withExportFormat", () => {
  it("adds format (csv by default) and keeps the list schema's own rules", () => {
    const q = withExportFormat(
      z.object({ from: z.string().optional(), to: z.string().optional() }).superRefine((v, ctx) => {
        if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "order" });
      }),
    );
    expect(q.parse({})).toEqual({ format: "csv" });
    expect(q.parse({ format: "xlsx" }).format).toBe("xlsx");
    expect(q.safeParse({ format: "pdf" }).success).toBe(false);
    expect(q.safeParse({ from: "2", to: "1" }).success).toBe(false);
  });
});
