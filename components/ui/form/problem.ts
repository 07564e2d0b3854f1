import { ApiProblem } from "@/lib/client/api";

/**
 * How a failed write is shown, decided in one place for every form and action (docs/architecture.md,
 * "Forms"): a stale version (409) is a conflict; field errors go beside their fields (the rest, that no
 * field shows, become text); 4xx, 503 and 504 say what the server said; anything else is the general
 * "try again" message.
 */
export type WriteFailure =
  | { kind: "conflict"; message: string }
  | { kind: "fields"; fields: Record<string, string>; unshown: string[]; message: string }
  | { kind: "other"; message: string | null };

export function classifyFailure(err: unknown, shownFields: readonly string[] = []): WriteFailure {
  if (!(err instanceof ApiProblem)) return { kind: "other", message: null };
  if (err.status === 409) return { kind: "conflict", message: err.detail ?? err.title };
  const fields = Object.entries(err.fieldErrors);
  if (fields.length) {
    return {
      kind: "fields",
      fields: err.fieldErrors,
      unshown: fields.filter(([f]) => !shownFields.includes(f)).map(([, m]) => m),
      message: err.detail ?? err.title,
    };
  }
  const speaks = err.status < 500 || err.status === 503 || err.status === 504;
  return { kind: "other", message: speaks ? (err.detail ?? err.title) : null };
}

export function isConflict(err: unknown): boolean {
  return err instanceof ApiProblem && err.status === 409;
}

/** The fields whose value differs between two versions of a record (shallow, JSON equality). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T, fields: readonly string[]): string[] {
  return fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}
