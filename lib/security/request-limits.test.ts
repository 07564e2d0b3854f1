import { describe, expect, it } from "vitest";
import { incidentReportLimit, retryAfterSeconds, retryMessageValues, windowEnd } from "./request-limits";

describe("request limits", () => {
  it("incident reports are limited per user over one hour", () => {
    expect(incidentReportLimit(42, 30)).toEqual({ scope: "incident-report", key: "42", limit: 30, windowSeconds: 3600 });
  });

  it("a window ends windowSeconds after it started", () => {
    expect(windowEnd(new Date("2026-04-01T00:00:00Z"), 3600)).toEqual(new Date("2026-04-01T01:00:00Z"));
  });

  it("Retry-After is whole seconds until the window ends, at least 1", () => {
    const end = new Date("2026-04-01T01:00:00Z");
    expect(retryAfterSeconds(end, new Date("2026-04-01T00:59:58.200Z"))).toBe(2);
    expect(retryAfterSeconds(end, new Date("2026-04-01T00:00:00Z"))).toBe(3600);
    expect(retryAfterSeconds(end, end)).toBe(1);
    expect(retryAfterSeconds(end, new Date("2026-04-01T02:00:00Z"))).toBe(1);
  });

  it("says when to try again in Japan time, never a minute early", () => {
    const end = new Date("2026-04-01T05:04:30Z"); // 14:04:30 in Tokyo
    expect(retryMessageValues(30, end, new Date("2026-04-01T04:30:00Z"))).toEqual({ limit: 30, time: "14:05", minutes: 35 });
    expect(retryMessageValues(30, new Date("2026-04-01T15:00:00Z"), new Date("2026-04-01T14:59:59Z"))).toEqual({ limit: 30, time: "00:00", minutes: 1 });
  });
});
