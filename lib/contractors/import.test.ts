import { describe, expect, it } from "vitest";
import { parseStatus, validateContractorRows } from "./import";
import { createContractorSchema } from "./schema";

describe("parseStatus", () => {
  it("reads Japanese labels, English labels and codes; empty is 'not given'; anything else is refused", () => {
    expect(parseStatus("条件付き承認")).toBe("conditional");
    expect(parseStatus("Conditionally approved")).toBe("conditional");
    expect(parseStatus("APPROVED")).toBe("approved");
    expect(parseStatus("契約終了")).toBe("terminated");
    expect(parseStatus("")).toBeUndefined();
    expect(parseStatus(undefined)).toBeUndefined();
    expect(parseStatus("保留")).toBeNull();
  });
});

describe("validateContractorRows", () => {
  it("keeps good rows, names every problem of a bad one by column, and catches duplicates within the file", () => {
    const r = validateContractorRows([
      { line: 2, values: { name: "A社", services: "印刷", corporateNumber: "7000012050002", contractStart: "2026/04/01" } },
      { line: 3, values: { name: "", services: "", corporateNumber: "123", status: "保留" } },
      { line: 4, values: { name: "B社", services: "発送", corporateNumber: "７０００－０１２０－５０００２" } },
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.rows[0].input).toMatchObject({ corporateNumber: "7000012050002", contractStart: "2026-04-01" });
    expect(r.issues.filter((i) => i.line === 3).map((i) => i.column)).toEqual(["name", "corporateNumber", "services", "status"]);
    expect(r.issues.find((i) => i.line === 3 && i.column === "corporateNumber")?.messageKey).toBe("contractors.errors.corporateNumberLength");
    expect(r.issues.find((i) => i.line === 4)).toMatchObject({ column: "corporateNumber", messageKey: "contractors.import.errors.duplicateInFile", values: { line: 2 } });
  });
});

describe("createContractorSchema", () => {
  it("splits data categories on 、 and commas, drops blanks and repeats; end before start is refused beside the end", () => {
    const ok = createContractorSchema.parse({ name: "A", services: "B", dataCategories: "氏名、住所,氏名, ", dataVolume: "1,200" });
    expect(ok).toMatchObject({ dataCategories: ["氏名", "住所"], dataVolume: 1200, corporateNumber: null, contractStart: null });
    const bad = createContractorSchema.safeParse({ name: "A", services: "B", contractStart: "2026-04-02", contractEnd: "2026-04-01" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["contractEnd"], message: "contractors.errors.endBeforeStart" });
  });
});
