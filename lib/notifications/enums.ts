/**
 * The words of notifications (docs/domain.md, "Notifications"), declared once: the database enums
 * (db/schema/notifications.ts), the zod schemas and the rules all use these tuples.
 */

/** How a user wants one type of deadline: at once (in the app and by e-mail), in the daily digest e-mail (and in the app), or not at all. */
export const NOTIFICATION_MODES = ["immediate", "digest", "off"] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** soon: within the rule's lead time; due: the day itself; late: past it and not done. */
export const NOTIFICATION_STAGES = ["soon", "due", "late"] as const;
export type NotificationStage = (typeof NOTIFICATION_STAGES)[number];

export const DELIVERY_CHANNELS = ["email", "webhook"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** pending: waiting for its (next) attempt; sending: claimed by one worker; sent; failed: gave up after the last attempt. */
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
