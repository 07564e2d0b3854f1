"use client";

import { Fragment, type ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";

/**
 * A create/edit form in a dialog: the form is mounted only while the dialog is open (each opening
 * starts from the record), and keyed by the id of the record it edits, not its version: a refetch
 * after a conflict must not wipe what the user typed.
 */
export function FormDialog({
  open,
  onClose,
  title,
  wide,
  recordId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  wide?: boolean;
  /** The id of the record edited; none when the form creates one. */
  recordId?: number | string | null;
  /** The form. */
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} wide={wide}>
      {open ? <Fragment key={recordId ?? "new"}>{children}</Fragment> : null}
    </Dialog>
  );
}
