import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Db } from "@/db";

/**
 * Bulk loading for the large seed: one transaction, rows streamed with COPY … FROM STDIN (text
 * format) on Postgres (postgres.js `.writable()`), and COPY … FROM '/dev/blob' on embedded PGlite.
 * Ids are given by the seed (COPY writes identity columns as given, like OVERRIDING SYSTEM VALUE);
 * `finish()` moves every identity sequence past the ids used.
 */
export type Sink = {
  kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** Streams the rows (arrays in `columns` order) into `table`; returns how many. */
  copy(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
};

type PgClient = {
  reserve(): Promise<ReservedClient>;
};
type ReservedClient = {
  unsafe(text: string): Promise<unknown[]> & { writable(): Promise<Writable> };
  release(): void;
};
type PgliteClient = {
  query<T>(text: string, params?: unknown[], opts?: { blob?: Blob }): Promise<{ rows: T[] }>;
  exec(text: string): Promise<unknown>;
};

/** Runs `fn` in one transaction on the handle's client; rolls back on any error. */
export async function withSink<T>(db: Db, kind: "postgres" | "pglite", fn: (sink: Sink) => Promise<T>): Promise<T> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === "postgres") {
    const conn = await (client as PgClient).reserve();
    const sink: Sink = {
      kind,
      query: async <R>(text: string) => (await conn.unsafe(text)) as R[],
      copy: async (table, columns, rows) => {
        const stream = await conn.unsafe(`copy ${table} (${columns.map(quoteIdent).join(", ")}) from stdin`).writable();
        let n = 0;
        let buf = "";
        const done = new Promise<void>((resolve, reject) => {
          stream.on("finish", resolve);
          stream.on("error", reject);
        });
        for (const row of rows) {
          buf += encodeRow(row);
          n++;
          if (buf.length > 1 << 18) {
            if (!stream.write(buf)) await once(stream, "drain");
            buf = "";
          }
        }
        if (buf) stream.write(buf);
        stream.end();
        await done;
        return n;
      },
    };
    try {
      await conn.unsafe("begin");
      const out = await fn(sink);
      await conn.unsafe("commit");
      return out;
    } catch (err) {
      await conn.unsafe("rollback").catch(() => {});
      throw err;
    } finally {
      conn.release();
    }
  }

  const pg = client as PgliteClient;
  const sink: Sink = {
    kind,
    query: async <R>(text: string) => (await pg.query<R>(text)).rows,
    copy: async (table, columns, rows) => {
      const sql = `copy ${table} (${columns.map(quoteIdent).join(", ")}) from '/dev/blob'`;
      let n = 0;
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        await pg.query(sql, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for (const row of rows) {
        const line = encodeRow(row);
        parts.push(line);
        size += line.length;
        n++;
        if (size > 8 << 20) await flush();
      }
      await flush();
      return n;
    },
  };
  await pg.exec("begin");
  try {
    const out = await fn(sink);
    await pg.exec("commit");
    return out;
  } catch (err) {
    await pg.exec("rollback").catch(() => {});
    throw err;
  }
}

/** Moves the identity sequence of `table`.id past the largest id in it. */
export async function syncIdentity(sink: Sink, table: string): Promise<void> {
  await sink.query(
    `select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select coalesce(max(id), 0) from ${table}), 1), (select count(*) > 0 from ${table}))`,
  );
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// COPY text format

function encodeRow(row: readonly unknown[]): string {
  let s = "";
  for (let i = 0; i < row.length; i++) {
    if (i > 0) s += "\t";
    s += encodeValue(row[i]);
  }
  return s + "\n";
}

function encodeValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`seed: not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return v.toISOString();
  // An array of objects is jsonb (criteria, scores); an array of scalars is a Postgres array.
  if (Array.isArray(v)) return escapeText(v.some((x) => typeof x === "object" && x !== null) ? JSON.stringify(v) : pgArray(v));
  if (typeof v === "object") return escapeText(JSON.stringify(v));
  return escapeText(String(v));
}

function pgArray(xs: readonly unknown[]): string {
  return `{${xs.map((x) => (typeof x === "number" ? String(x) : `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
}

function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : s;
}
