"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { changedFields, classifyFailure, focusFirstError } from "./problem";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** Translates zod issues into one message per field, keyed like the API's field errors. */
export function useSchemaCheck() {
  const t = useTranslations() as unknown as Translate;
  return useCallback(
    function check<S extends z.ZodType>(schema: S, input: unknown): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
      const r = schema.safeParse(input);
      if (r.success) return { data: r.data, errors: null };
      const errors: Record<string, string> = {};
      for (const e of issuesToFieldErrors(r.error.issues)) errors[e.field] ??= t.has(e.messageKey) ? t(e.messageKey, e.values) : e.messageKey;
      return { data: null, errors };
    },
    [t],
  );
}

/** A rule beyond the schema, as the API's rule checks return it (lib/…/schema.ts): a field and a message key. */
export type RuleError = { field: string; messageKey: string; values?: Record<string, string | number> };

/** A versioned record a form edits: its version goes with the save; a 409 compares it with the latest. */
type Versioned = { version: number } & Record<string, unknown>;

export type FormConflict<R> = {
  /** The record as the server holds it now (null while it loads or when it could not be loaded). */
  latest: R | null;
  /** Labels of the fields someone else changed since this form was opened. */
  changed: string[];
};

export type FormProblemState<R = unknown> =
  | { kind: "conflict"; message: string; conflict: FormConflict<R> }
  | { kind: "error"; messages: string[] }
  | null;

export type UseFormOptions<V extends Record<string, unknown>, S extends z.ZodType, T, R extends Versioned> = {
  /** The values the fields start with (usually strings, as inputs hold them). */
  initial: V;
  /** The same zod schema the API checks (or one picked from the values, e.g. create vs update). */
  schema: S | ((values: V) => S);
  /** Values → the request body checked by `schema` (default: the values as they are). The record's version is added when `record` is given. */
  toInput?: (values: V) => Record<string, unknown>;
  /** The request: gets the parsed body, returns the saved record. */
  submit: (data: z.output<S>) => Promise<T>;
  /** Query keys refreshed after a save and after a conflict. */
  invalidate?: QueryKey[];
  onSaved?: (saved: T) => void | Promise<void>;
  /**
   * The record being edited (absent when creating). On a 409 the form keeps what the user typed, loads the
   * latest version with `loadLatest`, and lists which of `compare`'s fields someone else changed.
   */
  record?: R;
  loadLatest?: () => Promise<R>;
  /** Field of the record → its label, for "changed since you opened it". */
  compare?: Record<string, string>;
  /** The latest record → the form's values, for "discard my input and load the latest". */
  toValues?: (latest: R) => V;
  /**
   * Field names whose server errors are shown beside a field (or a test, for fields that come and go, like
   * rows of a list); other field errors become text. Default: the keys of `initial`.
   */
  fields?: readonly string[] | ((field: string) => boolean);
  /**
   * Rules the schema does not hold (e.g. a date not in the future, a score the course requires), checked in
   * the same round as the schema: `parsed` is the schema's output, or null when it failed. Messages are keys.
   */
  rules?: (parsed: z.output<S> | null, values: V) => readonly RuleError[];
  /** The field that shows an error reported for `field` (client or server), e.g. every "audience…" on one fieldset. */
  errorField?: (field: string) => string;
  /**
   * For a form that stays on the page (not a dialog) while `record` is refetched after other writes on
   * the same page: a newer `record` is taken over (values and version) when the form holds no unsaved
   * input; unsaved input is kept and a save meets the conflict behaviour. Needs `toValues`.
   */
  followRecord?: boolean;
};

/**
 * The form kit (docs/architecture.md, "Forms"): field values, the zod check before sending (messages
 * translated, beside their fields), the save as a TanStack mutation, server field errors mapped back to
 * fields, and ONE conflict behaviour: keep the user's input, show what changed, let them load the latest
 * or keep their input and save over it.
 */
export function useForm<V extends Record<string, unknown>, S extends z.ZodType, T, R extends Versioned = Versioned>(opts: UseFormOptions<V, S, T, R>) {
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const check = useSchemaCheck();
  const tAll = useTranslations() as unknown as Translate;
  // The <form> last submitted: its first field in error gets the focus after a refused save.
  const formRef = useRef<HTMLFormElement | null>(null);
  const [values, setValuesState] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblemState<R>>(null);
  // The version this form's save claims to start from; a conflict the user accepts moves it on.
  const [version, setVersion] = useState<number | undefined>(opts.record?.version);
  // The record that version belongs to: what "changed since you opened it" compares with.
  const [base, setBase] = useState<R | undefined>(opts.record);
  // Focus moves to the first field in error once the errors are on screen: a request counted here is
  // served by an effect, which runs after React has committed the render that shows them (a frame
  // scheduled at the moment of setErrors could run before that render and find nothing marked).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) focusFirstError(formRef.current);
  }, [focusRequest]);
  if (opts.followRecord && opts.record && base && opts.record.version !== base.version && problem?.kind !== "conflict") {
    // A newer record arrived (render-time adjustment, no effect): take it over unless the user has typed.
    const toValues = opts.toValues;
    setBase(opts.record);
    if (toValues) {
      const now = JSON.stringify(values);
      if (now === JSON.stringify(toValues(base)) || now === JSON.stringify(toValues(opts.record))) {
        setValuesState(toValues(opts.record));
        setVersion(opts.record.version);
      }
    }
  }

  const clear = useCallback((field: string) => {
    setErrors((cur) => {
      if (!(field in cur)) return cur;
      const next = { ...cur };
      delete next[field];
      return next;
    });
  }, []);

  const setValue = useCallback(
    <K extends keyof V>(name: K, value: V[K]) => {
      setValuesState((cur) => ({ ...cur, [name]: value }));
      clear(String(name));
    },
    [clear],
  );

  const setValues = useCallback((patch: Partial<V>) => {
    setValuesState((cur) => ({ ...cur, ...patch }));
    setErrors((cur) => {
      const next = { ...cur };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  }, []);

  const refresh = async () => {
    for (const key of opts.invalidate ?? []) await qc.invalidateQueries({ queryKey: key });
  };

  const onConflict = async (message: string) => {
    const o = opts;
    setProblem({ kind: "conflict", message, conflict: { latest: null, changed: [] } });
    await refresh();
    const before = base ?? o.record;
    if (!o.loadLatest || !before) return;
    try {
      const latest = await o.loadLatest();
      const labels = o.compare ?? {};
      const changed = changedFields(before, latest, Object.keys(labels)).map((f) => labels[f]);
      setProblem({ kind: "conflict", message, conflict: { latest, changed } });
    } catch {
      /* the notice still says what happened; "load the latest" stays unavailable */
    }
  };

  const remap = (errs: Record<string, string>): Record<string, string> => {
    const to = opts.errorField;
    if (!to) return errs;
    const out: Record<string, string> = {};
    for (const [f, m] of Object.entries(errs)) out[to(f)] ??= m;
    return out;
  };

  const mutation = useMutation({
    mutationFn: (data: z.output<S>) => opts.submit(data),
    onSuccess: async (saved) => {
      setProblem(null);
      // A form that stays open saves again from the version it just wrote.
      const v = (saved as { version?: unknown } | null)?.version;
      if (typeof v === "number" && version !== undefined) setVersion(v);
      await refresh();
      await opts.onSaved?.(saved);
    },
    onError: async (err) => {
      const shown = opts.fields ?? Object.keys(opts.initial);
      const isShown = typeof shown === "function" ? shown : (f: string) => shown.includes(f);
      const failure = classifyFailure(err);
      if (failure.kind === "conflict") return onConflict(failure.message);
      if (failure.kind === "fields") {
        const fields = remap(failure.fields);
        const unshown = Object.entries(fields).filter(([f]) => !isShown(f)).map(([, m]) => m);
        setErrors(fields);
        setProblem(unshown.length ? { kind: "error", messages: unshown } : null);
        setFocusRequest((n) => n + 1);
        return;
      }
      setProblem({ kind: "error", messages: [failure.message ?? tc("errorBody")] });
    },
  });

  /** Checks the values with the schema; on success sends them. Returns false when the check failed. */
  const save = (override?: Partial<V>): boolean => {
    const o = opts;
    const current = override ? { ...values, ...override } : values;
    const schema = typeof o.schema === "function" ? (o.schema as (v: V) => S)(current) : o.schema;
    const body = o.toInput ? o.toInput(current) : { ...current };
    if (o.record && version !== undefined) body.version = version;
    const r = check(schema, body);
    const found: Record<string, string> = { ...r.errors };
    for (const e of o.rules?.(r.data, current) ?? []) found[e.field] ??= tAll.has(e.messageKey) ? tAll(e.messageKey, e.values) : e.messageKey;
    if (!r.data || Object.keys(found).length) {
      setErrors(remap(found));
      setProblem(null);
      setFocusRequest((n) => n + 1);
      return false;
    }
    setErrors({});
    if (problem?.kind === "error") setProblem(null);
    mutation.mutate(r.data);
    return true;
  };

  const onSubmit = (e?: FormEvent) => {
    e?.preventDefault();
    if (e?.currentTarget instanceof HTMLFormElement) formRef.current = e.currentTarget;
    save();
  };

  /** Props for a TextField / TextAreaField / SelectField bound to a string value. */
  const field = <K extends keyof V & string>(name: K) => ({
    name,
    value: (values[name] ?? "") as string,
    onChange: (e: { target: { value: string } }) => setValue(name, e.target.value as V[K]),
    error: errors[name],
  });

  /**
   * Props for an EnumSelect bound to a value typed as the enum (or "" for none). EnumSelect hands "" only
   * when it offers an empty option, so a value typed without "" never receives it.
   */
  const enumField = <K extends keyof V & string>(name: K) => ({
    name,
    value: values[name],
    onValueChange: (value: V[K] | "") => setValue(name, value as V[K]),
    error: errors[name],
  });

  /**
   * Props for an IdSelect bound to a value holding a record's id as text ("" for none), as the forms
   * keep their select values.
   */
  const idField = <K extends keyof V & string>(name: K) => ({
    name,
    value: values[name] === "" || values[name] == null ? undefined : Number(values[name]),
    onValueChange: (id: number | undefined) => setValue(name, (id === undefined ? "" : String(id)) as V[K]),
    error: errors[name],
  });

  /** Conflict: discard my input, take the latest record's values and version. */
  const loadLatest = () => {
    if (problem?.kind !== "conflict" || !problem.conflict.latest) return;
    const latest = problem.conflict.latest;
    const toValues = opts.toValues;
    if (toValues) setValuesState(toValues(latest));
    setVersion(latest.version);
    setBase(latest);
    setErrors({});
    setProblem(null);
  };

  /** Conflict: keep my input; the next save overwrites the other change (the user has seen what it was). */
  const keepMine = () => {
    if (problem?.kind !== "conflict" || !problem.conflict.latest) return;
    setVersion(problem.conflict.latest.version);
    setBase(problem.conflict.latest);
    setProblem(null);
  };

  return {
    values,
    setValue,
    setValues,
    field,
    enumField,
    idField,
    errors,
    setErrors,
    clearError: clear,
    problem,
    setProblem,
    pending: mutation.isPending,
    saved: mutation.isSuccess,
    onSubmit,
    save,
    loadLatest,
    keepMine,
    /** A reload of the page's data, for a conflict on a form that can't load its record itself. */
    refresh,
  };
}

export type FormState = ReturnType<typeof useForm<Record<string, unknown>, z.ZodType, unknown>>;
