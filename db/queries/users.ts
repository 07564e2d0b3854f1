import "server-only";
import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { users, type User } from "@/db/schema";
import { ConflictError, TooManyRequestsError, ValidationError } from "@/lib/api/errors";
import { hashPassword, temporaryPassword, verifyPassword } from "@/lib/auth/password";
import { isAdmitted, limitFor, minutesLocked } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/roles";
import type { ChangeOwnPasswordInput, CreateUserInput, ListUsersQuery, UpdateUserInput } from "@/lib/users/schema";
import { recordAudit } from "./audit";
import { updateVersioned } from "./versioned";
import { countLiveSessions, revokeUserSessions } from "./sessions";
import { enrolledUserIds } from "./second-factor";
import { countSignInAttempt, refundSignInAttempt } from "./auth";

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
        if (input.role === null && before.role !== null)
          throw new ValidationError([{ field: "role", code: "required", messageKey: "validation.required" }]);
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

/**
 * A signed-in user changes their own password (docs/security.md, "Passwords"). The current password
 * proves it is them, not someone holding their session: every try is counted per user before it is
 * checked (the sign-in limits: 5 in 15 minutes, then a 15-minute lock → 429), a right one takes its
 * try back. Accounts that sign in only through single sign-on have no password here (409). Every other
 * session of the user ends in the same transaction; the one making the change stays. Audited (no hash).
 */
export async function changeOwnPassword(actor: SessionUser, input: ChangeOwnPasswordInput, keepSessionId: string | undefined, now = new Date()) {
  const counter = await countSignInAttempt("password_change", String(actor.id), now);
  if (!isAdmitted(counter, now, limitFor("password_change"))) {
    const minutes = Math.max(1, minutesLocked(counter.lockedUntil, now));
    throw new TooManyRequestsError("account.password.errors.rateLimited", { minutes }, minutes * 60);
  }
  const db = await getDb();
  const [current] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!current?.passwordHash) throw new ConflictError("account.password.errors.noPassword");
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
    throw new ValidationError([{ field: "currentPassword", code: "wrong_password", messageKey: "account.password.errors.wrongCurrent" }]);
  }
  if (await verifyPassword(input.newPassword, current.passwordHash)) {
    throw new ValidationError([{ field: "newPassword", code: "same_password", messageKey: "account.password.errors.samePassword" }]);
  }
  await refundSignInAttempt("password_change", String(actor.id), counter.windowStartedAt);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // The row is locked and re-read: a password changed meanwhile (another tab, a reset) wins → 409.
    const [locked] = await tx.select().from(users).where(eq(users.id, actor.id)).for("update");
    if (!locked || locked.passwordHash !== current.passwordHash) throw new ConflictError("account.password.errors.changedMeanwhile");
    const after = await updateVersioned(tx, actor, {
      table: users,
      entity: "user",
      id: actor.id,
      version: locked.version,
      change: () => ({ passwordHash, isDemo: false }),
      // Sessions first, audit last (see updateUser).
      afterUpdate: () => revokeUserSessions(tx, actor, actor.id, "password_changed", { exceptSid: keepSessionId }),
      audit: (before, after) => ({ action: "change_password", before: { version: before.version }, after: { version: after.version } }),
    });
    return { user: toDto(after) };
  });
}

/** Whether the user signs in with a password here (false for accounts made by single sign-on). */
export async function hasOwnPassword(userId: number): Promise<boolean> {
  const db = await getDb();
  const [u] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return Boolean(u?.passwordHash);
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
