import "server-only";
import type { ExportFormat } from "@/lib/list/export-format";
import { exportFileName, exportResponse, exportWorkbook, xlsxResponse, type ExportTable } from "@/lib/list/export-table";
import { getOrganization } from "./settings";

/**
 * A list's download (lib/list/export-table.ts) with what the database adds to it: an Excel workbook
 * carries the organisation entered in Settings as its company. CSV has no such property.
 */
export async function exportListResponse(table: ExportTable, format: ExportFormat = "csv"): Promise<Response> {
  if (format !== "xlsx") return exportResponse(table, format);
  const { name } = await getOrganization();
  return exportResponse({ ...table, company: name || undefined }, format);
}

/**
 * Several tables as the sheets of one .xlsx download (the personal information register and its risk
 * analysis), each laid out as a list export's sheet, with the organisation as the workbook's company.
 */
export async function exportWorkbookResponse(sheets: readonly Omit<ExportTable, "fileName" | "company">[], fileName: string): Promise<Response> {
  const { name } = await getOrganization();
  const body = await exportWorkbook(sheets, { company: name || undefined, title: sheets[0]?.sheetName });
  return xlsxResponse(body, exportFileName(fileName, "xlsx"));
}
