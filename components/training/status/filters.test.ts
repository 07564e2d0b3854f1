import { describe, expect, it } from "vitest";
import { fromRecord, fromSearchParams, listQueryInput, statusListFilterFrom, statusListParams, summaryFilterFrom } from "./filters";
import { listTrainingStatusQuery } from "@/lib/training/status-query";

describe("status list filter from the URL", () => {
  it("reads repeated and comma-separated values, drops invalid ones, fills defaults", () => {
    const sp = new URLSearchParams("department=4&department=2,x&status=overdue&status=late&status=compliant&employmentType=regular&fiscalYear=2026&sort=name&dir=desc&page=2&pageSize=7&q=佐藤");
    expect(statusListFilterFrom(fromSearchParams(sp))).toEqual({
      department: [2, 4],
      course: [],
      status: ["compliant", "overdue"],
      employmentType: ["regular"],
      fiscalYear: 2026,
      q: "佐藤",
      sort: "name",
      dir: "desc",
      page: 2,
      pageSize: 50,
    });
    expect(statusListFilterFrom(fromRecord({ sort: "salary", fiscalYear: "abc" }))).toMatchObject({ sort: "priority", fiscalYear: null, page: 1 });
  });

  it("the same filter from a page's searchParams and from URLSearchParams (same query key)", () => {
    const a = statusListFilterFrom(fromRecord({ department: ["4", "2"], status: "overdue" }));
    const b = statusListFilterFrom(fromSearchParams(new URLSearchParams("status=overdue&department=2&department=4")));
    expect(a).toEqual(b);
    expect(summaryFilterFrom(fromRecord({ fiscalYear: "2025", department: "4" }))).toEqual({ fiscalYear: 2025, department: [4], course: [] });
  });

  it("writes short URLs (defaults left out) that read back the same", () => {
    expect(statusListParams({ department: [4], fiscalYear: 2026, sort: "priority", page: 1, pageSize: 50 })).toEqual({
      department: [4],
      course: undefined,
      status: undefined,
      employmentType: undefined,
      q: undefined,
      fiscalYear: 2026,
      sort: undefined,
      dir: undefined,
      page: undefined,
      pageSize: undefined,
    });
  });

  it("the page prefetches exactly what the client's API call asks for", () => {
    const f = statusListFilterFrom(fromRecord({ department: "4,2", status: "overdue,due_soon", q: " 佐藤 ", sort: "dueOn", page: "3" }));
    // What the client sends: the URL params, as the route reads them.
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...statusListParams(f), page: f.page, pageSize: f.pageSize }))
      if (v !== undefined) (Array.isArray(v) ? v : [v]).forEach((x) => sp.append(k, String(x)));
    const raw: Record<string, string | string[]> = {};
    for (const k of new Set(sp.keys())) raw[k] = sp.getAll(k).length > 1 ? sp.getAll(k) : sp.get(k)!;
    const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    expect(defined(listTrainingStatusQuery.parse(raw))).toEqual(defined(listQueryInput(f)));
  });
});
