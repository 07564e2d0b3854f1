import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, loginUrlFor, requestOriginFromHeaders, safeRedirectPath, sameOriginPath } from "./redirect";

const own = "http://localhost:3100";
const FALLBACK = DEFAULT_AFTER_SIGN_IN;

describe("safeRedirectPath", () => {
  // [target, expected]: every target an attacker might put in callbackUrl, and the deep links that must survive.
  const table: [unknown, string][] = [
    // Deep links on this site are kept, query and fragment included.
    ["/incidents/3", "/incidents/3"],
    ["/audits/calendar?view=fy", "/audits/calendar?view=fy"],
    ["/training/records?q=%E5%B1%B1%E7%94%B0&page=2#list", "/training/records?q=%E5%B1%B1%E7%94%B0&page=2#list"],
    ["/reports/management-review?fy=2025&next=%2F%2Fevil.example", "/reports/management-review?fy=2025&next=%2F%2Fevil.example"],
    // Absolute URLs of the own origin (Auth.js passes these) become paths.
    ["http://localhost:3100/incidents/3?tab=reports", "/incidents/3?tab=reports"],
    ["HTTP://LOCALHOST:3100/training", "/training"],
    ["//localhost:3100/training", "/training"],
    ["/dashboard/../incidents", "/incidents"],
    // Backslashes: browsers read "\" as "/" in http(s) URLs.
    ["/\\evil.example", FALLBACK],
    ["\\\\evil.example", FALLBACK],
    ["\\/evil.example", FALLBACK],
    ["/\\/evil.example/", FALLBACK],
    // Protocol-relative and foreign absolute URLs.
    ["//evil.example", FALLBACK],
    ["///evil.example", FALLBACK],
    ["https://evil.example/dashboard", FALLBACK],
    ["http://localhost:3100@evil.example/", FALLBACK],
    ["http://evil.example#@localhost:3100/", FALLBACK],
    ["http://localhost:3101/dashboard", FALLBACK], // another port is another origin
    ["https://localhost:3100/dashboard", FALLBACK], // another scheme too
    ["http://localhost:3100//evil.example", FALLBACK], // own origin, but the path alone would be protocol-relative
    ["http://user:pw@localhost:3100/dashboard", FALLBACK],
    // Other schemes, including ones whose origin is ours.
    ["javascript:alert(document.cookie)", FALLBACK],
    ["JaVaScRiPt:alert(1)", FALLBACK],
    ["data:text/html,<script>alert(1)</script>", FALLBACK],
    ["blob:http://localhost:3100/8f1c0d2e-0000-4000-8000-000000000000", FALLBACK],
    ["ftp://localhost:3100/x", FALLBACK],
    // Encoded slashes and backslashes that decode into a second origin.
    ["/%5Cevil.example", FALLBACK],
    ["/%5cevil.example", FALLBACK],
    ["%2F%2Fevil.example", FALLBACK],
    ["/%2F/evil.example", FALLBACK],
    ["/%255Cevil.example", FALLBACK], // double-encoded
    ["/%E0%A4%A", FALLBACK], // malformed escape
    // Tabs, newlines and other control characters (the URL parser would drop them silently).
    ["/\t/evil.example", FALLBACK],
    ["/\n/evil.example", FALLBACK],
    ["java\nscript:alert(1)", FALLBACK],
    ["/dashboard\r\nSet-Cookie: x=1", FALLBACK],
    ["/incidents\u0000", FALLBACK],
    // The sign-in page itself would loop.
    ["/login", FALLBACK],
    ["/login?callbackUrl=%2Fincidents", FALLBACK],
    ["http://localhost:3100/login", FALLBACK],
    ["/login/", FALLBACK],
    // Nothing usable.
    ["", FALLBACK],
    [undefined, FALLBACK],
    [null, FALLBACK],
    [["/incidents/3"], FALLBACK],
  ];

  it.each(table)("%j → %j", (target, expected) => {
    expect(safeRedirectPath(target, own)).toBe(expected);
  });

  it("never returns anything a browser would resolve to another origin", () => {
    for (const [target] of table) {
      const out = safeRedirectPath(target, own);
      expect(out.startsWith("/") && !out.startsWith("//") && !out.includes("\\")).toBe(true);
      expect(new URL(out, own).origin).toBe(own);
    }
  });

  it("judges against the origin it is given (a deployment behind https)", () => {
    const prod = "https://pms.example.co.jp";
    expect(safeRedirectPath("https://pms.example.co.jp/incidents/3", prod)).toBe("/incidents/3");
    expect(safeRedirectPath("http://pms.example.co.jp/incidents/3", prod)).toBe(FALLBACK);
    expect(safeRedirectPath("https://sub.pms.example.co.jp/", prod)).toBe(FALLBACK);
    expect(safeRedirectPath("https://pms.example.co.jp:443/training", prod)).toBe("/training");
  });
});

describe("sameOriginPath", () => {
  it("keeps the sign-in page (sign-out lands there) but nothing foreign", () => {
    expect(sameOriginPath("/login", own)).toBe("/login");
    expect(sameOriginPath("http://localhost:3100/", own)).toBe("/");
    expect(sameOriginPath("/\\evil.example", own)).toBeNull();
    expect(sameOriginPath("https://evil.example", own)).toBeNull();
  });
  it("answers null for an unusable own origin rather than throwing", () => {
    expect(sameOriginPath("/dashboard", "not a url")).toBeNull();
  });
});

describe("requestOriginFromHeaders", () => {
  it("reads the Host header and the recorded protocol", () => {
    expect(requestOriginFromHeaders(new Headers({ host: "localhost:3100", "x-forwarded-proto": "http" }))).toBe("http://localhost:3100");
    expect(requestOriginFromHeaders(new Headers({ host: "pms.example.co.jp", "x-forwarded-proto": "https,http" }))).toBe("https://pms.example.co.jp");
  });
  it("falls back to a harmless origin when the Host header is unusable", () => {
    expect(requestOriginFromHeaders(new Headers({ host: "bad host/\\" }))).toBe("http://localhost");
    expect(requestOriginFromHeaders(new Headers())).toBe("http://localhost");
  });
});

describe("loginUrlFor", () => {
  it("returns to the page asked for", () => {
    expect(loginUrlFor("/incidents/3?tab=reports")).toBe("/login?callbackUrl=%2Fincidents%2F3%3Ftab%3Dreports");
  });
  it.each([null, undefined, "", "/", "/login", "/login?callbackUrl=%2Fx", "//evil.example", "https://evil.example/"])("goes to plain /login for %j", (p) => {
    expect(loginUrlFor(p)).toBe("/login");
  });
});
