import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode";
import { contentDisposition, csvResponse, toCsv, UTF8_BOM } from "./export";
import { parseCsv } from "./parse";

describe("toCsv", () => {
  it("writes RFC 4180 with CRLF, quoting only where needed", () => {
    const csv = toCsv(
      ["社員番号", "氏名", "備考"],
      [
        ["E001", "山田 太郎", 'a "quoted", comma'],
        ["E002", "髙橋", "line1\nline2"],
      ],
    );
    expect(csv).toBe('社員番号,氏名,備考\r\nE001,山田 太郎,"a ""quoted"", comma"\r\nE002,髙橋,"line1\nline2"\r\n');
  });

  it("writes null and undefined as empty cells, numbers and booleans as they are", () => {
    expect(toCsv(["a", "b", "c", "d", "e"], [[null, undefined, 0, true, false]])).toBe("a,b,c,d,e\r\n,,0,true,false\r\n");
  });

  it("neutralises string cells that a spreadsheet would run as a formula", () => {
    const csv = toCsv(["v"], [["=SUM(A1)"], ["+81 3 1234 5678"], ["-x"], ["@cmd"], ["\tdata"], ["\rdata"], ["=1\n+2"]]);
    expect(csv.split("\r\n")).toEqual([
      "v",
      `"'=SUM(A1)"`,
      `"'+81 3 1234 5678"`,
      `"'-x"`,
      `"'@cmd"`,
      `"'\tdata"`,
      `"'\rdata"`,
      `"'=1\n+2"`,
      "",
    ]);
  });

  it("neutralises formula-like headers too", () => {
    expect(toCsv(["=HYPERLINK()"], [])).toBe(`"'=HYPERLINK()"\r\n`);
  });

  it("leaves numbers alone, negative ones included, and strings that merely contain the characters", () => {
    expect(toCsv(["n", "m", "s"], [[-5, -0.25, "a=b-c@d"]])).toBe("n,m,s\r\n-5,-0.25,a=b-c@d\r\n");
  });

  it("pads short rows to the header and writes nothing for no header and no rows", () => {
    expect(toCsv(["a", "b", "c"], [["x"], []])).toBe("a,b,c\r\nx,,\r\n,,\r\n");
    expect(toCsv([], [])).toBe("");
    expect(toCsv([], [["x", 1]])).toBe("x,1\r\n");
  });

  it("round-trips through parseCsv", () => {
    const csv = toCsv(["社員番号", "氏名"], [["E001", "山田, 太郎\r\n(兼務)"], ["E002", "=danger"]]);
    const { rows, errors } = parseCsv(csv, {
      columns: [
        { key: "employeeNumber", headers: ["社員番号"], required: true },
        { key: "name", headers: ["氏名"], required: true },
      ],
    });
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, values: { employeeNumber: "E001", name: "山田, 太郎\r\n(兼務)" } },
      { line: 3, values: { employeeNumber: "E002", name: "'=danger" } },
    ]);
  });
});

describe("csvResponse", () => {
  it("sends UTF-8 with a BOM and no-store", async () => {
    const res = csvResponse(toCsv(["氏名"], [["山田 太郎"]]), "training.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");

    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe("\uFEFF氏名\r\n山田 太郎\r\n");
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(decodeCsvBytes(bytes)).toEqual({ text: "氏名\r\n山田 太郎\r\n", encoding: "utf-8-bom" });
  });

  it("does not add a second BOM", async () => {
    const bytes = new Uint8Array(await csvResponse(`${UTF8_BOM}a`, "a.csv").arrayBuffer());
    expect(Array.from(bytes)).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });

  it("gives a Japanese file name as filename* with an ASCII fallback", () => {
    const res = csvResponse("a", "研修記録_2024-04.csv");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="2024-04.csv"; filename*=UTF-8''%E7%A0%94%E4%BF%AE%E8%A8%98%E9%8C%B2_2024-04.csv`,
    );
    const header = res.headers.get("content-disposition")!;
    expect(decodeURIComponent(header.split("filename*=UTF-8''")[1])).toBe("研修記録_2024-04.csv");
  });
});

describe("contentDisposition", () => {
  it("falls back to download.<ext> for an all-Japanese name", () => {
    expect(contentDisposition("従業員一覧.csv")).toBe(
      `attachment; filename="download.csv"; filename*=UTF-8''%E5%BE%93%E6%A5%AD%E5%93%A1%E4%B8%80%E8%A6%A7.csv`,
    );
  });

  it("keeps plain ASCII names and escapes what filename*= does not allow", () => {
    expect(contentDisposition("employees (2024).csv")).toBe(
      `attachment; filename="employees (2024).csv"; filename*=UTF-8''employees%20%282024%29.csv`,
    );
    expect(contentDisposition("it's*.csv")).toBe(`attachment; filename="it_s.csv"; filename*=UTF-8''it%27s%2A.csv`);
  });

  it("removes quotes, path separators and line breaks (header injection)", () => {
    const value = contentDisposition('../a"b\r\nSet-Cookie: x=1.csv');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe(
      `attachment; filename="a_b_Set-Cookie_ x_1.csv"; filename*=UTF-8''.._a%22b__Set-Cookie%3A%20x%3D1.csv`,
    );
  });
});
