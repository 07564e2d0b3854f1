import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { CsvError } from "@/lib/csv/parse";
import {
  decodeCsvUpload,
  isStorableText,
  printable,
  unstorableCsvCells,
  unstorableFormFields,
  unstorableParamNames,
  unstorableTextPaths,
} from "./text";

describe("isStorableText", () => {
  it.each([
    ["", true],
    ["plain ascii", true],
    ["漢字とかな、①㈱髙", true],
    ["emoji 😀 (a surrogate pair)", true],
    ["\uFFFD replacement, \uFFFE noncharacter", true],
    ["tab\tnewline\n\u0001 control characters", true],
    ["\u0000", false],
    ["before\u0000after", false],
    ["lone high \ud800 surrogate", false],
    ["lone low \udc00 surrogate", false],
    ["high at the end \ud83d", false],
    ["reversed pair \ude00\ud83d", false],
  ])("%j → %s", (s, ok) => {
    expect(isStorableText(s)).toBe(ok);
  });

  it("is the same for text that came through JSON escapes", () => {
    expect(isStorableText(JSON.parse('"a\\u0000b"'))).toBe(false);
    expect(isStorableText(JSON.parse('"\\ud800"'))).toBe(false);
    expect(isStorableText(JSON.parse('"\\ud83d\\ude00"'))).toBe(true);
  });
});

describe("printable", () => {
  it("writes the unstorable characters as \\u escapes and leaves the rest", () => {
    expect(printable("a\u0000b\ud800c😀")).toBe("a\\u0000b\\ud800c😀");
  });
});

describe("unstorableTextPaths", () => {
  it("finds strings at any depth, with zod-style dotted paths", () => {
    const body = { name: "ok", note: "x\u0000", items: [{ title: "fine" }, { title: "\ud800" }], deep: { a: { b: ["", "\u0000"] } } };
    expect(unstorableTextPaths(body)).toEqual(["note", "items.1.title", "deep.a.b.1"]);
  });

  it("reports a bad key at its own path (escaped), without descending into it", () => {
    expect(unstorableTextPaths({ outer: { "k\u0000": "also\u0000bad" } })).toEqual(["outer.k\\u0000"]);
  });

  it("names a bare string body '_' and ignores numbers, booleans and null", () => {
    expect(unstorableTextPaths("\u0000")).toEqual(["_"]);
    expect(unstorableTextPaths({ n: 1, b: true, z: null, s: "ok" })).toEqual([]);
  });

  it("stops at the limit and survives very deep nesting", () => {
    expect(unstorableTextPaths(Array.from({ length: 500 }, () => "\u0000"), 10)).toHaveLength(10);
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextPaths(deep)).toHaveLength(1);
  });
});

describe("unstorableParamNames", () => {
  it("names parameters whose value, one of whose values, or whose name cannot be stored", () => {
    expect(unstorableParamNames({ q: "\u0000", page: "1", department: ["1", "\ud800"], "x\u0000": "1", empty: undefined })).toEqual([
      "q",
      "department",
      "x\\u0000",
    ]);
  });
});

describe("unstorableFormFields", () => {
  it("checks text fields and upload file names", () => {
    const form = new FormData();
    form.set("mode", "preview\u0000");
    form.set("file", new File(["a,b\n"], "bad\u0000name.csv"));
    form.set("ok", "fine");
    expect(unstorableFormFields(form.entries())).toEqual(["mode", "file"]);
  });
});

describe("unstorableCsvCells", () => {
  const rows = [
    { line: 2, values: { number: "E1", name: "佐藤\u0000" } },
    { line: 3, values: { number: "E\u00002", name: "ok" } },
  ];

  it("names each cell by line and column", () => {
    expect(unstorableCsvCells("whatever\u0000", rows)).toEqual([
      { line: 2, column: "name" },
      { line: 3, column: "number" },
    ]);
  });

  it("returns nothing for clean text without looking at the rows", () => {
    expect(unstorableCsvCells("clean", rows)).toEqual([]);
  });

  it("falls back to the physical line when the character is in no cell the import reads", () => {
    expect(unstorableCsvCells("h1,h2\r\nE1,x\r\nE2,y,\u0000\r\n", [{ line: 2, values: { a: "E1" } }])).toEqual([{ line: 3 }]);
  });
});

describe("decodeCsvUpload", () => {
  it("decodes clean UTF-8 and Shift_JIS exactly as decodeCsvBytes does", () => {
    expect(decodeCsvUpload(new TextEncoder().encode("社員番号,氏名\n"))).toEqual({ text: "社員番号,氏名\n", encoding: "utf-8" });
    expect(decodeCsvUpload(new Uint8Array(iconv.encode("社員番号,氏名\r\n", "cp932")))).toEqual({ text: "社員番号,氏名\r\n", encoding: "shift_jis" });
  });

  it("keeps a stray NUL in UTF-8 (with or without BOM) and Shift_JIS text so the cell can be named", () => {
    const csv = "社員番号,氏名\nE0001,佐藤 花子\nE0002,鈴木\u0000一郎\n";
    expect(decodeCsvUpload(new TextEncoder().encode(csv))).toEqual({ text: csv, encoding: "utf-8" });
    expect(decodeCsvUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]))).toEqual({ text: csv, encoding: "utf-8-bom" });
    expect(decodeCsvUpload(new Uint8Array(iconv.encode(csv, "cp932")))).toEqual({ text: csv, encoding: "shift_jis" });
  });

  it("still refuses UTF-16 text and binary files as unreadable", () => {
    const utf16 = new Uint8Array(iconv.encode("\ufeff社員番号,氏名\r\nE0001,佐藤 花子\r\n", "utf-16le"));
    expect(() => decodeCsvUpload(utf16)).toThrow(CsvError);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    expect(() => decodeCsvUpload(png)).toThrow(CsvError);
  });
});
