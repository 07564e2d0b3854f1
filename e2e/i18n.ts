import ja from "../messages/ja.json";
import en from "../messages/en.json";

/**
 * The UI's own messages, so that locators follow the wording of messages/*.json instead of copying it.
 * `t("auth.submit")` → "サインイン"; `t("auth.demoHelp", { password: "x" }, "en")`; a `{count, number}`
 * argument is formatted as the app formats it ("1,234").
 */
export const MESSAGES = { ja, en } as const;
export type Locale = keyof typeof MESSAGES;

export function t(key: string, values: Record<string, string | number> = {}, locale: Locale = "ja"): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`e2e: no message ${locale}:${key}`);
  return node
    .replace(/\{(\w+), number\}/g, (m, name: string) => {
      if (!(name in values)) return m;
      const v = values[name];
      // A number as the app formats it; a string (a marker a page object replaces with a pattern) as it is.
      return typeof v === "number" ? new Intl.NumberFormat(locale).format(v) : v;
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** Whether a message exists (for pages still being built). */
export function has(key: string, locale: Locale = "ja"): boolean {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string";
}
