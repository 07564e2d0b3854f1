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
    /** Null for an account created at its first single sign-on: it waits for the privacy manager to give it a role (docs/security.md, "Single sign-on"). */
    role: roleEnum("role"),
    /** Null for an account that signs in only through single sign-on. */
    passwordHash: text("password_hash"),
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
    scope: text("scope", { enum: ["account", "address", "second_factor", "password_change"] }).notNull(),
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
    /** How the session was opened: "password", "password+totp", "recovery_code" or "oidc:<provider id>". */
    method: text("method").notNull().default("password"),
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

/**
 * A user's accounts at OpenID Connect providers: the provider's `sub` is the stable key (an e-mail can
 * change upstream). Linked at the first sign-in by verified e-mail or created just in time
 * (docs/security.md, "Single sign-on").
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    /** The e-mail the provider gave at the last sign-in (informational). */
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("user_identities_provider_subject_idx").on(t.provider, t.subject), index("user_identities_user_idx").on(t.userId)],
);

/**
 * A password account's second factor (TOTP, RFC 6238). The secret is encrypted with a key derived from
 * AUTH_SECRET; `confirmedAt` is null while enrolment waits for its first code; `lastTimeStep` is the
 * last accepted step, so a code is never accepted twice. A reset retires the row (kept for the record).
 */
export const secondFactors = pgTable(
  "second_factors",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    secret: text("secret").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "date" }),
    lastTimeStep: integer("last_time_step"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("second_factors_user_current_idx").on(t.userId).where(sql`${t.retiredAt} is null`)],
);

/** One-time recovery codes of a second factor, stored as bcrypt hashes; each is used at most once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    secondFactorId: integer("second_factor_id")
      .notNull()
      .references(() => secondFactors.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("recovery_codes_factor_idx").on(t.secondFactorId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
