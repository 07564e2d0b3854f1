import { describe, expect, it } from "vitest";
import { matchesItem } from "./linked-item";

describe("matchesItem", () => {
  const item = { code: "PI-012", name: "RUFT利用者登録情報" };
  it("matches part of the code or the name, ignoring case and surrounding spaces", () => {
    expect(matchesItem(item, "pi-01")).toBe(true);
    expect(matchesItem(item, "  利用者 ")).toBe(true);
    expect(matchesItem(item, "ruft")).toBe(true);
    expect(matchesItem(item, "採用")).toBe(false);
  });
  it("treats full-width and half-width letters alike, and an empty filter as everything", () => {
    expect(matchesItem(item, "ＰＩ－０１２")).toBe(true);
    expect(matchesItem(item, "")).toBe(true);
    expect(matchesItem(item, "   ")).toBe(true);
  });
});
