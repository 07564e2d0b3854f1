import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";

export type AuditInput = {
  action: "create" | "update" | "retire" | "restore" | "import" | "bulk_create" | "reset_password" | "deactivate" | "activate" | "approve" | "end";
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Written inside the same transaction as the change it describes. */
export async function recordAudit(tx: DbOrTx, actor: Pick<SessionUser, "id" | "email"> | null, entry: AuditInput) {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
  });
}

/** Password hashes never enter the trail. */
function redact(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const { passwordHash, ...rest } = v as Record<string, unknown>;
  return passwordHash === undefined ? v : { ...rest, passwordHash: "[redacted]" };
}

export async function listAuditFor(entity: string, entityId: string | number, limit = 100) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
