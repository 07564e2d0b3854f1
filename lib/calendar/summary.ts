import type { CalendarEvent } from "./events";

/** A translator of dotted keys with values (next-intl's, or a stub in tests). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "PI-BASIC 個人情報保護基礎研修: 5名が期限" — the event's summary in the reader's language. */
export function eventSummary(e: Pick<CalendarEvent, "kind" | "values">, t: Translate): string {
  return t(`calendar.summary.${e.kind}`, e.values);
}
