"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import type { FormProblemState } from "./use-form";

type FormLike = {
  problem: FormProblemState<unknown>;
  pending: boolean;
  onSubmit: (e?: React.FormEvent) => void;
  loadLatest: () => void;
  keepMine: () => void;
};

/**
 * What went wrong with a save, above the form: the general error, or the one conflict behaviour — the
 * user's input is kept, the fields someone else changed are named, and they choose to load the latest
 * (their input is discarded) or keep theirs (the next save overwrites). `onReload` replaces "load the
 * latest" for forms that cannot load their record themselves.
 */
export function FormProblem({ form, onReload }: { form: Pick<FormLike, "problem" | "loadLatest" | "keepMine">; onReload?: () => void }) {
  const t = useTranslations("form");
  const p = form.problem;
  if (!p) return null;
  if (p.kind === "error")
    return (
      <Alert tone="error">
        {p.messages.map((m, i) => (
          <span key={i} className="block">
            {m}
          </span>
        ))}
      </Alert>
    );
  const { latest, changed } = p.conflict;
  return (
    <Alert tone="warning">
      <p className="font-medium">{t("conflict.title")}</p>
      <p className="mt-1">{t("conflict.kept")}</p>
      {changed.length ? (
        <p className="mt-1">
          {t("conflict.changed")} <strong>{changed.join(t("conflict.separator"))}</strong>
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {latest ? (
          <>
            <Button type="button" variant="secondary" onClick={form.loadLatest}>
              {t("conflict.loadLatest")}
            </Button>
            <Button type="button" variant="secondary" onClick={form.keepMine}>
              {t("conflict.keepMine")}
            </Button>
          </>
        ) : onReload ? (
          <Button type="button" variant="secondary" onClick={onReload}>
            {t("conflict.loadLatest")}
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}

/**
 * Cancel and save at the foot of a form; the save button says when it is saving. In a form laid out as
 * a grid (fields side by side) the row of buttons spans the whole width, at the right as everywhere.
 */
export function FormActions({ pending, onCancel, submitLabel, extra }: { pending: boolean; onCancel?: () => void; submitLabel?: string; extra?: ReactNode }) {
  const tc = useTranslations("common");
  return (
    <div className="col-span-full flex flex-wrap justify-end gap-2">
      {extra}
      {onCancel ? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? tc("saving") : (submitLabel ?? tc("save"))}
      </Button>
    </div>
  );
}

/** A form of the kit: no browser validation bubbles (the schema's messages show beside the fields), the problem on top, the actions at the foot. */
export function Form({
  form,
  children,
  onCancel,
  submitLabel,
  onReload,
  className = "space-y-4",
  extraActions,
}: {
  form: FormLike;
  children: ReactNode;
  onCancel?: () => void;
  submitLabel?: string;
  onReload?: () => void;
  className?: string;
  extraActions?: ReactNode;
}) {
  return (
    <form onSubmit={form.onSubmit} noValidate className={className}>
      <FormProblem form={form} onReload={onReload} />
      {children}
      <FormActions pending={form.pending} onCancel={onCancel} submitLabel={submitLabel} extra={extraActions} />
    </form>
  );
}
