import type { z } from "zod";
import type { ExportFormat } from "./export-format";

/**
 * A list's state in the URL, read and written with the zod query schema of the list endpoint, so a
 * page, its client component and the API agree on every filter.
 * Pure: used by server pages, client components and tests alike.
 */

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** A value as it can sit in the URL: arrays are repeated keys. */
export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** The values of a yes/no filter as list schemas take them ("true" | "false"; absent: either), for an EnumSelect. */
export const FLAG_VALUES = ["true", "false"] as const;

/** Keys of a list schema that page and order the list: not filters. */
const PAGING_KEYS = ["page", "pageSize"];
const NOT_FILTERS = new Set<string>([...PAGING_KEYS, "sort", "dir"]);

function collect(shape: Record<string, unknown>, raw: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    if (v === "" || !(k in shape)) return;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  if (raw instanceof URLSearchParams) for (const [k, v] of raw.entries()) add(k, v);
  else for (const [k, v] of Object.entries(raw)) for (const s of Array.isArray(v) ? v : [v]) if (typeof s === "string") add(k, s);
  return out;
}

/**
 * A list's filters from the URL, for pages and their client components (the API itself answers bad
 * parameters with a 400). A link someone edited by hand should still open the list: a parameter that
 * fails its schema is dropped, one by one, and the rest kept; of a repeated key the values that are
 * good on their own are kept (its first value if the schema wants it once); empty values and unknown
 * keys count as absent.
 */
export function parseListParams<T extends z.ZodObject>(schema: T, raw: RawParams): z.output<T> {
  const input = collect(schema.shape, raw);
  for (;;) {
    const r = schema.safeParse(input);
    if (r.success) return r.data;
    let changed = false;
    for (const issue of r.error.issues) {
      const key = String(issue.path[0]);
      const v = input[key];
      if (v === undefined) continue;
      changed = true;
      if (!Array.isArray(v)) {
        delete input[key];
        continue;
      }
      // Repeated: keep the values that are good on their own; if all are (a key the schema wants once), the first.
      const field = schema.shape[key] as z.ZodType;
      const good = v.filter((x) => field.safeParse(x).success);
      if (good.length === 0) delete input[key];
      else input[key] = good.length === 1 || good.length === v.length ? good[0] : good;
    }
    if (!changed) return schema.parse({});
  }
}

const defaultsCache = new WeakMap<z.ZodObject, Record<string, string>>();

/** Each key's default as it would be written in the URL ("" for none). */
function defaultsOf(schema: z.ZodObject): Record<string, string> {
  let d = defaultsCache.get(schema);
  if (!d) {
    d = {};
    for (const [k, field] of Object.entries(schema.shape)) {
      const r = (field as z.ZodType).safeParse(undefined);
      d[k] = r.success ? encode(r.data as ParamValue).join("\u0000") : "";
    }
    defaultsCache.set(schema, d);
  }
  return d;
}

function encode(v: ParamValue): string[] {
  if (v === undefined || v === null || v === "") return [];
  if (Array.isArray(v)) return v.map(String).filter((s) => s !== "");
  return [String(v)];
}

const ORDER_LAST = ["sort", "dir", ...PAGING_KEYS];

/** The schema's keys with the filters first (in the schema's order), then sort, dir, page, pageSize. */
function urlOrder(schema: z.ZodObject): string[] {
  const keys = Object.keys(schema.shape);
  return [...keys.filter((k) => !ORDER_LAST.includes(k)), ...ORDER_LAST.filter((k) => keys.includes(k))];
}

/**
 * The URL search string ("?a=1&b=x&b=y" or "") of a list's state: filters in the schema's order, then
 * sort, dir, page and pageSize; keys the
 * schema does not know, empty values and defaults left out (links stay short and one state has one
 * string, which is also the query cache key), arrays as repeated keys.
 */
export function listSearch<T extends z.ZodObject>(schema: T, values: Partial<Record<keyof z.output<T> & string, ParamValue>>): string {
  const defaults = defaultsOf(schema);
  const sp = new URLSearchParams();
  for (const k of urlOrder(schema)) {
    const parts = encode((values as Record<string, ParamValue>)[k]);
    if (parts.length === 0 || parts.join("\u0000") === defaults[k]) continue;
    for (const p of parts) sp.append(k, p);
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/**
 * True when a filter differs from its default. Paging and sort order are not filters, nor are the
 * `scope` keys: what a page is about (e.g. the fiscal year of a plan), which "clear filters" keeps.
 */
export function hasActiveFilters<T extends z.ZodObject>(
  schema: T,
  values: Partial<Record<keyof z.output<T> & string, ParamValue>>,
  scope: readonly string[] = [],
): boolean {
  const defaults = defaultsOf(schema);
  return Object.keys(schema.shape).some((k) => {
    if (NOT_FILTERS.has(k) || scope.includes(k)) return false;
    const parts = encode((values as Record<string, ParamValue>)[k]);
    return parts.length > 0 && parts.join("\u0000") !== defaults[k];
  });
}


/**
 * The link of a list's export: the list's filters as the export endpoint's schema knows them (paging
 * falls away because that schema has none), then `format` unless CSV.
 */
export function exportHref<T extends z.ZodObject>(path: string, schema: T, values: Partial<Record<string, ParamValue>>, format: ExportFormat = "csv"): string {
  const search = listSearch(schema, values as Partial<Record<keyof z.output<T> & string, ParamValue>>);
  if (format === "csv") return `${path}${search}`;
  return `${path}${search ? `${search}&` : "?"}format=${format}`;
}
