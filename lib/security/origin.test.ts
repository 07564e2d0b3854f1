import { describe, expect, it } from "vitest";
import { appOrigin, checkWriteOrigin, isStateChanging } from "./origin";

const own = "https://pms.example.co.jp";
const h = (init: Record<string, string>) => new Headers(init);

describe("checkWriteOrigin", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(checkWriteOrigin("GET", h({ origin: "https://evil.example" }), own)).toEqual({ ok: true });
    expect(isStateChanging("head")).toBe(false);
    expect(isStateChanging("PATCH")).toBe(true);
  });
  it("accepts the app's own origin", () => {
    expect(checkWriteOrigin("POST", h({ origin: own }), own)).toEqual({ ok: true });
    expect(checkWriteOrigin("DELETE", h({ origin: "https://PMS.example.co.jp:443" }), own)).toEqual({ ok: true });
  });
  it.each([
    "https://evil.example",
    "http://pms.example.co.jp", // scheme differs
    "https://pms.example.co.jp:8443", // port differs (same site, other origin)
    "https://sub.pms.example.co.jp",
    "null",
    "",
    "javascript:alert(1)",
  ])("refuses Origin %j", (origin) => {
    expect(checkWriteOrigin("POST", h({ origin }), own)).toEqual({ ok: false, reason: "cross-origin" });
  });
  it("falls back to Sec-Fetch-Site when Origin is absent", () => {
    expect(checkWriteOrigin("POST", h({ "sec-fetch-site": "same-origin" }), own)).toEqual({ ok: true });
    expect(checkWriteOrigin("POST", h({ "sec-fetch-site": "same-site" }), own)).toEqual({ ok: false, reason: "cross-origin" });
    expect(checkWriteOrigin("POST", h({ "sec-fetch-site": "cross-site" }), own)).toEqual({ ok: false, reason: "cross-origin" });
    expect(checkWriteOrigin("POST", h({ "sec-fetch-site": "none" }), own)).toEqual({ ok: false, reason: "cross-origin" });
  });
  it("refuses a write that says nothing about where it comes from", () => {
    expect(checkWriteOrigin("PUT", h({}), own)).toEqual({ ok: false, reason: "no-origin" });
  });
});

describe("appOrigin", () => {
  it("prefers AUTH_URL's origin", () => {
    expect(appOrigin("http://10.0.0.5:3000/api/v1/x", "https://pms.example.co.jp/base")).toBe("https://pms.example.co.jp");
  });
  it("falls back to the request's origin", () => {
    expect(appOrigin("http://localhost:3100/api/v1/x", undefined)).toBe("http://localhost:3100");
  });
});
