export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ja";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const TIME_ZONE = "Asia/Tokyo";

export function toLocale(v: string | null | undefined): Locale | undefined {
  return v === "ja" || v === "en" ? v : undefined;
}

/** Cookie first (the header switch), then the browser's Accept-Language, then Japanese. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  const fromCookie = toLocale(cookie);
  if (fromCookie) return fromCookie;
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : DEFAULT_LOCALE;
}
