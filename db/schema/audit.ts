import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so even
 * a bug or a hand-typed statement cannot rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorId: integer("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    /**
     * Hash chain (docs/security.md): position in the chain, the previous row's hash and this row's
     * hash over its content and that previous hash. Filled by a database trigger, never by the app.
     */
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId, t.id),
    index("audit_log_occurred_idx").on(t.occurredAt),
    uniqueIndex("audit_log_seq_idx").on(t.seq),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
