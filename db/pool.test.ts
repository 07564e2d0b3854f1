import { describe, expect, it } from "vitest";
import type postgres from "postgres";
import { retiringPool } from "./pool";

/** A lazy promise like postgres.js's Query: its own `then` starts the work. */
class LazyQuery extends Promise<unknown> {
  started = 0;
  static get [Symbol.species]() {
    return Promise;
  }
  then<A = unknown, B = never>(ok?: ((v: unknown) => A | PromiseLike<A>) | null, fail?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.started++;
    return super.then(ok, fail);
  }
}

function fakePool(name: string, log: string[]) {
  const queries: { q: LazyQuery; reject: (e: unknown) => void; resolve: (v: unknown) => void }[] = [];
  const make = () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const q = new LazyQuery((a, b) => {
      resolve = a;
      reject = b;
    });
    queries.push({ q, reject, resolve });
    log.push(`${name}: query`);
    return q;
  };
  const sql = Object.assign(() => make(), {
    unsafe: () => make(),
    begin: async () => {
      log.push(`${name}: begin`);
      throw Object.assign(new Error("closed"), { code: "CONNECTION_CLOSED" });
    },
    end: async () => {
      log.push(`${name}: end`);
    },
    options: { name },
  });
  return { sql: sql as unknown as postgres.Sql, queries };
}

const fail = (code: string) => Object.assign(new Error(code), { code });
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A retiringPool over fake pools named pool1, pool2 … in the order it opens them. */
function poolUnderTest(log: string[] = []) {
  const pools: ReturnType<typeof fakePool>[] = [];
  const sql = retiringPool(
    () => {
      const p = fakePool(`pool${pools.length + 1}`, log);
      pools.push(p);
      return p.sql;
    },
    { graceSeconds: 1 },
  );
  return { sql, pools };
}

describe("retiringPool", () => {
  it("sends later queries to a fresh pool once a connection broke, and ends the old one", async () => {
    const log: string[] = [];
    const { sql, pools } = poolUnderTest(log);
    const q1 = sql.unsafe("select 1");
    expect((sql as unknown as { options: { name: string } }).options.name).toBe("pool1");
    pools[0].queries[0].reject(fail("CONNECTION_CLOSED"));
    await expect(q1).rejects.toThrow("CONNECTION_CLOSED");
    await tick();
    expect(log).toContain("pool1: end");
    expect(pools).toHaveLength(2);
    sql.unsafe("select 2");
    expect(pools[1].queries).toHaveLength(1);
    expect((sql as unknown as { options: { name: string } }).options.name).toBe("pool2");
  });

  it("does not retire on a refused connection attempt or an ordinary SQL error", async () => {
    const { sql, pools } = poolUnderTest();
    for (const code of ["ECONNREFUSED", "57P03", "CONNECT_TIMEOUT", "23505"]) {
      const q = sql`select 1`;
      pools[0].queries.at(-1)!.reject(fail(code));
      await expect(q).rejects.toThrow(code);
    }
    await tick();
    expect(pools).toHaveLength(1);
  });

  it("watches transactions too, and retires a pool only once", async () => {
    const { sql, pools } = poolUnderTest();
    const first = sql.unsafe("select 1");
    await expect(sql.begin(async () => 1)).rejects.toThrow("closed");
    await tick();
    expect(pools).toHaveLength(2);
    pools[0].queries[0].reject(fail("ECONNRESET")); // a late failure on the retired pool
    await expect(first).rejects.toThrow();
    await tick();
    expect(pools).toHaveLength(2);
  });

  it("only listens: a query is not started by the pool, and keeps its own methods", async () => {
    const { sql, pools } = poolUnderTest();
    const q = sql.unsafe("select 1") as unknown as LazyQuery;
    expect(q).toBe(pools[0].queries[0].q);
    expect(q.started).toBe(0);
    pools[0].queries[0].resolve([1]);
    await expect(q).resolves.toEqual([1]);
  });

  it("after end(), a broken connection no longer opens a pool", async () => {
    const { sql, pools } = poolUnderTest();
    const q = sql.unsafe("select 1");
    await sql.end();
    pools[0].queries[0].reject(fail("CONNECTION_CLOSED"));
    await expect(q).rejects.toThrow();
    await tick();
    expect(pools).toHaveLength(1);
  });
});
