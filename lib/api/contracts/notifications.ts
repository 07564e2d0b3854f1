import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { DEFAULT_LEAD_DAYS, DEFAULT_MODES } from "@/lib/notifications/rules";
import {
  deliveryPageSchema,
  deliveryQuery,
  leadDaysResponse,
  listNotificationsQuery,
  markReadResponse,
  markReadSchema,
  notificationPageSchema,
  preferencesSchema,
  scanResponse,
  unreadCountSchema,
  updateLeadDaysSchema,
  updatePreferencesSchema,
  savedWebhooksSchema,
  updateWebhooksSchema,
  webhooksSchema,
} from "@/lib/notifications/schema";
import { defineOperation } from "../operation";

export const listNotifications = defineOperation({
  id: "listNotifications",
  method: "get",
  path: "/api/v1/notifications",
  roles: ANY_ROLE,
  tag: "notifications",
  summary: "The caller's notifications, newest first (unread=true|false, type), with the unread count",
  query: listNotificationsQuery,
  response: notificationPageSchema,
});

export const getUnreadNotifications = defineOperation({
  id: "getUnreadNotifications",
  method: "get",
  path: "/api/v1/notifications/unread",
  roles: ANY_ROLE,
  tag: "notifications",
  summary: "How many of the caller's notifications are unread (the bell in the header)",
  response: unreadCountSchema,
});

export const markNotificationsRead = defineOperation({
  id: "markNotificationsRead",
  method: "post",
  path: "/api/v1/notifications/read",
  roles: ANY_ROLE,
  tag: "notifications",
  summary: "Mark some ({ids}) or all ({all: true}) of the caller's notifications read",
  body: markReadSchema,
  example: { all: true },
  response: markReadResponse,
});

export const getNotificationPreferences = defineOperation({
  id: "getNotificationPreferences",
  method: "get",
  path: "/api/v1/notifications/preferences",
  roles: ANY_ROLE,
  tag: "notifications",
  summary: "The caller's notification preferences: per event type immediate, digest or off; the e-mail language; whether e-mail is set up",
  response: preferencesSchema,
});

export const updateNotificationPreferences = defineOperation({
  id: "updateNotificationPreferences",
  method: "put",
  path: "/api/v1/notifications/preferences",
  roles: ANY_ROLE,
  tag: "notifications",
  summary: "Change the caller's notification preferences (send the version you read; 0 while nothing has been saved yet)",
  body: updatePreferencesSchema,
  example: { modes: DEFAULT_MODES, locale: "ja", version: 0 },
  response: preferencesSchema,
});

export const getNotificationLeadDays = defineOperation({
  id: "getNotificationLeadDays",
  method: "get",
  path: "/api/v1/notifications/lead-days",
  roles: ADMINS,
  tag: "notifications",
  summary: "Days before each type of deadline that its notification is sent",
  response: leadDaysResponse,
});

export const updateNotificationLeadDays = defineOperation({
  id: "updateNotificationLeadDays",
  method: "put",
  path: "/api/v1/notifications/lead-days",
  roles: ADMINS,
  tag: "notifications",
  summary: "Change the lead times (0–180 days; send the version you read, 0 while nothing has been saved yet)",
  body: updateLeadDaysSchema,
  example: { ...DEFAULT_LEAD_DAYS, version: 0 },
  response: leadDaysResponse,
});

export const listNotificationDeliveries = defineOperation({
  id: "listNotificationDeliveries",
  method: "get",
  path: "/api/v1/notifications/deliveries",
  roles: ADMINS,
  tag: "notifications",
  summary: "The outbox: e-mails and webhook calls with their status, attempts and last error; how many are failing",
  query: deliveryQuery,
  response: deliveryPageSchema,
});

export const runNotificationScan = defineOperation({
  id: "runNotificationScan",
  method: "post",
  path: "/api/v1/notifications/scan",
  roles: ADMINS,
  tag: "notifications",
  summary:
    "Run the deadline scan now (it also runs every morning and every ten minutes); idempotent. `daily: true` runs the morning scan's part too: today's digests and the training reminders to employees (docs/domain.md, \"Notifications\")",
  body: z.object({ daily: z.boolean().optional() }).strict(),
  example: {},
  response: scanResponse,
});

export const getNotificationWebhooks = defineOperation({
  id: "getNotificationWebhooks",
  method: "get",
  path: "/api/v1/notifications/webhooks",
  roles: ADMINS,
  tag: "notifications",
  summary: "Signed webhooks: where notification events are POSTed, for which event types",
  response: webhooksSchema,
});

export const updateNotificationWebhooks = defineOperation({
  id: "updateNotificationWebhooks",
  method: "put",
  path: "/api/v1/notifications/webhooks",
  roles: ADMINS,
  tag: "notifications",
  summary: "Replace the webhooks (send the version you read; 0 while none were saved). A hook without a key is new: its signing secret is in this answer only",
  description:
    "Each notification event (deadline, stage) of a hook's types is POSTed as JSON with X-PMS-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of '<t>.<body>' with the hook's secret>. Failed calls are retried with growing waits, like e-mails.",
  body: updateWebhooksSchema,
  example: { hooks: [{ name: "Chat: privacy channel", url: "https://chat.example.co.jp/hooks/pms", types: ["incident", "pmark"] }], version: 0 },
  response: savedWebhooksSchema,
});
