import { boolean, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { versioned } from "./columns";

export const roleEnum = pgEnum("role", ["privacy_manager", "hr", "auditor", "executive"]);

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

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export const ROLES = roleEnum.enumValues;
