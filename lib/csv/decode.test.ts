import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode";
import { CsvError } from "./parse";

const utf8 = (s: string) => new TextEncoder().encode(s);

function encodingError(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return e as CsvError;
  }
  throw new Error("expected a CsvError");
}

describe("decodeCsvBytes", () => {
  it("decodes Shift_JIS (CP932) from Japanese Excel, NEC and IBM extensions included", () => {
    const text = "社員番号,氏名,備考\r\nE001,山田 太郎,①受講済み～\r\nE002,髙橋 﨑子,№3 ㈱テスト ⅰⅱ ∵ ￢ ｶﾀｶﾅ\r\n";
    const bytes = iconv.encode(text, "cp932");
    // The fixture really is CP932: 髙 is the IBM extension FB FC, ① is NEC 87 40, ～ is 81 60.
    expect(Buffer.from(bytes).includes(Buffer.from([0xfb, 0xfc]))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0x87, 0x40]))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0x81, 0x60]))).toBe(true);

    const result = decodeCsvBytes(bytes);
    expect(result.encoding).toBe("shift_jis");
    expect(result.text).toBe(text);
    expect(result.text).toContain("山田 太郎");
    expect(result.text).toContain("\uFF5E"); // FULLWIDTH TILDE, not WAVE DASH U+301C
  });

  it("decodes Shift_JIS exactly like iconv-lite cp932 over the whole CP932 table", () => {
    const chars: number[] = [];
    for (let b = 0x20; b <= 0x7e; b++) chars.push(b);
    for (let b = 0xa1; b <= 0xdf; b++) chars.push(b);
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead >= 0xa0 && lead <= 0xdf) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const pair = Buffer.from([lead, trail]);
        if (!iconv.decode(pair, "cp932").includes("\uFFFD")) chars.push(lead, trail);
      }
    }
    const bytes = Buffer.from(chars);
    const expected = iconv.decode(bytes, "cp932");
    expect(expected.length).toBeGreaterThan(7000);

    const result = decodeCsvBytes(bytes);
    expect(result.encoding).toBe("shift_jis");
    expect(result.text).toBe(expected);
  });

  it("strips a UTF-8 BOM and reports it", () => {
    const result = decodeCsvBytes(utf8("\uFEFF社員番号,氏名\r\nE001,山田 太郎\r\n"));
    expect(result).toEqual({ text: "社員番号,氏名\r\nE001,山田 太郎\r\n", encoding: "utf-8-bom" });
    expect(result.text.charCodeAt(0)).toBe(0x793e); // 社
  });

  it("strips exactly one BOM", () => {
    expect(decodeCsvBytes(utf8("\uFEFF\uFEFFa")).text).toBe("\uFEFFa");
  });

  it("decodes UTF-8 without a BOM", () => {
    expect(decodeCsvBytes(utf8("氏名,備考\n髙橋 ①,～\n"))).toEqual({ text: "氏名,備考\n髙橋 ①,～\n", encoding: "utf-8" });
  });

  it("takes pure ASCII (and an empty file) as UTF-8", () => {
    expect(decodeCsvBytes(utf8("employee_number,name\r\nE001,Yamada\r\n"))).toEqual({
      text: "employee_number,name\r\nE001,Yamada\r\n",
      encoding: "utf-8",
    });
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
  });

  it("throws CsvError('encoding') for bytes that are neither UTF-8 nor Shift_JIS", () => {
    // 0xFF and 0xFD are never valid in either encoding; 0x81 0x20 is a lead byte without a trail byte.
    for (const bytes of [[0x61, 0xff, 0x62], [0x61, 0x2c, 0xfd, 0x0a], [0x81, 0x20, 0x41]]) {
      const error = encodingError(() => decodeCsvBytes(new Uint8Array(bytes)));
      expect(error.code).toBe("encoding");
      expect(error.message).toBe("csv.errors.encoding");
    }
  });

  it("throws CsvError('encoding') for a BOM followed by invalid UTF-8", () => {
    expect(encodingError(() => decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x28]))).code).toBe("encoding");
  });

  it("throws CsvError('encoding') for UTF-16 and binary files (NUL bytes)", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,name\r\n", "utf16le")]);
    expect(encodingError(() => decodeCsvBytes(utf16)).code).toBe("encoding");
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]); // an .xlsx starts like this
    expect(encodingError(() => decodeCsvBytes(zip)).code).toBe("encoding");
  });
});
