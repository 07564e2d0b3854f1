import { describe, expect, it } from "vitest";
import { sortIssues } from "@/lib/csv/import";
import { parseCsv } from "@/lib/csv/parse";
import { countDataRows } from "@/lib/csv/table";
import {
  IMPORT_COLUMNS,
  IMPORT_COLUMN_KEYS,
  TEMPLATE_HEADERS,
  buildImportLookups,
  parseImportDate,
  parseMethod,
  parseScore,
  validateImportRows,
  type ImportCourse,
  type ImportEmployee,
} from "./import";

const employees: ImportEmployee[] = [
  { id: 1, employeeNumber: "E0001", name: "佐藤 花子", retiredAt: null },
  { id: 2, employeeNumber: "E0002", name: "鈴木 一郎", retiredAt: null },
  { id: 3, employeeNumber: "E0003", name: "高橋 次郎", retiredAt: new Date("2026-01-01T00:00:00Z") },
];
const courses: ImportCourse[] = [
  { id: 10, code: "PI-BASIC", title: "個人情報保護基礎研修", passMark: 80, retiredAt: null },
  { id: 11, code: "SEC-AWARE", title: "情報セキュリティ意識向上研修", passMark: null, retiredAt: null },
  { id: 12, code: "OLD-COURSE", title: "旧研修", passMark: null, retiredAt: new Date("2025-01-01T00:00:00Z") },
];
const lookups = buildImportLookups(employees, courses, "2026-11-24");

function run(csv: string) {
  const parsed = parseCsv(csv, { columns: IMPORT_COLUMNS });
  expect(parsed.errors).toEqual([]);
  return validateImportRows(parsed.rows, lookups);
}

const codes = (r: ReturnType<typeof run>) => r.errors.map((e) => [e.line, e.column ?? null, e.code]);

describe("parseImportDate", () => {
  it.each([
    ["2026-06-01", "2026-06-01"],
    ["2026/06/01", "2026-06-01"],
    ["2026/6/1", "2026-06-01"],
    ["2026-6-1", "2026-06-01"],
    ["2026.6.1", "2026-06-01"],
    ["2026年6月1日", "2026-06-01"],
    ["20260601", "2026-06-01"],
    ["2026/6/1 0:00", "2026-06-01"],
    ["2026-06-01 00:00:00", "2026-06-01"],
    ["２０２６／６／１", "2026-06-01"],
    [" 2024/2/29 ", "2024-02-29"],
  ])("%s → %s", (raw, iso) => expect(parseImportDate(raw)).toBe(iso));

  it.each(["2026-02-30", "2025/2/29", "6/1/2026", "01/06/2026", "26/6/1", "2026-13-01", "yesterday", "", "1899-12-31", "46174"])(
    "refuses %s",
    (raw) => expect(parseImportDate(raw)).toBeNull(),
  );
});

describe("parseScore and parseMethod", () => {
  it("reads scores 0–100, blank as undefined, anything else as NaN", () => {
    expect(parseScore("85")).toBe(85);
    expect(parseScore("０")).toBe(0);
    expect(parseScore("100")).toBe(100);
    expect(parseScore("90.0")).toBe(90);
    expect(parseScore("")).toBeUndefined();
    expect(parseScore("  ")).toBeUndefined();
    for (const bad of ["101", "-1", "85.5", "八十", "85点", "1e2"]) expect(parseScore(bad)).toBeNaN();
  });

  it("knows the methods in Japanese and English, blank means e-learning", () => {
    expect(parseMethod("")).toBe("e_learning");
    expect(parseMethod("eラーニング")).toBe("e_learning");
    expect(parseMethod("ｅラーニング")).toBe("e_learning");
    expect(parseMethod("E-Learning")).toBe("e_learning");
    expect(parseMethod("e_learning")).toBe("e_learning");
    expect(parseMethod("集合研修")).toBe("classroom");
    expect(parseMethod("classroom")).toBe("classroom");
    expect(parseMethod("動画")).toBe("video");
    expect(parseMethod("VIDEO")).toBe("video");
    expect(parseMethod("電話")).toBeUndefined();
  });
});

describe("validateImportRows", () => {
  it("turns good rows into records: ids, passed from the pass mark, defaults", () => {
    const r = run(
      [
        "社員番号,コースコード,受講日,点数,受講方法,証跡",
        "E0001,PI-BASIC,2026/6/1,85,集合研修,出席簿2026-06",
        "E0002,PI-BASIC,2026-06-02,79,,",
        "E0001,SEC-AWARE,2026年2月10日,,動画,",
      ].join("\r\n"),
    );
    expect(r.errors).toEqual([]);
    expect(r.records).toEqual([
      expect.objectContaining({ line: 2, employeeId: 1, courseId: 10, completedOn: "2026-06-01", score: 85, passed: true, method: "classroom", evidence: "出席簿2026-06" }),
      expect.objectContaining({ line: 3, employeeId: 2, courseId: 10, completedOn: "2026-06-02", score: 79, passed: false, method: "e_learning", evidence: null }),
      expect.objectContaining({ line: 4, employeeId: 1, courseId: 11, completedOn: "2026-02-10", score: null, passed: true, method: "video" }),
    ]);
    expect(r.records[0]).toMatchObject({ employeeNumber: "E0001", employeeName: "佐藤 花子", courseCode: "PI-BASIC", courseTitle: "個人情報保護基礎研修" });
  });

  it("accepts English headers, optional columns left out, full-width and lower-case codes", () => {
    const r = run("employee_number,course_code,completed_on\r\nＥ０００２,sec-aware,2026-11-24\r\n");
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({ employeeId: 2, courseId: 11, completedOn: "2026-11-24", score: null, passed: true, method: "e_learning", evidence: null });
  });

  it("reports each row error with its line and column", () => {
    const r = run(
      [
        "社員番号,コース,受講日,点数,受講方法,証跡",
        "E9999,PI-BASIC,2026-06-01,90,,", // 2 unknown employee
        "E0003,PI-BASIC,2026-06-01,90,,", // 3 retired employee
        "E0001,NOPE,2026-06-01,90,,", // 4 unknown course
        "E0001,OLD-COURSE,2026-06-01,,,", // 5 retired course
        "E0001,SEC-AWARE,2026-02-30,,,", // 6 bad date
        "E0001,SEC-AWARE,2026-11-25,,,", // 7 future date (today is 2026-11-24)
        "E0001,PI-BASIC,2026-06-03,101,,", // 8 score out of range
        "E0001,PI-BASIC,2026-06-04,,,", // 9 score required by the pass mark
        "E0001,SEC-AWARE,2026-06-05,,電話,", // 10 unknown method
        ",,,,,", // 11 blank row: skipped by the reader
        "E0002,,,,,", // 12 course and date missing
      ].join("\n"),
    );
    expect(codes(r)).toEqual([
      [2, "employeeNumber", "unknownEmployee"],
      [3, "employeeNumber", "retiredEmployee"],
      [4, "courseCode", "unknownCourse"],
      [5, "courseCode", "retiredCourse"],
      [6, "completedOn", "badDate"],
      [7, "completedOn", "futureDate"],
      [8, "score", "badScore"],
      [9, "score", "scoreRequired"],
      [10, "method", "badMethod"],
      [12, "courseCode", "courseRequired"],
      [12, "completedOn", "dateRequired"],
    ]);
    expect(r.records).toEqual([]);
    expect(r.errors[0]).toMatchObject({ messageKey: "import.errors.unknownEmployee", values: { value: "E9999" } });
    expect(r.errors[7]).toMatchObject({ values: { course: "PI-BASIC", passMark: 80 } });
  });

  it("one row can carry several errors; the good rows around it still validate", () => {
    const r = run("社員番号,コース,受講日,点数\nE0001,PI-BASIC,2026-06-01,80\nE9999,NOPE,someday,abc\nE0002,PI-BASIC,2026-06-01,80\n");
    expect(codes(r)).toEqual([
      [3, "employeeNumber", "unknownEmployee"],
      [3, "courseCode", "unknownCourse"],
      [3, "completedOn", "badDate"],
      [3, "score", "badScore"],
    ]);
    expect(r.records.map((x) => x.line)).toEqual([2, 4]);
  });

  it("reports the second of two identical rows (same employee, course and date, however written)", () => {
    const r = run(
      [
        "社員番号,コース,受講日,点数",
        "E0001,PI-BASIC,2026-06-01,85",
        "E0002,PI-BASIC,2026-06-01,85",
        "e0001,pi-basic,2026/6/1,90", // same key as line 2
        "E0001,PI-BASIC,2026-06-02,85", // another day: fine
      ].join("\n"),
    );
    expect(codes(r)).toEqual([[4, null, "duplicateRow"]]);
    expect(r.errors[0].values).toEqual({ firstLine: 2 });
    expect(r.records.map((x) => x.line)).toEqual([2, 3, 5]);
  });

  it("evidence longer than the limit is an error", () => {
    const r = run(`社員番号,コース,受講日,証跡\nE0001,SEC-AWARE,2026-06-01,${"x".repeat(501)}\n`);
    expect(codes(r)).toEqual([[2, "evidence", "evidenceTooLong"]]);
  });

  it("line numbers follow the spreadsheet even with quoted multi-line cells and blank lines", () => {
    const r = run('社員番号,コース,受講日,証跡\nE0001,SEC-AWARE,2026-06-01,"一行目\n二行目"\n\nE9999,SEC-AWARE,2026-06-01,\n');
    expect(codes(r)).toEqual([[4, "employeeNumber", "unknownEmployee"]]);
  });
});

describe("helpers", () => {
  it("template headers are the Japanese names and are all recognised", () => {
    expect(TEMPLATE_HEADERS).toEqual(["社員番号", "コースコード", "受講日", "点数", "受講方法", "証跡"]);
    const parsed = parseCsv(`${TEMPLATE_HEADERS.join(",")}\nE0001,PI-BASIC,2026-06-01,90,eラーニング,\n`, { columns: IMPORT_COLUMNS });
    expect(parsed.errors).toEqual([]);
    expect(Object.keys(parsed.rows[0].values).sort()).toEqual(["completedOn", "courseCode", "employeeNumber", "evidence", "method", "score"]);
  });

  it("counts rows the reader rejected as data rows; sorts issues by line and column", () => {
    const parsed = parseCsv("社員番号,コース,受講日\nE0001,PI-BASIC\nE0001,PI-BASIC,2026-06-01\n", { columns: IMPORT_COLUMNS });
    expect(countDataRows(parsed)).toBe(2);
    const sorted = sortIssues([
      { line: 3, column: "score", code: "a", messageKey: "a" },
      { line: 2, code: "b", messageKey: "b" },
      { line: 3, column: "employeeNumber", code: "c", messageKey: "c" },
    ], IMPORT_COLUMN_KEYS);
    expect(sorted.map((i) => i.code)).toEqual(["b", "c", "a"]);
  });

  it("a case-insensitive match is used only when it is unambiguous", () => {
    const l = buildImportLookups(
      [
        { id: 1, employeeNumber: "a1", name: "x", retiredAt: null },
        { id: 2, employeeNumber: "A1", name: "y", retiredAt: null },
        { id: 3, employeeNumber: "b1", name: "z", retiredAt: null },
      ],
      [],
      "2026-11-24",
    );
    const r = validateImportRows(
      [
        { line: 2, values: { employeeNumber: "a1", courseCode: "x", completedOn: "2026-01-01" } },
        { line: 3, values: { employeeNumber: "B1", courseCode: "x", completedOn: "2026-01-01" } },
      ],
      l,
    );
    // Unknown course for both, but the employee is found for both (exact a1, folded B1 → b1).
    expect(codes({ ...r })).toEqual([
      [2, "courseCode", "unknownCourse"],
      [3, "courseCode", "unknownCourse"],
    ]);
    expect(l.employees.get("\u0000A1")).toBeUndefined();
  });
});
