import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ROLES } from "@/lib/auth/roles";
import { versioned } from "./columns";

export const roleEnum = pgEnum("role", ROLES);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /** A demo account still on the demo password: listed on the login page. */
    isDemo: boolean("is_demo").notNull().default(false),
    /** Department the user belongs to (for audit independence later); optional. */
    departmentId: integer("department_id"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true, mode: "date" }),
    ...versioned,
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/** Failed sign-ins, counted in the database so the limit holds across app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    scope: text("scope", { enum: ["account", "address"] }).notNull(),
    key: text("key").notNull(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/**
 * Server-side sessions: the Auth.js cookie carries only this row's id (`sid`), so a session can be
 * ended on every instance at once (sign-out, password change, deactivation, role change, "sign out
 * everywhere"). A row is never revived: re-activating a user does not bring old cookies back.
 * Lifetimes (absolute and idle) are settings; see docs/security.md.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    revokeReason: text("revoke_reason"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_live_idx").on(t.userId).where(sql`${t.revokedAt} is null`)],
);

/**
 * Per-subject request counters for writes any role can make (e.g. incident reports), counted in
 * the database so a limit holds across app instances. One row per (scope, key) and fixed window.
 */
export const requestCounters = pgTable(
  "request_counters",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
