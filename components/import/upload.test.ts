import { describe, expect, it } from "vitest";
import { ndjsonReader, overallPercent } from "./upload";

describe("ndjsonReader", () => {
  it("returns each complete line once, waiting for a line to finish", () => {
    const read = ndjsonReader<{ phase: string; done?: number }>();
    expect(read('{"phase":"validating","done":0}\n{"phase":"ins')).toEqual([{ phase: "validating", done: 0 }]);
    expect(read('{"phase":"validating","done":0}\n{"phase":"ins')).toEqual([]);
    expect(read('{"phase":"validating","done":0}\n{"phase":"inserting","done":5}\n\n{"phase":"done"}\n')).toEqual([
      { phase: "inserting", done: 5 },
      { phase: "done" },
    ]);
  });

  it("skips lines that are not JSON", () => {
    expect(ndjsonReader()("<html>\n{\"a\":1}\n")).toEqual([{ a: 1 }]);
  });
});

describe("overallPercent", () => {
  it("weights the phases: upload 0–20, checking 20–40, saving 40–100", () => {
    expect(overallPercent("uploading", 0, 100)).toBe(0);
    expect(overallPercent("uploading", 50, 100)).toBe(10);
    expect(overallPercent("validating", 100, 100)).toBe(40);
    expect(overallPercent("inserting", 50_000, 100_000)).toBe(70);
    expect(overallPercent("inserting", 0, 0)).toBe(100);
    expect(overallPercent("finishing", 0, 0)).toBe(100);
    expect(overallPercent("inserting", 200, 100)).toBe(100);
  });
});
