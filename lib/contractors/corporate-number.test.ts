import { describe, expect, it } from "vitest";
import { checkCorporateNumber, corporateNumberCheckDigit, normalizeCorporateNumber, withCheckDigit } from "./corporate-number";

describe("法人番号 check digit", () => {
  it.each([
    ["国税庁", "7000012050002"],
    ["トヨタ自動車", "1180301018771"],
    ["ソニーグループ", "5010401067252"],
  ])("%s %s is valid and its check digit is computed", (_name, n) => {
    expect(corporateNumberCheckDigit(n.slice(1))).toBe(Number(n[0]));
    expect(withCheckDigit(n.slice(1))).toBe(n);
    expect(checkCorporateNumber(n)).toEqual({ ok: true, value: n });
  });

  it("computes by hand: 000012050002 → Σ = 2+5+2+2 = 11, 11 mod 9 = 2, 9 − 2 = 7", () => {
    expect(corporateNumberCheckDigit("000012050002")).toBe(7);
  });

  it("a sum divisible by 9 gives check digit 9, never 0", () => {
    expect(corporateNumberCheckDigit("000000000000")).toBe(9);
    expect(corporateNumberCheckDigit("000000000009")).toBe(9); // 9 × 1 = 9
  });

  it("refuses a wrong check digit and says which digit was expected", () => {
    expect(checkCorporateNumber("8000012050002")).toEqual({ ok: false, code: "checkDigit", value: "8000012050002", expected: 7 });
    // a transposed pair in the base is caught
    expect(checkCorporateNumber("1180301018717").ok).toBe(false);
  });

  it("refuses the wrong length", () => {
    expect(checkCorporateNumber("700001205000")).toMatchObject({ ok: false, code: "length" });
    expect(checkCorporateNumber("70000120500020")).toMatchObject({ ok: false, code: "length" });
    expect(checkCorporateNumber("")).toMatchObject({ ok: false, code: "length" });
  });

  it("refuses non-digits", () => {
    expect(checkCorporateNumber("7000O12050002")).toMatchObject({ ok: false, code: "digits" });
    expect(checkCorporateNumber("T7000012050002")).toMatchObject({ ok: false, code: "digits" });
  });

  it("accepts full-width digits, hyphens and spaces by normalising them", () => {
    expect(normalizeCorporateNumber("７０００－０１２０－５０００２")).toBe("7000012050002");
    expect(checkCorporateNumber("７００００１２０５０００２")).toEqual({ ok: true, value: "7000012050002" });
    expect(checkCorporateNumber("1-1803-0101-8771")).toEqual({ ok: true, value: "1180301018771" });
    expect(checkCorporateNumber(" 5010401067252 ")).toEqual({ ok: true, value: "5010401067252" });
  });
});
