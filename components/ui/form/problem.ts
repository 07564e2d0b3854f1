import { ApiProblem } from "@/lib/client/api";

/**
 * How a failed write is shown, decided in one place for every form and action (docs/architecture.md,
 * "Forms"): a stale version (409 without field errors) is a conflict; field errors (a 409 duplicate too) go beside their fields (the rest, that no
 * field shows, become text); 4xx, 503 and 504 say what the server said; anything else is the general
 * "try again" message.
 */
export type WriteFailure =
  | { kind: "conflict"; message: string }
  | { kind: "fields"; fields: Record<string, string>; unshown: string[]; message: string }
  | { kind: "other"; message: string | null };

export function classifyFailure(err: unknown, shownFields: readonly string[] = []): WriteFailure {
  if (!(err instanceof ApiProblem)) return { kind: "other", message: null };
  const fields = Object.entries(err.fieldErrors);
  // A 409 that names fields is a duplicate (a code or number already taken): said beside the field.
  if (err.status === 409 && !fields.length) return { kind: "conflict", message: err.detail ?? err.title };
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

/** A stale version: someone else saved the record since it was loaded. */
export function isConflict(err: unknown): boolean {
  return classifyFailure(err).kind === "conflict";
}

/** After a refused save: bring the first field in error (or the first alert) of the form into view and focus it. */
export function focusFirstError(form: HTMLFormElement | null | undefined) {
  if (!form) return;
  const el = form.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
  if (!el) return;
  el.scrollIntoView?.({ block: "center" });
  // A field in error, or a group marked invalid (a radiogroup of scores): its first control.
  const control = el.matches("input, select, textarea") ? el : el.matches('[aria-invalid="true"]') ? el.querySelector<HTMLElement>("input, select, textarea") : null;
  control?.focus();
}

/** The fields whose value differs between two versions of a record (shallow, JSON equality). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T, fields: readonly string[]): string[] {
  return fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}
