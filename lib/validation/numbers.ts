import { z } from "zod";

/** Number building blocks of the input schemas, shared by every module's forms and route handlers. */

const NUMERIC = /^[+-]?\d+(\.\d+)?$/;

/**
 * A number that may arrive as a JSON number or as a form/URL string. "" and null → null (not 0, as
 * z.coerce would make it); a numeric string → its number; anything else is left for zod to refuse.
 */
export function numberOrNull(v: unknown): unknown {
  if (v === undefined || v === null) return v;
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "") return null;
    return NUMERIC.test(s) ? Number(s) : v;
  }
  return v;
}

/** As numberOrNull, and a quantity may be written with thousands separators ("1,000"). */
export function groupedNumberOrNull(v: unknown): unknown {
  return numberOrNull(typeof v === "string" ? v.replace(/,/g, "") : v);
}

/** Missing → "required", anything else that is not a number → "invalid type". */
export const numberError = (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null || iss.input === "" ? "validation.required" : "validation.invalidType";

/** A whole number in [min, max]; messages name the bound. */
export const wholeNumber = (min: number, max: number) =>
  z.number({ error: numberError }).int("validation.wholeNumber").min(min, "validation.tooSmall").max(max, "validation.tooBig");

/** Largest value of a Postgres integer (serial) column. */
export const MAX_INT4 = 2_147_483_647;

/** A positive integer id (JSON number or numeric string) that fits an integer column. */
export const refId = z.preprocess(
  numberOrNull,
  z.number({ error: numberError }).int("validation.invalidType").positive("validation.invalidType").max(MAX_INT4, "validation.invalidType"),
);
