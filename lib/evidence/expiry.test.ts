import { describe, expect, it } from "vitest";
import { daysToExpiry, expiryState } from "./expiry";

describe("expiryState", () => {
  const today = "2026-11-24";
  it.each([
    [null, null],
    ["2026-11-23", "expired"],
    ["2026-11-24", "expiring"],
    ["2026-12-24", "expiring"],
    ["2026-12-25", "valid"],
  ] as const)("%s → %s", (expiresOn, state) => expect(expiryState(expiresOn, today)).toBe(state));

  it("counts days to the expiry, negative once past", () => {
    expect(daysToExpiry("2026-11-30", today)).toBe(6);
    expect(daysToExpiry("2026-11-20", today)).toBe(-4);
  });
});
