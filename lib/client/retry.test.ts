import { describe, expect, it } from "vitest";
import { ApiProblem, parseRetryAfter } from "./api";
import { MAX_UNAVAILABLE_RETRIES, nextProbeDelaySeconds, queryRetryDelay, shouldRetryQuery } from "./retry";

const problem = (status: number, retryAfter?: number) => new ApiProblem(status, "t", "d", {}, undefined, retryAfter);

describe("query retries", () => {
  it("retries a 503 up to the limit", () => {
    expect(shouldRetryQuery(0, problem(503, 5))).toBe(true);
    expect(shouldRetryQuery(MAX_UNAVAILABLE_RETRIES - 1, problem(503, 5))).toBe(true);
    expect(shouldRetryQuery(MAX_UNAVAILABLE_RETRIES, problem(503, 5))).toBe(false);
  });

  it("never retries another answer (4xx, 500, 504)", () => {
    for (const s of [400, 401, 403, 404, 409, 429, 500, 504]) expect(shouldRetryQuery(0, problem(s))).toBe(false);
  });

  it("retries a request that got no answer twice", () => {
    expect(shouldRetryQuery(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryQuery(1, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryQuery(2, new TypeError("Failed to fetch"))).toBe(false);
  });

  it("waits at least Retry-After, backs off to 30 s, with at most 20 % jitter", () => {
    const none = () => 0;
    expect(queryRetryDelay(0, problem(503, 5), none)).toBe(5000);
    expect(queryRetryDelay(3, problem(503, 5), none)).toBe(8000);
    expect(queryRetryDelay(9, problem(503, 5), none)).toBe(30_000);
    expect(queryRetryDelay(0, problem(503), none)).toBe(1000);
    expect(queryRetryDelay(0, problem(503, 600), none)).toBe(30_000);
    expect(queryRetryDelay(0, problem(503, 5), () => 1)).toBe(6000);
  });
});

describe("health probes of the notice", () => {
  it("start at Retry-After and grow by half to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => nextProbeDelaySeconds(n, 5))).toEqual([5, 8, 12, 17, 26, 30, 30, 30]);
    expect(nextProbeDelaySeconds(1, undefined)).toBe(5);
    expect(nextProbeDelaySeconds(1, 0)).toBe(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("5")).toBe(5);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(parseRetryAfter("Tue, 01 Dec 2026 00:00:10 GMT", now)).toBe(10);
  });
});
