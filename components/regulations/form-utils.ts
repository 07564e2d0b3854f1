"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ApiProblem } from "@/lib/client/api";
import { issuesToFieldErrors } from "@/lib/validation/issues";

export type Problem = { message: string; conflict: boolean } | null;

/**
 * Field errors and the form-level problem of a form: the same zod schema as the server checks on
 * the client first (messages translated), then the server's field errors beside the fields, and a
 * 409 shown as a conflict with a reload button.
 */
export function useFormErrors() {
  const tAll = useTranslations();
  const tc = useTranslations("common");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>(null);
  const clear = (field: string) =>
    setErrors((cur) => {
      if (!(field in cur)) return cur;
      const next = { ...cur };
      delete next[field];
      return next;
    });
  function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
    setProblem(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const fe of issuesToFieldErrors(parsed.error.issues)) found[fe.field] ??= tAll(fe.messageKey as never, fe.values as never);
      setErrors(found);
      return null;
    }
    setErrors({});
    return parsed.data;
  }
  function fromError(err: unknown) {
    if (err instanceof ApiProblem) {
      setErrors(err.fieldErrors);
      setProblem({ message: err.detail ?? err.title, conflict: err.status === 409 });
    } else setProblem({ message: tc("errorBody"), conflict: false });
  }
  return { errors, problem, clear, validate, fromError, setProblem };
}
