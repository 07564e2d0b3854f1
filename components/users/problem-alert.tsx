"use client";

import { useTranslations } from "next-intl";
import { ApiProblem } from "@/lib/client/api";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

/**
 * The error of a failed write, in words: a stale version (409) with a button that loads the
 * latest data; field errors the form does not show beside a field (`shownFields`) as text.
 */
export function ProblemAlert({ error, shownFields = [], onReload }: { error: unknown; shownFields?: string[]; onReload?: () => void }) {
  const t = useTranslations("users");
  if (!error) return null;
  if (error instanceof ApiProblem) {
    if (error.status === 409)
      return (
        <Alert tone="error">
          <span className="block">{error.detail ?? error.title}</span>
          {onReload ? (
            <Button variant="secondary" className="mt-2" onClick={onReload}>
              {t("reload")}
            </Button>
          ) : null}
        </Alert>
      );
    const fields = Object.entries(error.fieldErrors);
    if (fields.length) {
      const others = fields.filter(([f]) => !shownFields.includes(f));
      if (!others.length) return null;
      return (
        <Alert tone="error">
          {others.map(([f, m]) => (
            <span key={f} className="block">
              {m}
            </span>
          ))}
        </Alert>
      );
    }
    // 503/504 say what happened (the database is unavailable / too slow) and that trying again may work.
    if ((error.status < 500 || error.status === 503 || error.status === 504) && error.detail) return <Alert tone="error">{error.detail}</Alert>;
  }
  return <Alert tone="error">{t("failed")}</Alert>;
}

export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiProblem ? error.fieldErrors : {};
}
