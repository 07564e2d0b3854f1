"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { ApiProblem } from "@/lib/client/api";

/** For useAction's `rethrow`: an error on the reason stays in the ReasonDialog (it shows it beside the field). */
export function isReasonError(err: unknown): boolean {
  return err instanceof ApiProblem && !!err.fieldErrors.reason;
}

/**
 * Confirmation of a write that needs a reason (retire, reject, reopen …): the reason is required, checked
 * before sending, and the server's error on it stays in the dialog. `onConfirm` throws to keep the dialog
 * open (useAction's `rethrow`); anything it handles itself closes the dialog through `onCancel`/state.
 */
export function ReasonDialog({
  open,
  title,
  body,
  subject,
  reasonLabel,
  requiredMessage,
  confirmLabel,
  tone = "danger",
  busy,
  onConfirm,
  onCancel,
  maxLength = 2000,
  placeholder,
}: {
  open: boolean;
  title: string;
  body: ReactNode;
  /** What the action is about (a finding's description, a record's name), quoted in the dialog. */
  subject?: ReactNode;
  reasonLabel: string;
  requiredMessage: string;
  confirmLabel: string;
  tone?: "danger" | "primary";
  busy: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  onCancel: () => void;
  maxLength?: number;
  /** An example reason shown in the empty field. */
  placeholder?: string;
}) {
  const tc = useTranslations("common");
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      {open ? (
        <ReasonForm
          body={body}
          subject={subject}
          reasonLabel={reasonLabel}
          requiredMessage={requiredMessage}
          confirmLabel={confirmLabel}
          cancelLabel={tc("cancel")}
          errorBody={tc("errorBody")}
          tone={tone}
          busy={busy}
          onConfirm={onConfirm}
          onCancel={onCancel}
          maxLength={maxLength}
          placeholder={placeholder}
        />
      ) : null}
    </Dialog>
  );
}

function ReasonForm(props: {
  body: ReactNode;
  subject?: ReactNode;
  reasonLabel: string;
  requiredMessage: string;
  confirmLabel: string;
  cancelLabel: string;
  errorBody: string;
  tone: "danger" | "primary";
  busy: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  onCancel: () => void;
  maxLength: number;
  placeholder?: string;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(props.requiredMessage);
      return;
    }
    setError(null);
    try {
      await props.onConfirm(reason.trim());
    } catch (err) {
      setError(err instanceof ApiProblem ? (err.fieldErrors.reason ?? err.detail ?? err.title) : props.errorBody);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3 text-sm text-slate-700">
      <div>{props.body}</div>
      {props.subject ? <p className="rounded bg-slate-50 p-2 text-slate-900">{props.subject}</p> : null}
      <TextAreaField
        label={props.reasonLabel}
        rows={3}
        required
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        value={reason}
        error={error ?? undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={props.onCancel} disabled={props.busy}>
          {props.cancelLabel}
        </Button>
        <Button type="submit" variant={props.tone} disabled={props.busy}>
          {props.confirmLabel}
        </Button>
      </div>
    </form>
  );
}
