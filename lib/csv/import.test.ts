import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkRow, csvIssues, importLineErrorSchema, linesWithIssues, sortIssues, toLineErrors, type ImportIssue } from "./import";

describe("import line errors", () => {
  const issues: ImportIssue[] = [
    { line: 4, column: "name", messageKey: "a.b.required" },
    { line: 3, code: "duplicate", messageKey: "x.duplicateRow", values: { first: 2 } },
    { line: 3, column: "email", messageKey: "x.unknown" },
    { line: 3, column: "name", messageKey: "x.name" },
  ];

  it("sorts by line, then by the module's column order, whole-row issues last", () => {
    expect(sortIssues(issues, ["name", "email"]).map((i) => `${i.line}:${i.column ?? "-"}`)).toEqual(["3:name", "3:email", "3:-", "4:name"]);
    expect(linesWithIssues(issues)).toBe(2);
  });

  it("writes ONE wire format: line, column, field line:<n>[:<column>], a code and the translated message (a generic one when untranslated)", () => {
    const texts: Record<string, string> = { "x.duplicateRow": "Same as line {first}", "csv.errors.generic": "This row cannot be read." };
    const out = toLineErrors(issues, (key, values) => texts[key]?.replace("{first}", String(values?.first ?? "")), 3);
    expect(out).toEqual([
      { line: 4, column: "name", field: "line:4:name", code: "required", message: "This row cannot be read." },
      { line: 3, field: "line:3", code: "duplicate", message: "Same as line 2" },
      { line: 3, column: "email", field: "line:3:email", code: "unknown", message: "This row cannot be read." },
    ]);
    for (const e of out) expect(importLineErrorSchema.strict().parse(e)).toEqual(e);
  });

  it("maps the reader's issues to csv.errors messages", () => {
    expect(csvIssues([{ line: 5, code: "field_count", values: { expected: 3, actual: 2 } }])).toEqual([
      { line: 5, code: "field_count", messageKey: "csv.errors.field_count", values: { expected: 3, actual: 2 } },
    ]);
  });

  it("checks a row with the module's zod schema, every problem by column", () => {
    const schema = z.object({ name: z.string().min(1, "validation.required"), age: z.coerce.number().int().max(120) });
    expect(checkRow(schema, { name: "a", age: "30" }, 2)).toEqual({ ok: true, data: { name: "a", age: 30 } });
    const bad = checkRow(schema, { name: "", age: "300" }, 7);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => [i.line, i.column, i.messageKey])).toEqual([
        [7, "name", "validation.required"],
        [7, "age", "validation.tooBig"],
      ]);
    }
  });
});
