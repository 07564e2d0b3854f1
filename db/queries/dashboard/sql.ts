import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";

/** The plumbing every dashboard query shares: raw statements on either database, array parameters, numbers. */

export type Db = Awaited<ReturnType<typeof getDb>>;

/** Rows of db.execute(): postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

export async function query<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

/**
 * The same, with Postgres's JIT compiler off for this statement: the training aggregates are costed
 * high enough to trigger it, and compiling takes longer than running them (as in training-status.ts).
 */
export async function queryNoJit<T>(db: Db, q: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<T>(await tx.execute(q));
  });
}

/** A text[] parameter written as one Postgres array literal (the same on postgres.js and PGlite). */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export const num = (v: unknown) => Number(v ?? 0);
