/**
 * Records the SQL the app's postgres.js client sends, so direct.ts can EXPLAIN (ANALYZE, BUFFERS)
 * exactly the statements behind an endpoint. It wraps the `postgres` factory as db/index.ts loads it
 * (postgres.js calls an `options.debug` function with every statement and its parameters). Import
 * it before anything that imports @/db. Only for the benchmark's own child process.
 */
import Module from "node:module";

export type Statement = { query: string; params: unknown[] };
export const capture: { on: boolean; statements: Statement[] } = { on: false, statements: [] };

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const M = Module as unknown as { _load: Loader };
const original = M._load;
let wrapped: unknown;

M._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
  const mod = original.call(this, request, parent, isMain);
  if (request !== "postgres" || typeof mod !== "function") return mod;
  if (!wrapped) {
    const factory = mod as (...args: unknown[]) => unknown;
    const wrapper = function (this: unknown, ...args: unknown[]) {
      const optsIndex = typeof args[0] === "string" ? 1 : 0;
      const opts = { ...((args[optsIndex] as object | undefined) ?? {}) } as { debug?: unknown };
      opts.debug = (_conn: number, query: string, params: unknown[]) => {
        if (capture.on) capture.statements.push({ query, params: [...params] });
      };
      args[optsIndex] = opts;
      return factory.apply(this, args);
    };
    Object.assign(wrapper, factory);
    wrapped = wrapper;
  }
  return wrapped;
};
