import "server-only";
import type { ExportFormat } from "@/lib/list/export-format";
import { exportResponse, type ExportTable } from "@/lib/list/export-table";
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
