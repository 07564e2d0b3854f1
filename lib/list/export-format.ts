import { z } from "zod";

/** The download formats of a list export: CSV (UTF-8 with BOM) stays the default; Excel on request. */
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `format` parameter of every list export endpoint. */
export const exportFormat = z.enum(EXPORT_FORMATS, { error: "validation.invalidOption" }).default("csv");

/** An export endpoint's query: the list's filters plus `format` (refinements of `schema` are kept). */
export function withExportFormat<S extends z.ZodRawShape, C extends z.core.$ZodObjectConfig>(schema: z.ZodObject<S, C>) {
  return schema.extend({ format: exportFormat });
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What an export endpoint answers with, for its OpenAPI contract. */
export const EXPORT_CONTENT_TYPES = ["text/csv", XLSX_CONTENT_TYPE];
