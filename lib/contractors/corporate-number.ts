/**
 * 法人番号 (corporate number, 国税庁): 13 digits, the FIRST of which is a check digit over the other 12.
 * check = 9 − (Σ_{n=1..12} P_n × Q_n mod 9), P_n = the n-th digit of the 12-digit base counted from
 * its right end, Q_n = 1 for odd n and 2 for even n.
 */

export type CorporateNumberError = "length" | "digits" | "checkDigit";
export type CorporateNumberCheck = { ok: true; value: string } | { ok: false; code: CorporateNumberError; value: string; expected?: number };

/** Full-width digits → ASCII; hyphens, dashes and spaces (half- and full-width) removed. */
export function normalizeCorporateNumber(input: string): string {
  return input
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-‐‑‒–—―−－ー]/g, "");
}

/** The check digit of a 12-digit base number. */
export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError(`Not a 12-digit base number: ${JSON.stringify(base12)}`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = Number(base12[12 - n]);
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** The whole 13-digit number for a 12-digit base (check digit prepended). */
export function withCheckDigit(base12: string): string {
  return `${corporateNumberCheckDigit(base12)}${base12}`;
}

export function checkCorporateNumber(input: string): CorporateNumberCheck {
  const value = normalizeCorporateNumber(input);
  if (!/^\d*$/.test(value)) return { ok: false, code: "digits", value };
  if (value.length !== 13) return { ok: false, code: "length", value };
  const expected = corporateNumberCheckDigit(value.slice(1));
  if (Number(value[0]) !== expected) return { ok: false, code: "checkDigit", value, expected };
  return { ok: true, value };
}

/** Message keys of the errors, under the "contractors" namespace. */
export const CORPORATE_NUMBER_MESSAGES: Record<CorporateNumberError, string> = {
  length: "contractors.errors.corporateNumberLength",
  digits: "contractors.errors.corporateNumberDigits",
  checkDigit: "contractors.errors.corporateNumberCheckDigit",
};
