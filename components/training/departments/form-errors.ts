"use client";

import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ApiProblem } from "@/lib/client/api";
import { issuesToFieldErrors } from "@/lib/validation/issues";

export type FieldMessages = Record<string, string>;

/**
 * Client-side validation with the same zod schema the API uses: field → message in the user's
 * language (first message per field), or the parsed value.
 */
export function useSchemaValidation() {
  const t = useTranslations();
  return function validate<S extends z.ZodType>(schema: S, input: unknown): { data: z.output<S>; errors: null } | { data: null; errors: FieldMessages } {
    const r = schema.safeParse(input);
    if (r.success) return { data: r.data, errors: null };
    const errors: FieldMessages = {};
    for (const e of issuesToFieldErrors(r.error.issues)) errors[e.field] ??= t(e.messageKey, e.values);
    return { data: null, errors };
  };
}

/** How a failed save is shown: field messages beside the fields, a conflict with a reload button, or a general message. */
export type SaveFailure = { kind: "fields"; fields: FieldMessages; message: string } | { kind: "conflict"; message: string } | { kind: "other"; message: string };

export function saveFailure(err: unknown, fallback: string): SaveFailure {
  if (err instanceof ApiProblem) {
    if (err.status === 409) return { kind: "conflict", message: err.detail ?? err.title };
    if (Object.keys(err.fieldErrors).length > 0) return { kind: "fields", fields: err.fieldErrors, message: err.detail ?? err.title };
    return { kind: "other", message: err.detail ?? err.title };
  }
  return { kind: "other", message: fallback };
}
