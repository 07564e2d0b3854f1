import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_STAGES } from "@/lib/notifications/enums";
import { users } from "./auth";
import { versioned } from "./columns";

export const notificationStageEnum = pgEnum("notification_stage", NOTIFICATION_STAGES);
export const deliveryChannelEnum = pgEnum("notification_channel", DELIVERY_CHANNELS);
export const deliveryStatusEnum = pgEnum("notification_delivery_status", DELIVERY_STATUSES);

/**
 * One deadline told to one user (docs/domain.md, "Notifications"). The unique index is the
 * idempotency key — rule (the event's kind and stage), record (the calendar event's uid), due date,
 * recipient — so two app instances scanning at once, or a scan run twice, make one row.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** "<calendar kind>:<stage>", e.g. "incident.ppcPreliminary:late". */
    rule: text("rule").notNull(),
    /** The calendar event's uid, e.g. "incident-4-ppcPreliminary". */
    recordKey: text("record_key").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** Calendar event type (lib/calendar/events.ts) and kind (a message key under calendar.summary). */
    type: text("type").notNull(),
    kind: text("kind").notNull(),
    stage: notificationStageEnum("stage").notNull(),
    /** The summary's values: the record's own words, as the calendar shows them to every role. */
    values: jsonb("values").notNull(),
    href: text("href").notNull(),
    /** Sent to this user because the item is late (the privacy manager), not as its owner. */
    escalated: boolean("escalated").notNull().default(false),
    /** The day of the digest e-mail that carries it (users who chose the daily digest); null otherwise. */
    digestOn: date("digest_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("notifications_idempotency_idx").on(t.rule, t.recordKey, t.dueOn, t.userId),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_digest_idx").on(t.digestOn, t.userId).where(sql`${t.digestOn} is not null`),
  ],
);

/**
 * The outbox: a message to send, written in the same transaction as the notification that causes
 * it, and sent by the queue's worker with retries (db/queries/notification-outbox.ts). `key` is
 * unique (one e-mail per notification, one digest per user and day, one webhook call per event,
 * hook and stage), so nothing is queued, or sent, twice.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    key: text("key").notNull(),
    channel: deliveryChannelEnum("channel").notNull(),
    /** The notification of an immediate e-mail; null for a digest or a webhook call. */
    notificationId: integer("notification_id").references(() => notifications.id),
    /** The recipient of an e-mail (immediate or digest). */
    userId: integer("user_id").references(() => users.id),
    /** A digest: the day whose notifications it carries. */
    digestOn: date("digest_on", { mode: "string" }),
    /** A webhook call: the JSON it posts, with the hook's key (the hooks are a setting: db/queries/notification-webhooks.ts). */
    payload: jsonb("payload"),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    claimedAt: timestamp("claimed_at", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_key_idx").on(t.key),
    index("notification_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("notification_deliveries_status_idx").on(t.status, t.createdAt),
  ],
);

/**
 * A user's choices: per calendar event type a mode (lib/notifications/enums.ts), and the language of
 * their e-mail. No row = the defaults (everything immediate, Japanese); created on the first save.
 */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  modes: jsonb("modes").notNull(),
  locale: text("locale").notNull().default("ja"),
  ...versioned,
});
