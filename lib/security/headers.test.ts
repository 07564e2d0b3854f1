import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  BASE_SECURITY_HEADERS,
  GZIP_MIN_BYTES,
  apiCacheControl,
  withApiCacheControl,
  HSTS,
  createNonce,
  pageContentSecurityPolicy,
  pageSecurityHeaders,
  servedOverHttps,
  parseCsp,
} from "./headers";


describe("pageContentSecurityPolicy", () => {
  const prod = parseCsp(pageContentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));

  it("runs scripts only with this request's nonce or loaded by them, never eval in production", () => {
    expect(prod["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(Object.values(prod).flat()).not.toContain("'unsafe-eval'");
    expect(prod["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("allows inline styles (React's style attributes, the print pages' style elements) but not from elsewhere", () => {
    expect(prod["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    // A nonce beside 'unsafe-inline' would make browsers ignore 'unsafe-inline'.
    expect(prod["style-src"].some((v) => v.startsWith("'nonce-"))).toBe(false);
  });

  it("cannot be framed, has no plugins, no foreign base or form target", () => {
    expect(prod["frame-ancestors"]).toEqual(["'none'"]);
    expect(prod["object-src"]).toEqual(["'none'"]);
    expect(prod["base-uri"]).toEqual(["'none'"]);
    expect(prod["form-action"]).toEqual(["'self'"]);
    expect(prod["default-src"]).toEqual(["'self'"]);
    expect(prod["connect-src"]).toEqual(["'self'"]);
  });

  it("upgrades stray http sub-requests only when served over https", () => {
    expect(prod["upgrade-insecure-requests"]).toBeUndefined();
    const https = parseCsp(pageContentSecurityPolicy({ nonce: "n", dev: false, https: true }));
    expect(https["upgrade-insecure-requests"]).toEqual([]);
  });

  it("allows eval under `next dev` only", () => {
    const dev = parseCsp(pageContentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev["script-src"]).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
  });
});

describe("pageSecurityHeaders", () => {
  const names = (hs: { key: string }[]) => hs.map((h) => h.key);

  it("carries the base headers and the CSP, HSTS only over https", () => {
    const http = pageSecurityHeaders({ nonce: "n", dev: false, https: false });
    expect(names(http)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Content-Security-Policy"]));
    expect(names(http)).not.toContain("Strict-Transport-Security");
    const https = pageSecurityHeaders({ nonce: "n", dev: false, https: true });
    expect(https).toContainEqual(HSTS);
  });

  it("has the values the issue asks for", () => {
    const byName = Object.fromEntries(BASE_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byName["X-Content-Type-Options"]).toBe("nosniff");
    expect(byName["X-Frame-Options"]).toBe("DENY");
    expect(byName["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(byName["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(byName["Permissions-Policy"]).toMatch(/geolocation=\(\)/);
    expect(HSTS.value).toMatch(/^max-age=\d{8,}/);
  });
});

describe("API_CONTENT_SECURITY_POLICY", () => {
  it("lets nothing load, run or frame a data answer", () => {
    const api = parseCsp(API_CONTENT_SECURITY_POLICY);
    expect(api["default-src"]).toEqual(["'none'"]);
    expect(api["frame-ancestors"]).toEqual(["'none'"]);
  });
});

describe("createNonce", () => {
  it("is base64 of 16 random bytes, different every time", () => {
    const seen = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(n, "base64")).toHaveLength(16);
    }
  });
});

describe("servedOverHttps", () => {
  const base = { requestUrl: "http://localhost:3000/dashboard", trustedProxies: 0 };
  it("is false on plain http with nothing saying otherwise", () => {
    expect(servedOverHttps(base)).toBe(false);
    expect(servedOverHttps({ ...base, authUrl: "http://localhost:3000" })).toBe(false);
  });
  it("is true when AUTH_URL is https or the server itself was reached over https", () => {
    expect(servedOverHttps({ ...base, authUrl: "https://pms.example.co.jp" })).toBe(true);
    expect(servedOverHttps({ ...base, requestUrl: "https://pms.example.co.jp/dashboard" })).toBe(true);
  });
  it("believes X-Forwarded-Proto only from a configured trusted proxy", () => {
    expect(servedOverHttps({ ...base, forwardedProto: "https" })).toBe(false);
    expect(servedOverHttps({ ...base, forwardedProto: "https", trustedProxies: 1 })).toBe(true);
    expect(servedOverHttps({ ...base, forwardedProto: "HTTPS, http", trustedProxies: 2 })).toBe(true);
    expect(servedOverHttps({ ...base, forwardedProto: "http", trustedProxies: 1 })).toBe(false);
  });
  it("ignores an unusable AUTH_URL", () => {
    expect(servedOverHttps({ ...base, authUrl: "not a url" })).toBe(false);
  });
});

describe("apiCacheControl / withApiCacheControl", () => {
  it("no-store always; no-transform only for a body known to be under the gzip threshold", () => {
    expect(apiCacheControl(0)).toBe("no-store, no-transform");
    expect(apiCacheControl(GZIP_MIN_BYTES - 1)).toBe("no-store, no-transform");
    expect(apiCacheControl(GZIP_MIN_BYTES)).toBe("no-store");
    expect(apiCacheControl(null)).toBe("no-store");
  });

  it("keeps a Cache-Control the route chose, adds one otherwise, also to an immutable Response", async () => {
    const own = new Response("x", { headers: { "cache-control": "private, no-store" } });
    expect(withApiCacheControl(own, 1).headers.get("cache-control")).toBe("private, no-store");
    expect(withApiCacheControl(new Response("x"), 1).headers.get("cache-control")).toBe("no-store, no-transform");
    const redirect = withApiCacheControl(Response.redirect("http://localhost/x", 303), null);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("http://localhost/x");
    expect(redirect.headers.get("cache-control")).toBe("no-store");
  });
});
