import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { getDb } from "@/db";
import { seedDemo } from "@/db/seed/demo";
import { ROLES, type Role } from "@/lib/auth/roles";
import { call, signInAs } from "../support/api";

/**
 * Role × endpoint, generated from the OpenAPI document (so a new endpoint is covered the moment it
 * is declared): without a session every operation answers 401; a role not in `x-roles` gets 403 and
 * changes nothing; a role in `x-roles` gets past the door (400/404/409 are fine, never 401/403/5xx).
 * And each JSON request body's example succeeds when a privacy_manager sends it against the demo data.
 */

const TODAY = "2026-11-24";
const ROOT = path.resolve(__dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");

type Schema = { type?: string; format?: string; enum?: unknown[]; example?: unknown; properties?: Record<string, Schema> };
type Parameter = { in: string; name: string; example?: unknown; schema?: { example?: unknown; examples?: unknown[] } };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  security?: unknown[];
  "x-roles"?: Role[];
  requestBody?: { content?: Record<string, { example?: unknown; schema?: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
type RouteModule = Parameters<typeof call>[0];

const doc = (await call(openapiRoute, "GET", "/api/v1/openapi.json")).body as Doc;

const operations = Object.entries(doc.paths ?? {})
  .flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })),
  )
  .filter(({ op }) => !(Array.isArray(op.security) && op.security.length === 0));

/** OpenAPI path → route.ts file, found on disk the way Next routes them. */
const routeFileByPath = new Map<string, string>();
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name === "route.ts") {
      const segments = path
        .relative(API_DIR, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]?\]$/, "{$1}"));
      routeFileByPath.set(["/api/v1", ...segments].join("/"), full);
    }
  }
})(API_DIR);

const modules = new Map<string, Promise<RouteModule>>();
function routeModule(apiPath: string): Promise<RouteModule> {
  const file = routeFileByPath.get(apiPath);
  if (!file) throw new Error(`no route.ts for ${apiPath}`);
  if (!modules.has(file)) modules.set(file, import(/* @vite-ignore */ file) as Promise<RouteModule>);
  return modules.get(file)!;
}

function resolveSchema(s: Schema | undefined): Schema | undefined {
  const ref = (s as { $ref?: string } | undefined)?.$ref;
  if (ref) return doc.components?.schemas?.[ref.split("/").pop()!];
  return s;
}

/**
 * A path parameter's value: its example in the document when the contract gives one (say, the id of a
 * retired row for a restore), else 1 — the demo seed inserts in order, so id 1 exists in every table.
 */
function paramValue(o: (typeof operations)[number], name: string): string | number {
  const p = (o.op.parameters ?? []).find((x) => x.in === "path" && x.name === name);
  const v = p?.example ?? p?.schema?.example ?? p?.schema?.examples?.[0];
  return v === undefined || v === null ? 1 : (v as string | number);
}

/** The request an operation gets: path parameters (above), the example body (or {}), a tiny form for uploads. */
function requestFor(o: (typeof operations)[number]) {
  const params = Object.fromEntries([...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], paramValue(o, m[1])]));
  const url = o.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name])));
  const content = o.op.requestBody?.content ?? {};
  if (content["application/json"]) return { url, params, json: content["application/json"].example ?? {} };
  if (content["multipart/form-data"]) {
    const props = resolveSchema(content["multipart/form-data"].schema)?.properties ?? {};
    return {
      url,
      params,
      // A fresh form per call: a request body can be read once.
      body: () => {
        const form = new FormData();
        for (const [name, prop] of Object.entries(props)) {
          if (prop.format === "binary") form.append(name, new File(["社員番号,氏名\nE0001,テスト\n"], "test.csv", { type: "text/csv" }));
          else form.append(name, String(prop.example ?? prop.enum?.[0] ?? "1"));
        }
        return form;
      },
    };
  }
  return { url, params };
}

async function send(o: (typeof operations)[number]) {
  const r = requestFor(o);
  const mod = await routeModule(o.path);
  return call(mod, o.method, r.url, { params: r.params, json: "json" in r ? r.json : undefined, body: "body" in r ? r.body!() : undefined });
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function tables(): Promise<string[]> {
  const db = await getDb();
  const r = await db.execute(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rowsOf<{ t: string }>(r).map((x) => x.t);
}

/** A fingerprint of every row of every table: equal before and after means nothing changed. */
async function snapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  const out: Record<string, string> = {};
  for (const t of await tables()) {
    const r = await db.execute(
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`),
    );
    const [{ n, h }] = rowsOf<{ n: number; h: string }>(r);
    out[t] = `${n} rows, ${h}`;
  }
  return out;
}

/** Back to exactly the demo data (ids from 1). The audit trail refuses TRUNCATE, so its triggers are muted for this one statement. */
async function resetToDemo() {
  const db = await getDb();
  const names = (await tables()).map((t) => `"${t}"`).join(", ");
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${names} restart identity cascade`));
  });
  await seedDemo(db, { today: TODAY });
}

const ROLE_CASES: Role[] = ["privacy_manager", "hr", "auditor", "executive"];

beforeAll(async () => {
  await seedDemo(await getDb(), { today: TODAY });
  // Create the four signed-in users up front, so that signing in changes nothing later on.
  for (const role of ROLE_CASES) await signInAs(role);
});

describe("the OpenAPI document drives this test", () => {
  it("has protected operations, each with a route file", () => {
    expect(operations.length).toBeGreaterThan(3);
    expect(operations.filter((o) => !routeFileByPath.has(o.path)).map((o) => `${o.method} ${o.path}: no route.ts`)).toEqual([]);
    expect(ROLE_CASES.every((r) => (ROLES as readonly string[]).includes(r))).toBe(true);
  });
});

// An operation declared before its route file exists fails once, above, rather than once per role.
const routed = operations.filter((o) => routeFileByPath.has(o.path));
const withExamples = routed.filter((o) => o.op.requestBody?.content?.["application/json"]?.example !== undefined);

describe("each JSON example succeeds when a privacy_manager sends it against the demo data", () => {
  it.each(withExamples.map((o) => [`${o.method} ${o.path} (${o.op.operationId})`, o] as const))("%s", async (_name, o) => {
    await resetToDemo();
    await signInAs("privacy_manager");
    const res = await send(o);
    const hint = o.path.includes("{")
      ? " (when the example needs a particular row, e.g. a retired one to restore, give the path parameter an example in the contract: z.coerce.number().meta({ example: <id in the demo data> }))"
      : "";
    const message = `${o.method} ${o.path} with ${JSON.stringify(requestFor(o))} answered ${res.status}: ${res.text.slice(0, 400)}${hint}`;
    expect(res.status, message).toBeGreaterThanOrEqual(200);
    expect(res.status, message).toBeLessThan(300);
  });
});

describe.each(routed.map((o) => [`${o.method} ${o.path} (${o.op.operationId})`, o] as const))("%s", (_name, o) => {
  const allowed = o.op["x-roles"] ?? [];

  it("without a session: 401 problem+json, nothing changed", async () => {
    await signInAs(null);
    const before = await snapshot();
    const res = await send(o);
    expect(res.status, res.text.slice(0, 300)).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await snapshot()).toEqual(before);
  });

  it.each(ROLE_CASES.map((role) => [role, allowed.includes(role)] as const))("%s (allowed: %s)", async (role, isAllowed) => {
    await signInAs(role);
    if (!isAllowed) {
      const before = await snapshot();
      const res = await send(o);
      expect(res.status, res.text.slice(0, 300)).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await snapshot()).toEqual(before);
    } else {
      const res = await send(o);
      expect([401, 403], `${role} was refused: ${res.text.slice(0, 300)}`).not.toContain(res.status);
      expect(res.status, `${role} got ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
    }
  });
});
