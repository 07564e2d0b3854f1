import { StaleVersionError, type AppError } from "./errors";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";

export type ProblemField = { field: string; code: string; message: string };
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemField[];
  /** On a 409 for a stale version: the record's current version. */
  currentVersion?: number;
};

/** RFC 9457 problem details, with the title and every field message in the caller's language. */
export function problemResponse(err: AppError, locale: Locale, instance?: string): Response {
  const body: Problem = {
    type: `/problems/${err.type}`,
    title: translateKey(locale, `problems.titles.${err.type}`),
    status: err.status,
    detail: translateKey(locale, err.messageKey, err.values),
    ...(instance ? { instance } : {}),
    ...(err.fieldErrors.length
      ? { errors: err.fieldErrors.map((f) => ({ field: f.field, code: f.code, message: translateKey(locale, f.messageKey, f.values) })) }
      : {}),
    ...(err instanceof StaleVersionError ? { currentVersion: err.currentVersion } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: {
      "content-type": "application/problem+json; charset=utf-8",
      "content-language": locale,
      ...(err.retryAfterSeconds !== undefined ? { "retry-after": String(Math.max(1, Math.ceil(err.retryAfterSeconds))) } : {}),
    },
  });
}
