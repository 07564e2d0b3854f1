import { z } from "zod";
import { CALENDAR_EVENT_TYPES } from "@/lib/calendar/events";
import { LOCALES } from "@/lib/i18n/config";
import { pageSchema } from "@/lib/list/page";
import { id, paging } from "@/lib/validation/common";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_MODES, NOTIFICATION_STAGES } from "./enums";
import { leadDaysSchema, modesSchema } from "./rules";

/** Zod schemas of the notification endpoints (lib/api/contracts/notifications.ts) and their pages. */

/** A yes/no filter in the URL ("true"/"false"; anything else is no filter), as the list kit's FlagCheckbox writes it. */
const flag = z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === true ? true : v === "false" || v === false ? false : undefined), z.boolean().optional());

export const listNotificationsQuery = z.object({
  unread: flag,
  type: z.enum(CALENDAR_EVENT_TYPES, { error: "validation.invalidOption" }).optional(),
  ...paging,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

export const notificationSchema = z.object({
  id: z.number().int(),
  type: z.enum(CALENDAR_EVENT_TYPES),
  kind: z.string(),
  stage: z.enum(NOTIFICATION_STAGES),
  dueOn: z.string(),
  href: z.string(),
  escalated: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The deadline in the reader's language ("INC-2026-001 個人情報保護委員会への速報期限"). */
  summary: z.string(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationPageSchema = pageSchema(notificationSchema, { unread: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });

/** Mark some (ids) or all of one's notifications read. */
export const markReadSchema = z.union([z.object({ ids: z.array(id).min(1, "validation.required").max(200, "validation.tooMany") }).strict(), z.object({ all: z.literal(true) }).strict()], {
  error: "validation.invalid",
});
export type MarkReadInput = z.output<typeof markReadSchema>;
export const markReadResponse = z.object({ updated: z.number().int(), unread: z.number().int() });

export const preferencesSchema = z.object({
  modes: modesSchema,
  locale: z.enum(LOCALES, { error: "validation.invalidOption" }),
  /** Whether e-mail can be sent at all (SMTP configured): without it, notifications are in the app only. */
  emailEnabled: z.boolean(),
  version: z.number().int(),
});
export type PreferencesDto = z.infer<typeof preferencesSchema>;

export const updatePreferencesSchema = z.object({
  modes: modesSchema,
  locale: z.enum(LOCALES, { error: "validation.invalidOption" }),
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});
export type UpdatePreferencesInput = z.output<typeof updatePreferencesSchema>;

export const leadDaysResponse = leadDaysSchema.extend({ version: z.number().int() });
export const updateLeadDaysSchema = leadDaysSchema.extend({
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});

export const deliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES, { error: "validation.invalidOption" }).optional(),
  /** Only the failing ones: given up, or waiting for another attempt after a failed one (the dashboard's figure). */
  failing: flag,
  ...paging,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DeliveryQuery = z.output<typeof deliveryQuery>;

export const deliverySchema = z.object({
  id: z.number().int(),
  channel: z.enum(DELIVERY_CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  /** Who or where: the recipient's name for an e-mail, the hook's name for a webhook call. */
  recipient: z.string(),
  /** A training reminder to an employee (recipient: the employee's name): the course and which reminder of how many. */
  trainingReminder: z.object({ courseCode: z.string(), number: z.number().int(), max: z.number().int() }).nullable(),
  digestOn: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;
export const deliveryPageSchema = pageSchema(deliverySchema, { failing: z.number().int(), emailEnabled: z.boolean() });

export const scanResponse = z.object({ today: z.string(), due: z.number().int(), created: z.number().int(), queued: z.number().int() });
export type ScanResult = z.infer<typeof scanResponse>;

export { NOTIFICATION_MODES };

// Webhooks (a setting: db/queries/notification-webhooks.ts).

const webhookUrl = z
  .string({ error: "validation.required" })
  .trim()
  .max(2000, "validation.tooLong")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "notifications.webhooks.invalidUrl");

const webhookFields = {
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
  url: webhookUrl,
  types: z.array(z.enum(CALENDAR_EVENT_TYPES, { error: "validation.invalidOption" })).min(1, "validation.required").max(20, "validation.tooMany"),
};

/** A stored hook. */
export const webhookHookSchema = z.object({ key: z.string(), ...webhookFields });
export type WebhookHook = z.infer<typeof webhookHookSchema>;
export const webhookSettingSchema = z.array(webhookHookSchema);

export const webhooksSchema = z.object({ hooks: z.array(webhookHookSchema), version: z.number().int() });
export const updateWebhooksSchema = z.object({
  hooks: z.array(z.object({ key: z.string().max(100).optional(), ...webhookFields })).max(20, "validation.tooMany"),
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});
export type WebhooksInput = z.output<typeof updateWebhooksSchema>;
/** The answer to a save: the new hooks' signing secrets, shown this once. */
export const savedWebhooksSchema = webhooksSchema.extend({ secrets: z.record(z.string(), z.string()) });
export type WebhooksSaved = z.infer<typeof savedWebhooksSchema>;
