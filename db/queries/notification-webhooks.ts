import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { authSecret } from "@/lib/env";
import type { SessionUser } from "@/lib/auth/roles";
import { webhookSettingSchema, type WebhookHook, type WebhooksInput, type WebhooksSaved } from "@/lib/notifications/schema";
import { keyedSetting } from "./settings";

/**
 * Signed webhooks (docs/domain.md, "Notifications"): a setting of the privacy manager — a list of
 * hooks, each a name, a URL and the event types it receives. A hook's signing secret is not stored:
 * it is derived from the app's AUTH_SECRET and the hook's key (HMAC), shown once when the hook is
 * added, and the same on every instance. (Changing AUTH_SECRET changes every hook's secret.)
 */

const setting = keyedSetting(
  "notification_webhooks",
  (value): WebhookHook[] => {
    const parsed = webhookSettingSchema.safeParse(value);
    return parsed.success ? parsed.data : [];
  },
  (v) => v,
  [] as WebhookHook[],
);

/** The signing secret of a hook. */
export function webhookSecret(key: string): string {
  return createHmac("sha256", authSecret()).update(`notification-webhook:${key}`).digest("base64url");
}

export async function getWebhooks(): Promise<{ hooks: WebhookHook[]; version: number }> {
  const { value, version } = await setting.get();
  return { hooks: value, version };
}

/**
 * Replaces the list (send the version you read; 0 while nothing was saved). A hook sent with its key
 * is kept (same secret); one without a key is new: it gets a key, and its secret is in this answer only.
 */
export async function saveWebhooks(actor: SessionUser, input: WebhooksInput): Promise<WebhooksSaved> {
  const { value: before } = await setting.get();
  const known = new Set(before.map((h) => h.key));
  const secrets: Record<string, string> = {};
  const hooks = input.hooks.map((h) => {
    if (h.key && known.has(h.key)) return { key: h.key, name: h.name, url: h.url, types: h.types };
    const key = randomUUID();
    secrets[key] = webhookSecret(key);
    return { key, name: h.name, url: h.url, types: h.types };
  });
  const saved = await setting.update(actor, hooks, input.version);
  return { hooks: saved.value, version: saved.version, secrets };
}
