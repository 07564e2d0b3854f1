import { createTranslator } from "use-intl/core";
import ja from "@/messages/ja.json";
import en from "@/messages/en.json";
import { TIME_ZONE, type Locale } from "./config";

export const MESSAGES = { ja, en } as const;
export type Messages = typeof ja;

function createFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE });
}

/**
 * One translator per language for the life of the process. The messages and the time zone never
 * change, and a translator keeps the parsed form of each message it has formatted, so a route that
 * translates hundreds of items (the calendar's summaries, a CSV's labels) parses each message once
 * instead of once per item (docs/architecture.md "Translations outside React").
 */
const TRANSLATORS: { [L in Locale]?: ReturnType<typeof createFor> } = {};

/** A translator outside React (route handlers, CSV imports): same messages as the UI. */
export function translator(locale: Locale) {
  return (TRANSLATORS[locale] ??= createFor(locale));
}

/** Translate a dotted key that came from data (errors, issues), with a safe fallback. */
export function translateKey(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const t = translator(locale) as unknown as { has: (k: string) => boolean; (k: string, v?: Record<string, string | number>): string };
  return t.has(key) ? t(key, values) : key;
}
