import "server-only";
import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { users, type User } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { hashPassword, temporaryPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from "@/lib/users/schema";
import { recordAudit } from "./audit";
import { updateVersioned } from "./versioned";
import { countLiveSessions, revokeUserSessions } from "./sessions";
import { enrolledUserIds } from "./second-factor";

function toDto(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    lastSignInAt: u.lastSignInAt ? u.lastSignInAt.toISOString() : null,
    version: u.version,
  };
}
export type UserDto = ReturnType<typeof toDto>;

function auditView(u: User) {
  const { passwordHash: _omit, ...rest } = u;
  void _omit;
  return rest;
}

export async function listUsers(q: ListUsersQuery) {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.q) {
    // The search text is literal: % and _ typed by a user are not wildcards.
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (q.role) where.push(eq(users.role, q.role));
  if (q.active) where.push(eq(users.active, q.active === "true"));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(cond)
      .orderBy(asc(users.role), asc(users.email))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  // Live sessions per listed user: one grouped read of the page's users (sessions_user_live_idx).
  const [live, enrolled] = await Promise.all([countLiveSessions(rows.map((u) => u.id)), enrolledUserIds(rows.map((u) => u.id))]);
  return {
    items: rows.map((u) => ({ ...toDto(u), liveSessions: live.get(u.id) ?? 0, secondFactor: enrolled.has(u.id) })),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function createUser(actor: SessionUser, input: CreateUserInput) {
  const db = await getDb();
  const temp = input.password ? undefined : temporaryPassword();
  const passwordHash = await hashPassword(input.password ?? temp!);
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (dup) throw new ValidationError([{ field: "email", code: "duplicate", messageKey: "users.errors.emailTaken" }]);
    const [row] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash }).returning();
    await recordAudit(tx, actor, { action: "create", entity: "user", entityId: row.id, after: auditView(row) });
    return { user: toDto(row), ...(temp ? { temporaryPassword: temp } : {}) };
  });
}

/** Another active privacy manager must remain, or nobody could administer users any more. */
async function assertAnotherManager(tx: Tx, excludeId: number, field: "role" | "active") {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "privacy_manager"), eq(users.active, true), ne(users.id, excludeId)));
  if (Number(n) === 0) throw new ValidationError([{ field, code: "last_manager", messageKey: "users.errors.lastManager" }]);
}

export async function updateUser(actor: SessionUser, id: number, input: UpdateUserInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const after = await updateVersioned(tx, actor, {
      table: users,
      entity: "user",
      id,
      version: input.version,
      change: async (before) => {
        if (id === actor.id && (!input.active || input.role !== before.role))
          throw new ValidationError([{ field: input.active ? "role" : "active", code: "self", messageKey: "users.errors.self" }]);
        if (before.role === "privacy_manager" && before.active && (input.role !== "privacy_manager" || !input.active))
          await assertAnotherManager(tx, id, input.active ? "role" : "active");
        return { name: input.name, role: input.role, active: input.active };
      },
      // A deactivation or a role change ends the user's sessions in this same transaction: they sign
      // in again with what they now are. A re-activation revives nothing (docs/security.md). The
      // sessions are ended before the audit row is written: the audit chain's lock is held from a
      // transaction's first audit row to its commit, so row locks are taken first (no deadlock with a
      // concurrent "sign out everywhere").
      afterUpdate: async (before, after) => {
        if (before.active && !after.active) await revokeUserSessions(tx, actor, id, "deactivated");
        else if (before.role !== after.role) await revokeUserSessions(tx, actor, id, "role_changed");
      },
      audit: (before, after) => ({
        action: before.active && !after.active ? "deactivate" : !before.active && after.active ? "activate" : "update",
        before: auditView(before),
        after: auditView(after),
      }),
    });
    return toDto(after);
  });
}

/**
 * A new password (given or generated) for a user. Every session of that user ends in the same
 * transaction, except `keepSessionId`: the caller's own session when they reset their own password.
 */
export async function resetPassword(actor: SessionUser, id: number, input: { password?: string; version: number }, keepSessionId?: string) {
  const db = await getDb();
  const temp = input.password ? undefined : temporaryPassword();
  const passwordHash = await hashPassword(input.password ?? temp!);
  return db.transaction(async (tx) => {
    const after = await updateVersioned(tx, actor, {
      table: users,
      entity: "user",
      id,
      version: input.version,
      change: () => ({ passwordHash, isDemo: false }),
      // Sessions first, audit last (see updateUser).
      afterUpdate: () => revokeUserSessions(tx, actor, id, "password_reset", { exceptSid: id === actor.id ? keepSessionId : undefined }),
      audit: (before, after) => ({ action: "reset_password", before: { version: before.version }, after: { version: after.version } }),
    });
    return { user: toDto(after), ...(temp ? { temporaryPassword: temp } : {}) };
  });
}

/** Demo sign-ins shown on the login page: only while demo accounts still have the demo password. */
export async function listDemoAccounts() {
  const db = await getDb();
  const rows = await db
    .select({ email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .orderBy(asc(users.id));
  return rows.flatMap((r) => (r.role ? [{ email: r.email, role: r.role }] : []));
}
