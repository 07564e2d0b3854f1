import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";

/**
 * iCalendar feed tokens: a secret, revocable URL per user (issue 6, calendar). Only the SHA-256 hash
 * of the token is stored; the token itself is shown once, when it is created. A user has at most one
 * live token: creating a new one revokes the old. `locale` is the language of the feed's summaries.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** hex SHA-256 of the token. */
    tokenHash: text("token_hash").notNull(),
    locale: text("locale").notNull().default("ja"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_hash_idx").on(t.tokenHash),
    uniqueIndex("calendar_feeds_one_live_idx")
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
    index("calendar_feeds_user_idx").on(t.userId),
  ],
);

export type CalendarFeed = typeof calendarFeeds.$inferSelect;
