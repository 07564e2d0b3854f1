import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit-changes";

describe("auditChanges", () => {
  const fields = ["name", "email", "departmentId", "score", "passed", "note"] as const;
  it("lists changed fields only, in the given order, without bookkeeping columns", () => {
    const before = { name: "山田", email: null, departmentId: 1, version: 1, updatedAt: "x" };
    const after = { name: "山田", email: "a@b.jp", departmentId: 2, version: 2, updatedAt: "y" };
    expect(auditChanges(before, after, fields)).toEqual([
      { field: "email", before: null, after: "a@b.jp" },
      { field: "departmentId", before: 1, after: 2 },
    ]);
  });
  it("a creation lists every filled field (not null, empty text or an empty list)", () => {
    expect(auditChanges(null, { name: "x", email: null, note: "", score: 0, passed: false, departmentId: [] }, fields)).toEqual([
      { field: "score", before: null, after: 0 },
      { field: "passed", before: null, after: false },
      { field: "name", before: null, after: "x" },
    ].sort((a, b) => fields.indexOf(a.field as (typeof fields)[number]) - fields.indexOf(b.field as (typeof fields)[number])));
  });
  it("arrays and missing keys compare by value", () => {
    expect(auditChanges({ a: [1, 2] }, { a: [1, 2] }, ["a"])).toEqual([]);
    expect(auditChanges({}, { a: null }, ["a"])).toEqual([]);
    expect(auditChanges({ a: [1] }, { a: [1, 2] }, ["a"])).toEqual([{ field: "a", before: [1], after: [1, 2] }]);
  });
  it("copes with entries that are not objects", () => {
    expect(auditChanges("x", 3, ["a"])).toEqual([]);
    expect(auditChanges([1], { a: 1 }, ["a"])).toEqual([{ field: "a", before: null, after: 1 }]);
  });
});
