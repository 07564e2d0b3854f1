import { beforeAll, describe, expect, it } from "vitest";
import { call, signInAs } from "./api";
import { seedDemoData } from "./demo-data";
import { TODAY, operations, requestFor, routeFileByPath, routeModule, snapshot } from "./openapi-ops";

/**
 * Bad input, generated from the OpenAPI document: for every operation, a privacy manager (who may
 * call everything) sends malformed ids, malformed bodies and nonsense query strings. Every answer is
 * a 4xx problem (or a 2xx where the nonsense is harmlessly ignored, as unknown query parameters are),
 * never a 5xx, and a refused write changes nothing.
 *
 * The operations are dealt over `parts` files (tests/integration/bad-input-<part>.test.ts) so that the
 * files run side by side (docs/testing.md); together they test every operation once.
 */

const BAD_IDS = ["abc", "0", "-5", "1.5", "99999999999999999999", "%27%20or%201%3D1"];

/** Every leaf of the example replaced by a value of the wrong kind. */
function poisoned(example: unknown, make: (v: unknown) => unknown): unknown {
  if (Array.isArray(example)) return example.map((v) => poisoned(v, make));
  if (example && typeof example === "object") return Object.fromEntries(Object.entries(example).map(([k, v]) => [k, poisoned(v, make)]));
  return make(example);
}

export function badInputTests(part: number, parts: number) {
  const routed = operations.filter((o) => routeFileByPath.has(o.path)).filter((_, i) => i % parts === part - 1);

  beforeAll(async () => {
    await seedDemoData(TODAY);
    await signInAs("privacy_manager");
  });

  describe.each(routed.map((o) => [`${o.method} ${o.path} (${o.op.operationId})`, o] as const))("%s", (_name, o) => {
    const hasParams = o.path.includes("{");
    const req = requestFor(o);
    const json = "json" in req;
    const multipart = "body" in req;

    it.runIf(hasParams)("malformed or unknown ids: 400 or 404, never 5xx, nothing changed", async () => {
      const mod = await routeModule(o.path);
      const before = await snapshot();
      for (const bad of BAD_IDS) {
        const params = Object.fromEntries(Object.keys(req.params).map((k) => [k, decodeURIComponent(bad)]));
        const url = o.path.replace(/\{[^}]+\}/g, bad);
        const res = await call(mod, o.method, url, { params, json: json ? req.json : undefined, body: multipart ? req.body!() : undefined });
        expect([400, 404], `${bad} → ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
      expect(await snapshot()).toEqual(before);
    });

    it.runIf(json)("malformed JSON bodies: 4xx with messages, nothing changed", async () => {
      const mod = await routeModule(o.path);
      const before = await snapshot();
      const bodies: { label: string; body: string }[] = [
        { label: "not JSON", body: "{not json" },
        { label: "null", body: "null" },
        { label: "array", body: "[]" },
        { label: "string", body: '"x"' },
        { label: "objects everywhere", body: JSON.stringify(poisoned(req.json, () => ({ $gt: 1 }))) },
        { label: "huge strings", body: JSON.stringify(poisoned(req.json, (v) => (typeof v === "string" ? "x".repeat(100_000) : v))) },
        { label: "numbers out of range", body: JSON.stringify(poisoned(req.json, (v) => (typeof v === "number" ? 1e20 : v))) },
        { label: "booleans as strings", body: JSON.stringify(poisoned(req.json, (v) => (typeof v === "boolean" ? "yes" : v))) },
      ];
      for (const b of bodies) {
        // An example without a value of that kind is unchanged by the poisoning: not a bad body.
        if (b.body === JSON.stringify(req.json)) continue;
        const res = await call(mod, o.method, req.url, { params: req.params, body: b.body, headers: { "content-type": "application/json" } });
        // "huge strings" can be valid for a free-text-only body; everything else must be refused.
        if (b.label === "huge strings" && res.status < 300) continue;
        expect(res.status, `${b.label} → ${res.status} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${b.label} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
        expect(res.body.title, b.label).toBeTruthy();
      }
      expect(await snapshot()).toEqual(before);
    });

    it.runIf(multipart)("uploads that are not a usable form: 4xx, nothing changed", async () => {
      const mod = await routeModule(o.path);
      const before = await snapshot();
      const empty = new FormData();
      const noFile = await call(mod, o.method, req.url, { params: req.params, body: empty });
      expect(noFile.status, noFile.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(noFile.status).toBeLessThan(500);
      const asJson = await call(mod, o.method, req.url, { params: req.params, json: { file: "x" } });
      expect(asJson.status, asJson.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(asJson.status).toBeLessThan(500);
      const binary = new FormData();
      binary.set("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0xff])], "photo.png", { type: "image/png" }));
      binary.set("mode", "commit");
      const png = await call(mod, o.method, req.url, { params: req.params, body: binary });
      expect(png.status, png.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(png.status).toBeLessThan(500);
      expect(await snapshot()).toEqual(before);
    });

    it.runIf(o.method === "GET")("nonsense query strings: never 5xx", async () => {
      const mod = await routeModule(o.path);
      const queries = [
        "page=-1&pageSize=100000",
        "page=abc&pageSize=0",
        "sort=%27%3Bdrop%20table%20users&dir=sideways",
        "fiscalYear=abc&from=2026-13-45&to=yesterday",
        "department=x&course=-1&status=nope&employmentType=ceo&role=god&active=maybe",
        "q=%25%25_%5C%27",
        "includeRetired=perhaps&all=1&showRetired=2",
      ];
      for (const q of queries) {
        const res = await call(mod, "GET", `${req.url}?${q}`, { params: req.params });
        expect(res.status, `?${q} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get("content-type"), q).toContain("application/problem+json");
      }
    });
  });
}
