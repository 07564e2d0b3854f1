import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuesToFieldErrors } from "./issues";
import { MAX_INT4, groupedNumberOrNull, numberOrNull, refId, wholeNumber } from "./numbers";

const keysOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : issuesToFieldErrors(r.error.issues).map((e) => e.messageKey);
};

describe("number helpers", () => {
  it("numberOrNull", () => {
    expect(numberOrNull("")).toBeNull();
    expect(numberOrNull("  ")).toBeNull();
    expect(numberOrNull("12")).toBe(12);
    expect(numberOrNull("1e3")).toBe("1e3");
    expect(numberOrNull(undefined)).toBeUndefined();
    expect(numberOrNull(7)).toBe(7);
    expect(numberOrNull("1,000")).toBe("1,000");
  });

  it("groupedNumberOrNull accepts thousands separators", () => {
    expect(groupedNumberOrNull("1,000")).toBe(1000);
    expect(groupedNumberOrNull(" 12 ")).toBe(12);
    expect(groupedNumberOrNull("")).toBeNull();
    expect(groupedNumberOrNull(5)).toBe(5);
  });

  it("wholeNumber: one generic message key per fault", () => {
    const n = z.preprocess(numberOrNull, wholeNumber(1, 10));
    expect(n.parse("3")).toBe(3);
    expect(keysOf(n, "1.5")).toEqual(["validation.wholeNumber"]);
    expect(keysOf(n, 0)).toEqual(["validation.tooSmall"]);
    expect(keysOf(n, 11)).toEqual(["validation.tooBig"]);
    expect(keysOf(n, "")).toEqual(["validation.required"]);
    expect(keysOf(n, "abc")).toEqual(["validation.invalidType"]);
  });

  it("refId: a positive id that fits an integer column", () => {
    expect(refId.parse("42")).toBe(42);
    expect(refId.parse(MAX_INT4)).toBe(MAX_INT4);
    expect(keysOf(refId, MAX_INT4 + 1)).toEqual(["validation.invalidType"]);
    expect(keysOf(refId, 0)).toEqual(["validation.invalidType"]);
    expect(keysOf(refId, "x")).toEqual(["validation.invalidType"]);
  });
});
