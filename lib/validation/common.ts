import { z } from "zod";

/** Building blocks of the input schemas, shared by forms and route handlers. */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2999;
}

/** A calendar date "YYYY-MM-DD" (also accepts "YYYY/MM/DD", as Japanese spreadsheets write it). */
export const isoDate = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .transform((s) => s.replaceAll("/", "-").replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_, y, m, d) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`))
  .refine(isRealDate, "validation.date");

export const optionalIsoDate = z
  .union([z.literal(""), z.null(), isoDate])
  .optional()
  .transform((v) => (v ? v : null));

export const requiredText = (max = 200) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

export const optionalText = (max = 2000) =>
  z
    .union([z.string().trim().max(max, "validation.tooLong"), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

export const id = z.coerce.number({ error: "validation.invalidType" }).int().positive();

export const version = z.coerce.number({ error: "validation.required" }).int().min(1);
/** The body of an action that needs only the version the client read (retire, restore …; stale → 409). */
export const versionOnlySchema = z.object({ version });

/** List paging: page 1-based, size bounded so nobody asks the server for a million rows. */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const sortDir = z.enum(["asc", "desc"]).default("asc");
