import type { z } from "zod";

/**
 * A list's filters from the URL, for pages and their client components (the API itself answers bad
 * parameters with a 400). A link someone edited by hand should still open the list: parameters that
 * fail their schema are dropped, one by one, and the rest kept; empty values count as absent.
 */
export function parseListParams<T extends z.ZodObject>(
  schema: T,
  raw: URLSearchParams | Record<string, string | string[] | undefined>,
): z.output<T> {
  const input: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === "string" && value !== "" && k in schema.shape) input[k] = value;
  }
  for (let i = 0; i <= Object.keys(input).length; i++) {
    const r = schema.safeParse(input);
    if (r.success) return r.data;
    for (const issue of r.error.issues) delete input[String(issue.path[0])];
  }
  return schema.parse({});
}

/** The URL search string of a list's filters: defaults and empty values left out, so links stay short. */
export function listSearch(values: Record<string, string | number | boolean | null | undefined>, defaults: Record<string, string | number> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    if (defaults[k] !== undefined && String(defaults[k]) === String(v)) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}
