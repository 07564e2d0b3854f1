import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, type CsvColumn } from "./parse";

const columns: CsvColumn[] = [
  { key: "employeeNumber", headers: ["employee_number", "社員番号", "従業員番号"], required: true },
  { key: "name", headers: ["name", "氏名"], required: true },
  { key: "email", headers: ["email", "メールアドレス"] },
];

describe("parseCsv", () => {
  it("maps Japanese headers to keys and trims cells", () => {
    const { rows, errors } = parseCsv("社員番号,氏名,メールアドレス\r\n E001 , 山田 太郎 ,yamada@example.jp\r\nE002,髙橋 花子,\r\n", {
      columns,
    });
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, values: { employeeNumber: "E001", name: "山田 太郎", email: "yamada@example.jp" } },
      { line: 3, values: { employeeNumber: "E002", name: "髙橋 花子", email: "" } },
    ]);
  });

  it("matches headers case-insensitively, trimmed, in any order, and ignores unknown ones", () => {
    const { rows, errors } = parseCsv("  NAME ,部署, Employee_Number \nYamada,総務部,E001\n", { columns });
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, values: { name: "Yamada", employeeNumber: "E001" } }]);
    // An optional column that is absent is left out, so it can be told from an empty cell.
    expect("email" in rows[0].values).toBe(false);
  });

  it("accepts full-width and BOM-prefixed headers", () => {
    const { rows, errors } = parseCsv("\uFEFF従業員番号,氏名\u3000,ＥＭＡＩＬ\nE001,山田,a@example.jp\n", { columns });
    expect(errors).toEqual([]);
    expect(rows[0].values).toEqual({ employeeNumber: "E001", name: "山田", email: "a@example.jp" });
  });

  it("keeps line numbers right after a quoted cell with an embedded newline and comma", () => {
    const text = [
      "社員番号,氏名,メールアドレス",
      'E001,"山田\r\n太郎, 部長",a@example.jp',
      'E002,"複数行\n\n三行目",',
      "E003,佐藤,c@example.jp",
      "",
    ].join("\r\n");
    const { rows, errors } = parseCsv(text, { columns });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.values.employeeNumber, r.values.name])).toEqual([
      [2, "E001", "山田\r\n太郎, 部長"],
      [3, "E002", "複数行\n\n三行目"],
      [4, "E003", "佐藤"],
    ]);
  });

  it("skips blank lines (and all-empty rows Excel writes) but counts them as lines", () => {
    const text = "employee_number,name\n\nE001,A\n,,\n   \r\nE002,B\n\n\n";
    const { rows, errors } = parseCsv(text, { columns });
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 3, values: { employeeNumber: "E001", name: "A" } },
      { line: 6, values: { employeeNumber: "E002", name: "B" } },
    ]);
  });

  it("reports each missing required column at line 1 and returns no rows", () => {
    const { rows, errors } = parseCsv("メールアドレス,部署\na@example.jp,総務\n", { columns });
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        line: 1,
        column: "employeeNumber",
        code: "missing_column",
        values: { header: "employee_number", headers: "employee_number / 社員番号 / 従業員番号" },
      },
      { line: 1, column: "name", code: "missing_column", values: { header: "name", headers: "name / 氏名" } },
    ]);
  });

  it("does not require optional columns", () => {
    const { rows, errors } = parseCsv("社員番号,氏名\nE001,山田\n", { columns });
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, values: { employeeNumber: "E001", name: "山田" } }]);
  });

  it("reports two headers for the same column", () => {
    const { rows, errors } = parseCsv("社員番号,氏名,employee_number\nE001,山田,E001\n", { columns });
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, column: "employeeNumber", code: "duplicate_column", values: { header: "employee_number" } }]);
  });

  it("reports rows of the wrong shape and keeps the others", () => {
    const text = "社員番号,氏名\nE001,山田\nE002,佐藤,余分\nE003\nE004,鈴木,,\n";
    const { rows, errors } = parseCsv(text, { columns });
    expect(errors).toEqual([
      { line: 3, code: "field_count", values: { expected: 2, actual: 3 } },
      { line: 4, code: "field_count", values: { expected: 2, actual: 1 } },
    ]);
    // Empty trailing cells (a stray comma) are harmless.
    expect(rows).toEqual([
      { line: 2, values: { employeeNumber: "E001", name: "山田" } },
      { line: 5, values: { employeeNumber: "E004", name: "鈴木" } },
    ]);
  });

  it("reports an unterminated quote at the line where its row starts", () => {
    const { rows, errors } = parseCsv('社員番号,氏名\nE001,山田\nE002,"佐藤\nE003,鈴木\n', { columns });
    expect(rows).toEqual([{ line: 2, values: { employeeNumber: "E001", name: "山田" } }]);
    expect(errors).toEqual([{ line: 3, code: "unterminated_quote" }]);
  });

  it("stops after maxRows data rows", () => {
    const text = ["社員番号,氏名", "E001,A", "", "E002,B", "E003,C", "E004,D"].join("\n");
    const { rows, errors } = parseCsv(text, { columns, maxRows: 2 });
    expect(rows.map((r) => r.values.employeeNumber)).toEqual(["E001", "E002"]);
    expect(errors).toEqual([{ line: 5, code: "too_many_rows", values: { max: 2 } }]);
    expect(parseCsv(text, { columns, maxRows: 4 }).errors).toEqual([]);
  });

  it("reports an empty file", () => {
    expect(parseCsv("", { columns })).toEqual({ rows: [], errors: [{ line: 1, code: "empty_file" }] });
    expect(parseCsv("\r\n \r\n,,\r\n", { columns })).toEqual({ rows: [], errors: [{ line: 1, code: "empty_file" }] });
  });

  it("numbers the header by its own line when blank lines come first", () => {
    const { rows, errors } = parseCsv("\n社員番号,氏名\nE001,山田\n", { columns });
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 3, values: { employeeNumber: "E001", name: "山田" } }]);
  });

  it("returns no rows and no errors for a header-only file", () => {
    expect(parseCsv("社員番号,氏名\r\n", { columns })).toEqual({ rows: [], errors: [] });
  });

  it("handles escaped quotes", () => {
    const { rows } = parseCsv('社員番号,氏名\nE001,"山田 ""タロウ"" 太郎"\n', { columns });
    expect(rows[0].values.name).toBe('山田 "タロウ" 太郎');
  });
});

describe("CsvError", () => {
  it("carries a code and values", () => {
    const error = new CsvError("encoding", { detail: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CsvError");
    expect(error.code).toBe("encoding");
    expect(error.values).toEqual({ detail: 1 });
    expect(error.message).toBe("csv.errors.encoding");
  });
});
