import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { getDb } from "@/db";
import { seedDemo } from "@/db/seed/demo";
import type { Role } from "@/lib/auth/roles";
import { call } from "./api";
import { DEMO_TODAY, openWithDemoData } from "./demo-data";

/**
 * The operations of the OpenAPI document, each mapped to its route.ts and callable with the request
 * the document describes. Shared by the tests generated from the document.
 */
export const TODAY = DEMO_TODAY;
const ROOT = path.resolve(__dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");

type Schema = { type?: string; format?: string; enum?: unknown[]; example?: unknown; properties?: Record<string, Schema> };
type Parameter = { in: string; name: string; example?: unknown; schema?: { example?: unknown; examples?: unknown[] } };
export type Operation = {
  operationId: string;
  parameters?: Parameter[];
  security?: unknown[];
  "x-roles"?: Role[];
  requestBody?: { content?: Record<string, { example?: unknown; schema?: Schema }> };
};
export type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
type RouteModule = Parameters<typeof call>[0];

export const doc = (await call(openapiRoute, "GET", "/api/v1/openapi.json")).body as Doc;

export const operations = Object.entries(doc.paths ?? {})
  .flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })),
  )
  .filter(({ op }) => !(Array.isArray(op.security) && op.security.length === 0));

/** OpenAPI path → route.ts file, found on disk the way Next routes them. */
export const routeFileByPath = new Map<string, string>();
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
export function routeModule(apiPath: string): Promise<RouteModule> {
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
export function requestFor(o: (typeof operations)[number]) {
  const params = Object.fromEntries([...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], paramValue(o, m[1])]));
  const url = o.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name])));
  const content = o.op.requestBody?.content ?? {};
  if (content["application/json"]) return { url, params, json: content["application/json"].example ?? {} };
  // A streamed file (evidence uploads): a few bytes of PDF; the facts about the file go in the query, which this leaves out.
  if (content["application/octet-stream"]) {
    return { url, params, body: () => new Blob(["%PDF-1.4\n%%EOF\n"], { type: "application/octet-stream" }) };
  }
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

export async function send(o: (typeof operations)[number]) {
  const r = requestFor(o);
  const mod = await routeModule(o.path);
  return call(mod, o.method, r.url, { params: r.params, json: "json" in r ? r.json : undefined, body: "body" in r ? r.body!() : undefined });
}

export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function tables(): Promise<string[]> {
  const db = await getDb();
  const r = await db.execute(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rowsOf<{ t: string }>(r).map((x) => x.t);
}

/**
 * Which tables have been written, so that snapshot() and resetToDemo() redo only those (docs/testing.md).
 * Every public table gets a statement-level trigger (after insert, update, delete or truncate, also when
 * no row was touched, also for writes made by the app's own triggers) that notes the table's name in a
 * schema of its own; a write that is rolled back takes its note with it. resetToDemo() restores rows with
 * triggers muted, and notes what it restored itself. Where the triggers cannot be made (a role without
 * the right to), everything is redone every time, as before.
 */
const WRITES = "pms_test_writes";
type Tracking = { tables: string[]; hashes: Map<string, string> | null } | null;
const trackings = new WeakMap<object, Promise<Tracking>>();

function tracking(db: Awaited<ReturnType<typeof getDb>>): Promise<Tracking> {
  let t = trackings.get(db);
  if (!t) {
    t = (async () => {
      const names = await tables();
      try {
        await db.transaction(async (tx) => {
          await tx.execute(sql.raw(`drop schema if exists ${WRITES} cascade`));
          await tx.execute(sql.raw(`create schema ${WRITES}`));
          await tx.execute(sql.raw(`create table ${WRITES}.since_reset (t text primary key)`));
          await tx.execute(sql.raw(`create table ${WRITES}.since_snapshot (t text primary key)`));
          await tx.execute(
            sql.raw(`create function ${WRITES}.note() returns trigger language plpgsql as $$
              begin
                insert into ${WRITES}.since_reset values (tg_table_name) on conflict do nothing;
                insert into ${WRITES}.since_snapshot values (tg_table_name) on conflict do nothing;
                return null;
              end $$`),
          );
          for (const name of names) {
            await tx.execute(
              sql.raw(`create trigger pms_test_note_write after insert or update or delete or truncate on "${name}" for each statement execute function ${WRITES}.note()`),
            );
          }
        });
        return { tables: names, hashes: null };
      } catch {
        return null;
      }
    })();
    trackings.set(db, t);
  }
  return t;
}

/** The tables written since the last call for `list` (and forgets them). */
async function writtenSince(db: Awaited<ReturnType<typeof getDb>>, list: "since_reset" | "since_snapshot"): Promise<Set<string>> {
  return new Set(rowsOf<{ t: string }>(await db.execute(sql.raw(`delete from ${WRITES}.${list} returning t`))).map((x) => x.t));
}

/**
 * A fingerprint of every row of every table: equal before and after means nothing changed. One
 * statement for all tables (a round trip per table made this the cost of the generated tests); a table
 * that no statement has written since the previous snapshot keeps its fingerprint (see above), the
 * others are fingerprinted again.
 */
export async function snapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  const track = await tracking(db);
  const names = track ? track.tables : await tables();
  if (names.length === 0) return {};
  let hashes = track?.hashes ?? null;
  let todo = names;
  if (track && hashes) {
    const written = await writtenSince(db, "since_snapshot");
    todo = names.filter((t) => written.has(t));
  } else if (track) {
    await writtenSince(db, "since_snapshot");
  }
  hashes = new Map(hashes ?? []);
  if (todo.length) {
    const r = await db.execute(
      sql.raw(
        todo
          .map((t) => `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`)
          .join(" union all "),
      ),
    );
    for (const { t, n, h } of rowsOf<{ t: string; n: number; h: string }>(r)) hashes.set(t, `${n} rows, ${h}`);
  }
  if (track) track.hashes = hashes;
  const out: Record<string, string> = {};
  for (const t of names) out[t] = hashes.get(t)!;
  return out;
}

/** Where resetToDemo keeps its copy of the demo data; not in `public`, so `snapshot()` does not see it. */
const DEMO_COPY = "pms_test_demo_copy";
type DemoCopy = { tables: { name: string; columns: string }[]; sequences: { name: string; value: string | null }[] };
/** Per database: a worker that runs several files (vitest.config.ts) gives each its own database. */
const demoCopies = new WeakMap<object, DemoCopy>();

/**
 * Back to exactly the demo data (ids from 1). The first call empties every table and seeds the demo
 * data (or, when it is the file's first use of its database, starts that as a copy of the run's seeded
 * demo template, tests/support/demo-data.ts), then keeps a copy of every row and every sequence's position; later calls restore that copy
 * (a few statements instead of seeding again, bcrypt included): every sequence, and the rows of every
 * table written since the previous call (all of them where writes are not tracked, see above). The
 * audit trail refuses TRUNCATE and DELETE, so triggers (the audit chain's and the foreign keys') are
 * muted while the rows are put back as they were.
 */
export async function resetToDemo() {
  // The file's first use of its database: a copy of the run's seeded demo template, nothing written yet.
  const fresh = await openWithDemoData(TODAY);
  const db = await getDb();
  const track = await tracking(db);
  const demoCopy = demoCopies.get(db);
  const names = track ? track.tables : await tables();
  if (fresh && !demoCopy) {
    // Already exactly the demo data: only the copy is to be made (below).
  } else if (!demoCopy || !track) {
    // Muted triggers note nothing: every table is fingerprinted again by the next snapshot().
    if (track) track.hashes = null;
    const list = names.map((t) => `"${t}"`).join(", ");
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql.raw(`truncate ${list} restart identity cascade`));
      if (!demoCopy) return;
      for (const t of demoCopy.tables) {
        await tx.execute(sql.raw(`insert into "${t.name}" (${t.columns}) overriding system value select ${t.columns} from ${DEMO_COPY}."${t.name}"`));
      }
      await restoreSequences(tx, demoCopy);
    });
  } else {
    const written = await writtenSince(db, "since_reset");
    const restore = demoCopy.tables.filter((t) => written.has(t.name));
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      for (const t of restore) {
        await tx.execute(sql.raw(`delete from "${t.name}"`));
        await tx.execute(sql.raw(`insert into "${t.name}" (${t.columns}) overriding system value select ${t.columns} from ${DEMO_COPY}."${t.name}"`));
      }
      await restoreSequences(tx, demoCopy);
      // Muted triggers noted nothing: the restored tables are fingerprinted again by the next snapshot().
      if (restore.length) await tx.execute(sql.raw(`insert into ${WRITES}.since_snapshot values ${restore.map((t) => `('${t.name}')`).join(", ")} on conflict do nothing`));
    });
    return;
  }
  if (demoCopy) return;
  if (!fresh) await seedDemo(db, { today: TODAY });
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`drop schema if exists ${DEMO_COPY} cascade`));
    await tx.execute(sql.raw(`create schema ${DEMO_COPY}`));
    const copied: { name: string; columns: string }[] = [];
    for (const t of names) {
      await tx.execute(sql.raw(`create table ${DEMO_COPY}."${t}" as table "${t}"`));
      // Generated columns are computed again on insert; every other column is copied as it was.
      const columns = rowsOf<{ c: string }>(
        await tx.execute(
          sql`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${t} and is_generated = 'NEVER' order by ordinal_position`,
        ),
      );
      copied.push({ name: t, columns: columns.map((x) => `"${x.c}"`).join(", ") });
    }
    const sequences = rowsOf<{ name: string; value: string | null }>(
      await tx.execute(sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`),
    );
    demoCopies.set(db, { tables: copied, sequences });
    // The tables now hold the copy: nothing to restore until they are written again.
    if (track) await tx.execute(sql.raw(`delete from ${WRITES}.since_reset`));
  });
}

/** Every sequence back where the copy found it, in one statement. */
async function restoreSequences(tx: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }, demoCopy: DemoCopy) {
  if (demoCopy.sequences.length === 0) return;
  await tx.execute(
    sql.join(
      [sql`select`, sql.join(demoCopy.sequences.map((s) => sql`setval(${`public."${s.name}"`}, ${s.value ?? 1}, ${s.value !== null})`), sql`, `)],
      sql` `,
    ),
  );
}
