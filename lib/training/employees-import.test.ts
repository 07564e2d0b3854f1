import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { csvIssues } from "@/lib/csv/import";
import { EMPLOYEE_CSV_COLUMNS, planImport, unknownDepartmentIssues, validateImportRows, type StoredEmployee } from "./employees-import";

const parse = (text: string) => parseCsv(text, { columns: EMPLOYEE_CSV_COLUMNS });

describe("validateImportRows", () => {
  it("accepts Japanese and English headers, slashes in dates, labels for employment types, and full-width numbers", () => {
    const ja = parse("社員番号,氏名,フリガナ,メール,部署コード,雇用形態,入社日,退職日\nＥ０１,山田 花子,ﾔﾏﾀﾞ ﾊﾅｺ,Hanako@Example.JP,D01,パート,2024/4/1,\n");
    const en = parse("employee_number,name,department_code,employment_type,hire_date\nE02,John,D01,executive,2024-04-01\n");
    expect(ja.errors).toEqual([]);
    expect(en.errors).toEqual([]);
    expect(validateImportRows(ja.rows)).toEqual({
      otherCodes: [],
      rows: [
        {
          line: 2,
          employeeNumber: "E01",
          name: "山田 花子",
          nameKana: "ヤマダ ハナコ",
          email: "hanako@example.jp",
          departmentCode: "D01",
          employmentType: "part_time",
          hireDate: "2024-04-01",
          leaveDate: null,
        },
      ],
      issues: [],
    });
    // Columns the file does not have stay undefined (so the stored values are kept).
    const [row] = validateImportRows(en.rows).rows;
    expect(row).toEqual({ line: 2, employeeNumber: "E02", name: "John", departmentCode: "D01", employmentType: "executive", hireDate: "2024-04-01" });
    expect("email" in row).toBe(false);
  });

  it("reports every problem with its line and column", () => {
    const { rows, errors } = parse(
      "社員番号,氏名,部署コード,雇用形態,入社日,退職日\n" +
        "A1,,D01,正社員,2024-04-01,\n" + // 2: name missing
        "\n" + // 3: blank, skipped
        "A2,x,D01,社長,2024-13-01,\n" + // 4: type and date
        "A3,x,D01,正社員,2024-04-01,2024-03-31\n" + // 5: leave before hire
        "A2,x,D01,正社員,2024-04-01,\n" + // 6: duplicate number (first on 4)
        "A 4,x,D 1,,2024-04-01,\n", // 7: bad number, bad code, no type
    );
    expect(errors).toEqual([]);
    const { rows: good, issues } = validateImportRows(rows);
    expect(good).toEqual([]);
    expect(issues.map((i) => `${i.line}:${i.column}:${i.messageKey}`)).toEqual([
      "2:name:validation.required",
      "4:employmentType:employees.import.errors.employmentType",
      "4:hireDate:validation.date",
      "5:leaveDate:employees.errors.leaveBeforeHire",
      "6:employeeNumber:employees.import.errors.duplicateInFile",
      "7:employeeNumber:employees.errors.numberFormat",
      "7:departmentCode:departments.errors.codeFormat",
      "7:employmentType:validation.required",
    ]);
    expect(issues.find((i) => i.line === 6)?.values).toEqual({ number: "A2", line: 4 });
    expect(validateImportRows(rows).otherCodes).toEqual([
      { line: 2, code: "D01" },
      { line: 4, code: "D01" },
      { line: 5, code: "D01" },
      { line: 6, code: "D01" },
    ]);
  });

  it("maps parser issues to the shared reader's messages, by column", () => {
    const { errors } = parse("社員番号,氏名\nA,b\n");
    expect(csvIssues(errors).map((i) => `${i.line}:${i.column}:${i.messageKey}`)).toEqual([
      "1:departmentCode:csv.errors.missing_column",
      "1:employmentType:csv.errors.missing_column",
      "1:hireDate:csv.errors.missing_column",
    ]);
  });
});

describe("unknownDepartmentIssues", () => {
  it("names the lines whose code is unknown", () => {
    expect(unknownDepartmentIssues([{ line: 3, code: "X" }, { line: 4, code: "D01" }], new Map([["D01", 1]]))).toEqual([
      { line: 3, column: "departmentCode", messageKey: "employees.import.errors.unknownDepartment", values: { code: "X" } },
    ]);
  });
});

describe("planImport", () => {
  const departments = new Map([
    ["D01", { id: 1, retired: false }],
    ["OLD", { id: 9, retired: true }],
  ]);
  const stored: StoredEmployee = {
    id: 10,
    version: 3,
    employeeNumber: "E1",
    name: "山田 花子",
    nameKana: "ヤマダ ハナコ",
    email: "h@example.jp",
    departmentId: 1,
    employmentType: "regular",
    hireDate: "2020-04-01",
    leaveDate: null,
    retiredAt: null,
  };
  const row = { line: 2, employeeNumber: "E1", name: "山田 花子", departmentCode: "D01", employmentType: "regular" as const, hireDate: "2020-04-01" };

  it("an identical row changes nothing; absent columns keep stored values", () => {
    const p = planImport([row], { departments, existing: new Map([["E1", stored]]) });
    expect(p).toEqual({ inserts: [], updates: [], unchanged: 1, issues: [] });
  });

  it("a changed row updates, listing the changed fields; an empty present cell clears the value", () => {
    const p = planImport([{ ...row, email: null, leaveDate: "2026-03-31" }], { departments, existing: new Map([["E1", stored]]) });
    expect(p.updates).toEqual([
      {
        line: 2,
        id: 10,
        version: 3,
        fields: ["email", "leaveDate"],
        values: { employeeNumber: "E1", name: "山田 花子", nameKana: "ヤマダ ハナコ", email: null, departmentId: 1, employmentType: "regular", hireDate: "2020-04-01", leaveDate: "2026-03-31" },
      },
    ]);
  });

  it("a new number inserts", () => {
    const p = planImport([{ ...row, employeeNumber: "E2" }], { departments, existing: new Map() });
    expect(p.inserts).toEqual([
      { line: 2, employeeNumber: "E2", name: "山田 花子", nameKana: null, email: null, departmentId: 1, employmentType: "regular", hireDate: "2020-04-01", leaveDate: null },
    ]);
  });

  it("refuses unknown and retired departments, except the retired one the employee is already in", () => {
    const inOld = { ...stored, departmentId: 9, leaveDate: "2021-03-31" };
    const p = planImport(
      [
        { ...row, line: 2, employeeNumber: "N1", departmentCode: "XX" },
        { ...row, line: 3, employeeNumber: "N2", departmentCode: "OLD" },
        { ...row, line: 4, departmentCode: "OLD", leaveDate: "2021-03-31", name: "山田 華子" },
      ],
      { departments, existing: new Map([["E1", inOld]]) },
    );
    expect(p.issues.map((i) => `${i.line}:${i.messageKey}`)).toEqual(["2:employees.import.errors.unknownDepartment", "3:employees.import.errors.retiredDepartment"]);
    expect(p.updates.map((u) => u.fields)).toEqual([["name"]]);
  });

  it("checks the hire date against a stored leave date the file does not carry", () => {
    const p = planImport([{ ...row, hireDate: "2022-04-01" }], { departments, existing: new Map([["E1", { ...stored, leaveDate: "2021-03-31" }]]) });
    expect(p.issues).toEqual([{ line: 2, column: "hireDate", messageKey: "employees.import.errors.storedLeaveBeforeHire", values: { leaveDate: "2021-03-31" } }]);
  });

  it("refuses to change a retired record but lets an identical row pass", () => {
    const retired = { ...stored, retiredAt: new Date() };
    expect(planImport([row], { departments, existing: new Map([["E1", retired]]) }).unchanged).toBe(1);
    expect(planImport([{ ...row, name: "別名" }], { departments, existing: new Map([["E1", retired]]) }).issues[0].messageKey).toBe(
      "employees.import.errors.retiredEmployee",
    );
  });
});
