import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, TIME_ZONE, pickLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

// No locale in the URL: the language is the user's choice, remembered in a cookie.
export default getRequestConfig(async () => {
  const [c, h] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(c.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
