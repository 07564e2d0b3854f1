import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { ConflictError, NotFoundError, StaleVersionError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit, type AuditInput } from "./audit";

/**
 * The one skeleton of every versioned write (docs/architecture-versioned-writes.md): lock the row,
 * 404 when it is missing, 409 when the client's version is not the current one, update with
 * `version = version + 1` and `updated_at`, write the audit entry in the same transaction, return
 * the updated row. The module's own rules (pure functions in lib/) run in `change`, on the locked row.
 */

/** A table whose rows carry an integer id and the `versioned` columns of db/schema/columns.ts. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

type Row<T extends PgTable> = T["$inferSelect"] & { id: number; version: number };
type Values<T extends PgTable> = PgUpdateSetSource<T>;
type Actor = Pick<SessionUser, "id" | "email">;

type AuditOf<T extends PgTable> = (before: Row<T>, after: Row<T>) => Partial<Pick<AuditInput, "action" | "before" | "after">>;

/**
 * SELECT … FOR UPDATE of one row. 404 when it does not exist or `where` excludes it (a retired audit,
 * an action of another incident); with a `version`, 409 (with the current version) when it differs.
 * Without one it only locks (a parent row a child write depends on).
 */
export async function lockVersioned<T extends VersionedTable>(tx: DbOrTx, table: T, id: number, version?: number, where?: SQL): Promise<Row<T>> {
  const rows = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), where))
    .for("update");
  const before = rows[0] as Row<T> | undefined;
  if (!before) throw new NotFoundError();
  if (version !== undefined && before.version !== version) throw new StaleVersionError(before.version);
  return before;
}

export type VersionedUpdate<T extends VersionedTable> = {
  table: T;
  /** The audit trail's entity name ("employee", "audit_finding", …). */
  entity: string;
  id: number;
  /** The version the client saw. */
  version: number;
  /** Rows it excludes are not found (404). */
  where?: SQL;
  /**
   * The module's rules (throw to refuse) and the columns to write, from the locked row. `null`:
   * nothing changes — no write, no new version, no audit entry; the row is returned as it is.
   */
  change: (before: Row<T>) => Values<T> | null | Promise<Values<T> | null>;
  /** Runs after the update, before the audit entry: more row locks (the audit chain's lock is taken last, see recordAudit). */
  afterUpdate?: (before: Row<T>, after: Row<T>) => unknown;
  /** The audit entry's action (default "update") and what it records (default the rows before and after). */
  audit?: AuditOf<T>;
};

/** A form's input without the version it carries (the columns to write are the rest). */
export function withoutVersion<T extends { version: number }>(input: T): Omit<T, "version"> {
  const rest: Partial<T> = { ...input };
  delete rest.version;
  return rest as Omit<T, "version">;
}

/** Lock, check the version, apply `change`, bump the version, audit; one call inside the caller's transaction. */
export async function updateVersioned<T extends VersionedTable>(tx: DbOrTx, actor: Actor, w: VersionedUpdate<T>): Promise<Row<T>> {
  const before = await lockVersioned(tx, w.table, w.id, w.version, w.where);
  const values = await w.change(before);
  if (values === null) return before;
  return writeVersioned(tx, actor, w, before, values, "update");
}

async function writeVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  actor: Actor,
  w: Pick<VersionedUpdate<T>, "table" | "entity" | "id" | "afterUpdate" | "audit">,
  before: Row<T>,
  values: Values<T>,
  action: AuditInput["action"],
): Promise<Row<T>> {
  const { table } = w;
  const set = { ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as Values<T>;
  const rows = await tx
    .update(table as PgTable)
    .set(set as PgUpdateSetSource<PgTable>)
    .where(and(eq(table.id, w.id), eq(table.version, before.version)))
    .returning();
  const after = rows[0] as Row<T> | undefined;
  // The row is locked: only a caller that changed the version itself in between gets here.
  if (!after) throw new StaleVersionError(before.version + 1);
  await w.afterUpdate?.(before, after);
  await recordAudit(tx, actor, { action, entity: w.entity, entityId: w.id, before, after, ...w.audit?.(before, after) });
  return after;
}

export type RetireWrite<T extends VersionedTable> = Omit<VersionedUpdate<T>, "change"> & {
  /** true: retire; false: restore. */
  retire: boolean;
  /** The module's rules for this retire/restore (throw to refuse); runs after the state and version checks. */
  check?: (before: Row<T>) => unknown;
  /** More columns to write (who retired it and why; cleared on restore). */
  set?: (before: Row<T>) => Values<T>;
  /** The timestamp column that marks the row retired (default retiredAt; withdrawnAt for assessments). */
  column?: keyof T["$inferSelect"] & string;
  /** 409 messages when the row is already as asked (defaults: problems.alreadyRetired, problems.notRetired). */
  messages?: { alreadyRetired?: string; notRetired?: string };
};

/**
 * Retire or restore, the same way in every module (docs/architecture-versioned-writes.md): the client
 * sends the version it saw; retiring a retired row or restoring an active one is a 409 conflict that
 * says so (checked first: that is the clearest answer to a double click); then a stale version is a
 * 409 too; then the module's `check`. Audited as "retire" / "restore".
 */
export async function setRetiredVersioned<T extends VersionedTable>(tx: DbOrTx, actor: Actor, w: RetireWrite<T>): Promise<Row<T>> {
  const before = await lockVersioned(tx, w.table, w.id, undefined, w.where);
  const column = w.column ?? "retiredAt";
  const retired = (before as Record<string, unknown>)[column] != null;
  if (retired === w.retire) {
    throw new ConflictError(w.retire ? (w.messages?.alreadyRetired ?? "problems.alreadyRetired") : (w.messages?.notRetired ?? "problems.notRetired"));
  }
  if (before.version !== w.version) throw new StaleVersionError(before.version);
  await w.check?.(before);
  const values = { ...w.set?.(before), [column]: w.retire ? new Date() : null } as Values<T>;
  return writeVersioned(tx, actor, w, before, values, w.retire ? "retire" : "restore");
}
