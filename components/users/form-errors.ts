"use client";

import { useTranslations } from "next-intl";
import type { z } from "zod";
import { issuesToFieldErrors } from "@/lib/validation/issues";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Client-side check with the same zod schema the API uses: null when valid, else one translated
 * message per field (the first one), keyed like the API's field errors.
 */
export function useSchemaErrors() {
  const t = useTranslations() as unknown as Translate & { has: (key: string) => boolean };
  return function check<S extends z.ZodType>(schema: S, value: unknown): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
    const r = schema.safeParse(value);
    if (r.success) return { data: r.data, errors: null };
    const errors: Record<string, string> = {};
    for (const e of issuesToFieldErrors(r.error.issues)) errors[e.field] ??= t.has(e.messageKey) ? t(e.messageKey, e.values) : e.messageKey;
    return { data: null, errors };
  };
}
