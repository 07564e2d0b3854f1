import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { ExportFormat } from "@/lib/list/export-format";
import { exportFileName, exportResponse, exportWorkbook, xlsxResponse, type ExportTable } from "@/lib/list/export-table";
import { getDb } from "@/db";
import { recordAudit } from "./audit";
import { getOrganization } from "./settings";

/**
 * Who downloaded a list (docs/security.md, "Audit trail"): the user, the list (the entity its rows are,
 * as the trail names it elsewhere) and the filters the rows were chosen by. A download takes personal
 * data out of the app, so it is written before the file is answered; if the trail cannot be written,
 * nothing is downloaded.
 */
export type ExportAudit = {
  user: Pick<SessionUser, "id" | "email">;
  entity: string;
  filters: Record<string, unknown>;
};

async function auditExport(audit: ExportAudit, format: ExportFormat, rows: number, sheets?: string[]): Promise<void> {
  const filters = Object.fromEntries(Object.entries(audit.filters).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  await recordAudit(await getDb(), audit.user, {
    action: "export",
    entity: audit.entity,
    after: { format, rows, filters, ...(sheets ? { sheets } : {}) },
  });
}

/**
 * A list's download (lib/list/export-table.ts) with what the database adds to it: an audit row for the
 * download, and an Excel workbook carries the organisation entered in Settings as its company (CSV has
 * no such property).
 */
export async function exportListResponse(table: ExportTable, format: ExportFormat, audit: ExportAudit): Promise<Response> {
  await auditExport(audit, format, table.rows.length);
  if (format !== "xlsx") return exportResponse(table, format);
  const { name } = await getOrganization();
  return exportResponse({ ...table, company: name || undefined }, format);
}

/**
 * Several tables as the sheets of one .xlsx download (the personal information register and its risk
 * analysis), each laid out as a list export's sheet, with the organisation as the workbook's company;
 * audited as one download (the rows of every sheet).
 */
export async function exportWorkbookResponse(sheets: readonly Omit<ExportTable, "fileName" | "company">[], fileName: string, audit: ExportAudit): Promise<Response> {
  await auditExport(audit, "xlsx", sheets.reduce((n, s) => n + s.rows.length, 0), sheets.map((s) => s.sheetName ?? ""));
  const { name } = await getOrganization();
  const body = await exportWorkbook(sheets, { company: name || undefined, title: sheets[0]?.sheetName });
  return xlsxResponse(body, exportFileName(fileName, "xlsx"));
}
