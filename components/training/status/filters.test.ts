import { describe, expect, it } from "vitest";
import { listQueryInput, statusListFilterFrom, statusListSearch, summaryFilterFrom, summarySearch } from "./filters";
import { listTrainingStatusQuery } from "@/lib/training/status-query";

describe("status list filter from the URL", () => {
  it("reads repeated and comma-separated values, drops invalid ones, fills defaults", () => {
    const sp = new URLSearchParams("department=4&department=2,x&department=3,1&status=overdue&status=late&status=compliant&employmentType=regular&fiscalYear=2026&sort=name&dir=desc&page=2&pageSize=7&q=佐藤");
    expect(statusListFilterFrom(sp)).toEqual({
      // "2,x" is dropped as a whole (a parameter is good or not), the rest sorted.
      department: [1, 3, 4],
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
    expect(statusListFilterFrom({ sort: "salary", fiscalYear: "abc" })).toMatchObject({ sort: "priority", fiscalYear: null, page: 1 });
  });

  it("the same filter from a page's searchParams and from URLSearchParams (same query key)", () => {
    const a = statusListFilterFrom({ department: ["4", "2"], status: "overdue" });
    const b = statusListFilterFrom(new URLSearchParams("status=overdue&department=2&department=4"));
    expect(a).toEqual(b);
    expect(summaryFilterFrom({ fiscalYear: "2025", department: "4" })).toEqual({ fiscalYear: 2025, department: [4], course: [] });
  });

  it("writes short URLs (defaults left out) that read back the same", () => {
    expect(statusListSearch({ department: [4], course: [], status: [], q: "", fiscalYear: 2026, sort: "priority", dir: "asc", page: 1, pageSize: 50 })).toBe(
      "?department=4&fiscalYear=2026",
    );
    const f = statusListFilterFrom({ department: "4,2", status: ["overdue", "exempt"], q: "佐藤", sort: "dueOn", dir: "desc", page: "3", pageSize: "20" });
    expect(statusListFilterFrom(new URLSearchParams(statusListSearch(f)))).toEqual(f);
    expect(summarySearch({ fiscalYear: null, department: [], course: [7] })).toBe("?course=7");
  });

  it("the page prefetches exactly what the client's API call asks for", () => {
    const f = statusListFilterFrom({ department: "4,2", status: "overdue,due_soon", q: " 佐藤 ", sort: "dueOn", page: "3" });
    // What the client sends: the URL params, as the route reads them.
    const sp = new URLSearchParams(statusListSearch(f));
    const raw: Record<string, string | string[]> = {};
    for (const k of new Set(sp.keys())) raw[k] = sp.getAll(k).length > 1 ? sp.getAll(k) : sp.get(k)!;
    const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    expect(defined(listTrainingStatusQuery.parse(raw))).toEqual(defined(listQueryInput(f)));
  });
});
