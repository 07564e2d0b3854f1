import { describe, expect, it } from "vitest";
import { z } from "zod";
import { paging } from "@/lib/validation/common";
import { exportHref, hasActiveFilters, listSearch, parseListParams } from "./params";

const flag = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional());
const ids = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().regex(/^[1-9]\d*$/)).transform((a) => a.map(Number)))
  .optional();

const schema = z
  .object({
    ...paging,
    q: z.string().trim().max(10).optional(),
    status: z.enum(["open", "closed"]).optional(),
    overdue: flag,
    department: ids,
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    sort: z.enum(["name", "dueOn"]).default("name"),
    dir: z.enum(["asc", "desc"]).default("asc"),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "order" });
  });

const DEFAULTS = { page: 1, pageSize: 50, sort: "name", dir: "asc" };

describe("parseListParams", () => {
  it("reads what the API would read", () => {
    expect(parseListParams(schema, new URLSearchParams("q=山田&status=open&department=1&department=2&sort=dueOn&page=3"))).toEqual({
      ...DEFAULTS,
      q: "山田",
      status: "open",
      department: [1, 2],
      sort: "dueOn",
      page: 3,
    });
  });

  it("drops bad parameters one by one and keeps the rest", () => {
    expect(parseListParams(schema, { q: "x", status: "nope", page: "0", sort: "bogus", overdue: "true", other: "1" })).toEqual({ ...DEFAULTS, q: "x", overdue: "true" });
    // A rule across fields drops the field it names.
    expect(parseListParams(schema, { from: "2026-05-01", to: "2026-04-01" })).toEqual({ ...DEFAULTS, from: "2026-05-01" });
    // A key the schema wants once, repeated: its first value; of repeated values the good ones.
    expect(parseListParams(schema, new URLSearchParams("status=closed&status=open"))).toEqual({ ...DEFAULTS, status: "closed" });
    expect(parseListParams(schema, { status: ["nope", "open"] })).toEqual({ ...DEFAULTS, status: "open" });
    expect(parseListParams(schema, { department: ["4", "x", "7"] })).toEqual({ ...DEFAULTS, department: [4, 7] });
    expect(parseListParams(schema, { department: ["x", "0"] })).toEqual(DEFAULTS);
  });

  it("takes empty values as absent, from a URL or a page's searchParams", () => {
    expect(parseListParams(schema, new URLSearchParams("q=&status=&department="))).toEqual(DEFAULTS);
    expect(parseListParams(schema, { q: undefined, department: ["", "4"] })).toEqual({ ...DEFAULTS, department: [4] });
  });
});

describe("listSearch", () => {
  it("leaves out defaults, empties and unknown keys; repeats arrays; filters in the schema's order, then order and paging", () => {
    expect(listSearch(schema, { status: "open", q: "a b", page: 1, pageSize: 50, sort: "name", dir: "desc", overdue: undefined, department: [2, 3] })).toBe(
      "?q=a+b&status=open&department=2&department=3&dir=desc",
    );
    expect(listSearch(schema, { pageSize: 20, page: 2, sort: "dueOn", q: "x" })).toBe("?q=x&sort=dueOn&page=2&pageSize=20");
    expect(listSearch(schema, { ...DEFAULTS, q: "" } as never)).toBe("");
    expect(listSearch(schema, { q: "x", nope: "1" } as never)).toBe("?q=x");
  });

  it("round-trips: the string parses back to the same state", () => {
    const state = parseListParams(schema, { q: "検索", status: "closed", department: ["5", "6"], page: "2", dir: "desc" });
    expect(parseListParams(schema, new URLSearchParams(listSearch(schema, state)))).toEqual(state);
  });
});

describe("hasActiveFilters", () => {
  it("counts filters, not paging or order", () => {
    expect(hasActiveFilters(schema, { ...DEFAULTS, page: 4, sort: "dueOn", dir: "desc" })).toBe(false);
    expect(hasActiveFilters(schema, { ...DEFAULTS, department: [] })).toBe(false);
    expect(hasActiveFilters(schema, { ...DEFAULTS, overdue: "false" })).toBe(true);
    const withDefaultFilter = z.object({ status: z.enum(["active", "left", "all"]).default("active") });
    expect(hasActiveFilters(withDefaultFilter, { status: "active" })).toBe(false);
    expect(hasActiveFilters(withDefaultFilter, { status: "all" })).toBe(true);
    // The scope of a page (here: the status) is not a filter.
    expect(hasActiveFilters(withDefaultFilter, { status: "all" }, ["status"])).toBe(false);
  });
});

describe("exportHref", () => {
  const exportSchema = z.object({ q: z.string().optional(), status: z.enum(["open", "closed"]).optional(), sort: z.enum(["name"]).default("name") });
  it("keeps the filters the export knows, drops paging, adds the format unless CSV", () => {
    const state = { ...DEFAULTS, page: 3, q: "x", status: "open" as const };
    expect(exportHref("/api/v1/things/export.csv", exportSchema, state)).toBe("/api/v1/things/export.csv?q=x&status=open");
    expect(exportHref("/api/v1/things/export.csv", exportSchema, state, "xlsx")).toBe("/api/v1/things/export.csv?q=x&status=open&format=xlsx");
    expect(exportHref("/api/v1/things/export.csv", exportSchema, DEFAULTS, "xlsx")).toBe("/api/v1/things/export.csv?format=xlsx");
  });
});
