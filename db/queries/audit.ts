import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { auditChanges, type FieldChange } from "@/lib/audit-changes";
import type { SessionUser } from "@/lib/auth/roles";
import { GENESIS_HASH, type AuditChainReport, type ChainBreak } from "@/lib/security/audit-chain";
import type { HistoryEntry } from "@/lib/audit-history";

export type AuditInput = {
  action: "create" | "update" | "retire" | "restore" | "import" | "bulk_create" | "reset_password" | "change_password" | "deactivate" | "activate" | "approve" | "end"
    // Sign-in and its second factor (docs/security.md): sign_in carries the method, sign_in_failed the reason.
    | "sign_in" | "sign_in_failed" | "enrol" | "reset_second_factor" | "link"
    // Evidence files (docs/domain.md): every upload, view, download and disposal.
    | "upload" | "view" | "download" | "dispose"
    // A list downloaded as CSV or Excel (db/queries/exports.ts): who took which rows out, by which filters.
    | "export";
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Written inside the same transaction as the change it describes. A database trigger chains the row
 * (seq, prev_hash, hash: docs/security.md) and holds the chain's lock until the transaction ends, so
 * write the audit row as the transaction's last statement where you can.
 */
export async function recordAudit(tx: DbOrTx, actor: Pick<SessionUser, "id" | "email"> | null, entry: AuditInput) {
  await tx.insert(auditLog).values(auditRow(actor, entry));
}

/**
 * Many entries in one statement (chained in order), for a transaction that writes many rows: call it
 * after the rows are written, so the chain's lock is not held while the transaction waits for row locks
 * (a concurrent edit holding one of them would wait for the chain: a deadlock).
 */
export async function recordAudits(tx: DbOrTx, actor: Pick<SessionUser, "id" | "email"> | null, entries: AuditInput[]) {
  if (entries.length) await tx.insert(auditLog).values(entries.map((e) => auditRow(actor, e)));
}

function auditRow(actor: Pick<SessionUser, "id" | "email"> | null, entry: AuditInput) {
  return {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
  };
}

/** Password hashes never enter the trail. */
function redact(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const { passwordHash, ...rest } = v as Record<string, unknown>;
  return passwordHash === undefined ? v : { ...rest, passwordHash: "[redacted]" };
}

/** One entity's audit trail, newest first, each entry with its actor's name. */
function auditTrail(db: DbOrTx, entity: string, entityId: string | number, limit: number) {
  return db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** One entity's audit rows as written, newest first. */
export async function listAuditFor(entity: string, entityId: string | number, limit = 100) {
  const rows = await auditTrail(await getDb(), entity, entityId, limit);
  return rows.map((r) => r.entry);
}

export type AuditHistoryOptions<F extends string> = {
  limit?: number;
  /** The field of an entry's after snapshot that holds the reason given for it (a retirement's), if any. */
  reason?: string;
  /** Gives a changed value a label (an id shown as its code and title). */
  relabel?: (change: FieldChange<F>) => HistoryEntry["changes"][number];
};

/**
 * A record's history for its detail page: the audit trail, newest first, who and when, and the
 * before → after of the named fields (in display order; bookkeeping columns stay out).
 */
export async function auditHistory<F extends string>(
  db: DbOrTx,
  entity: string,
  entityId: string | number,
  fields: readonly F[],
  { limit = 100, reason, relabel }: AuditHistoryOptions<F> = {},
): Promise<HistoryEntry[]> {
  const rows = await auditTrail(db, entity, entityId, limit);
  return rows.map(({ entry, actorName }) => {
    const changes = auditChanges(entry.before, entry.after, fields);
    const why = reason ? (entry.after as Record<string, unknown> | null)?.[reason] : undefined;
    return {
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      action: entry.action,
      actorEmail: entry.actorEmail,
      actorName: actorName ?? null,
      changes: relabel ? changes.map(relabel) : changes,
      reason: typeof why === "string" ? why : null,
    };
  });
}

/**
 * Checks the audit trail's hash chain (docs/security.md, "Audit trail"): walks the rows in seq order,
 * recomputes each row's hash from its content and compares its prev_hash with the previous row's hash
 * and its seq with the previous seq + 1. Reports the first broken link. The hash is recomputed here,
 * with the catalog's functions named explicitly, rather than by the database's audit_log_row_hash():
 * someone who can change rows behind the app's back can also replace a function of the schema.
 * This expression must stay equal to audit_log_row_hash() in drizzle/0012_security.sql.
 */
export async function verifyAuditChain(dbOrTx?: DbOrTx): Promise<AuditChainReport> {
  const db = dbOrTx ?? (await getDb());
  const res = await db.execute(sql`
    with chain as materialized (
      select a.id, a.seq, a.prev_hash, a.hash,
             lag(a.seq) over w as before_seq,
             lag(a.hash) over w as before_hash,
             pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
               pg_catalog.jsonb_build_object(
                 'seq', a.seq, 'id', a.id, 'occurred_at', pg_catalog.timezone('UTC', a.occurred_at),
                 'actor_id', a.actor_id, 'actor_email', a.actor_email, 'action', a.action,
                 'entity', a.entity, 'entity_id', a.entity_id, 'before', a.before, 'after', a.after
               )::text operator(pg_catalog.||) a.prev_hash, 'UTF8')), 'hex') as computed
        from ${auditLog} a
      window w as (order by a.seq, a.id)
    ),
    judged as (
      select id, seq, hash,
             case
               when seq is null then 'unchained'
               when seq is distinct from coalesce(before_seq, 0) + 1 then 'gap'
               when prev_hash is distinct from coalesce(before_hash, ${GENESIS_HASH}) then 'link'
               when hash is distinct from computed then 'content'
             end as reason
        from chain
    )
    select (select count(*) from judged)::int as n,
           b.id as broken_id, b.seq as broken_seq, b.reason,
           h.seq as head_seq, h.hash as head_hash
      from (select 1) one
      left join lateral (select id, seq, reason from judged where reason is not null order by seq nulls last, id limit 1) b on true
      left join lateral (select seq, hash from judged where seq is not null order by seq desc limit 1) h on true`);
  const row = rowsOf<{
    n: number | string;
    broken_id: number | string | null;
    broken_seq: number | string | null;
    reason: ChainBreak | null;
    head_seq: number | string | null;
    head_hash: string | null;
  }>(res)[0];
  const report: AuditChainReport = {
    rows: Number(row.n),
    ok: row.reason === null,
    head: row.head_seq === null ? null : { seq: Number(row.head_seq), hash: row.head_hash ?? "" },
  };
  if (row.reason !== null) {
    report.firstBroken = { seq: row.broken_seq === null ? null : Number(row.broken_seq), id: Number(row.broken_id), reason: row.reason };
  }
  return report;
}

/** Rows of db.execute(): postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}
