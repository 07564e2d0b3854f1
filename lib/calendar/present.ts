import "server-only";
import type { CalendarEvent } from "@/lib/calendar/events";
import { eventSummary } from "@/lib/calendar/summary";
import type { CalendarEventDto } from "@/lib/calendar/schema";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";

/** Events with their summary in `locale`. */
export function withSummaries(events: CalendarEvent[], locale: Locale): CalendarEventDto[] {
  const t = (key: string, values?: Record<string, string | number>) => translateKey(locale, key, values);
  return events.map((e) => ({ ...e, summary: eventSummary(e, t) }));
}

/** The public origin of the app: AUTH_URL when set (behind a proxy), else the request's own. */
export function publicOrigin(req: Request): string {
  const configured = env().AUTH_URL;
  return configured ? new URL(configured).origin : new URL(req.url).origin;
}

export function feedUrl(origin: string, token: string): string {
  return `${origin}/api/v1/calendar/feed/${token}.ics`;
}
