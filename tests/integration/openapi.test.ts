import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { ROLES } from "@/lib/auth/roles";
import { call } from "../support/api";

/**
 * The OpenAPI document is the contract: OpenAPI 3.1, every operation named and with the roles that
 * may call it, every JSON body with an example, and no route handler under app/api/v1 that the
 * document does not describe (nor the reverse).
 */

const ROOT = path.resolve(__dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Operation = {
  operationId?: string;
  security?: unknown[];
  "x-roles"?: unknown;
  requestBody?: { content?: Record<string, { example?: unknown; schema?: unknown }> };
  responses?: Record<string, { description?: string; headers?: Record<string, unknown> }>;
};
type Doc = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };

/**
 * The route files under app/api/v1 that are not operations: the catch-all that answers a path no route
 * serves with a 404 problem+json (app/api/v1/[...path]/route.ts, docs/architecture.md §2), and
 * /api/v1 itself, which exports the same handlers (app/api/v1/route.ts). They have no contract to
 * document; tests/integration/api-not-found.test.ts covers them.
 */
const NOT_FOUND_ROUTES = [path.join(API_DIR, "[...path]", "route.ts"), path.join(API_DIR, "route.ts")];

/** Every route.ts under app/api/v1 (auth and the two not-found routes excluded), with its OpenAPI path. */
function routeFiles(dir = API_DIR): { file: string; apiPath: string }[] {
  const out: { file: string; apiPath: string }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (NOT_FOUND_ROUTES.includes(full)) continue;
    if (statSync(full).isDirectory()) {
      if (dir === API_DIR && name === "auth") continue;
      out.push(...routeFiles(full));
    } else if (name === "route.ts" || name === "route.tsx") {
      const rel = path.relative(API_DIR, path.dirname(full)).split(path.sep).filter(Boolean);
      const segments = rel
        .filter((s) => !/^\(.*\)$/.test(s)) // route groups are not part of the URL
        .map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]?\]$/, "{$1}"));
      out.push({ file: full, apiPath: ["/api/v1", ...segments].join("/") });
    }
  }
  return out.sort((a, b) => a.apiPath.localeCompare(b.apiPath));
}

const res = await call(openapiRoute, "GET", "/api/v1/openapi.json");
const doc = res.body as Doc;
const operations = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
  Object.entries(item)
    .filter(([m]) => (HTTP_METHODS as readonly string[]).includes(m.toUpperCase()))
    .map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })),
);

describe("GET /api/v1/openapi.json", () => {
  it("answers an OpenAPI 3.1 document as JSON, without a session", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    expect(operations.length).toBeGreaterThan(3);
  });

  it("every operation has a unique operationId", () => {
    const ids = operations.map((o) => o.op.operationId);
    const missing = operations.filter((o) => !o.op.operationId).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dup).toEqual([]);
  });

  it("every operation that needs a session lists valid roles in x-roles", () => {
    const problems: string[] = [];
    for (const { path: p, method, op } of operations) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (isPublic) continue;
      const roles = op["x-roles"];
      if (!Array.isArray(roles) || roles.length === 0) problems.push(`${method} ${p}: x-roles missing or empty`);
      else {
        const bad = roles.filter((r) => !(ROLES as readonly unknown[]).includes(r));
        if (bad.length) problems.push(`${method} ${p}: unknown roles ${bad.join(", ")}`);
      }
      if (!Array.isArray(op.security) || op.security.length === 0) problems.push(`${method} ${p}: no security requirement`);
    }
    expect(problems).toEqual([]);
  });

  it("every JSON request body of POST/PUT/PATCH carries an example", () => {
    const missing = operations
      .filter((o) => ["POST", "PUT", "PATCH"].includes(o.method))
      .filter((o) => o.op.requestBody?.content?.["application/json"])
      .filter((o) => o.op.requestBody!.content!["application/json"].example === undefined)
      .map((o) => `${o.method} ${o.path} (${o.op.operationId})`);
    expect(missing).toEqual([]);
  });

  it("lists the refusals handle() can give: 403/413/415 on writes with a body, 503 (Retry-After) and 504 everywhere, 429 where a limit applies", () => {
    const missing: string[] = [];
    for (const o of operations) {
      const codes = Object.keys(o.op.responses ?? {});
      const want = ["400", "503", "504"];
      if (o.method !== "GET") want.push("403");
      if (o.op.requestBody) want.push("413", "415");
      for (const code of want) if (!codes.includes(code)) missing.push(`${o.method} ${o.path} ${code}`);
      if (!o.op.responses?.["503"]?.headers?.["Retry-After"]) missing.push(`${o.method} ${o.path} 503 Retry-After`);
    }
    expect(missing).toEqual([]);
    const report = operations.find((o) => o.op.operationId === "createIncident");
    expect(report?.op.responses?.["429"]?.headers?.["Retry-After"]).toBeTruthy();
    // A read never answers 413/415 or 429, so it does not say it might.
    const list = operations.find((o) => o.op.operationId === "listIncidents");
    expect(Object.keys(list?.op.responses ?? {})).not.toContain("415");
    expect(Object.keys(list?.op.responses ?? {})).not.toContain("429");
  });

  it("documents every route handler under app/api/v1, and every documented operation has one", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(3);
    const undocumented: string[] = [];
    const implemented = new Set<string>();
    for (const { file, apiPath } of files) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (typeof mod[method] !== "function") continue;
        implemented.add(`${method} ${apiPath}`);
        if (!doc.paths[apiPath]?.[method.toLowerCase()]) undocumented.push(`${method} ${apiPath} (${path.relative(ROOT, file)})`);
      }
    }
    expect(undocumented).toEqual([]);
    const unimplemented = operations.map((o) => `${o.method} ${o.path}`).filter((k) => !implemented.has(k));
    expect(unimplemented).toEqual([]);
  });

  it("the path parameters of each path are declared, and required", () => {
    const problems: string[] = [];
    for (const { path: p, method, op } of operations) {
      const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = ((op as { parameters?: { in: string; name: string; required?: boolean }[] }).parameters ?? []).filter((x) => x.in === "path");
      for (const n of names) {
        const d = declared.find((x) => x.name === n);
        if (!d) problems.push(`${method} ${p}: path parameter ${n} not declared`);
        else if (d.required !== true) problems.push(`${method} ${p}: path parameter ${n} must be required: true`);
      }
    }
    expect(problems).toEqual([]);
  });
});
