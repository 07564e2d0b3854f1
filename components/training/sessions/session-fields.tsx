"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";

type SessionFieldName = "title" | "place" | "instructor";
/** What the form kit's `field(name)` (components/ui/form, useForm) hands a text field. */
type FieldBinding = { name: string; value: string; onChange: (e: { target: { value: string } }) => void; error?: string };

/**
 * A training session's own fields (lib/training/session-fields.ts) — title, place, instructor — as
 * the bulk entry enters them and the session page corrects them: three grid items bound to a useForm
 * form. `titleOwnRow` gives the title a row of its own in the caller's grid.
 */
export function SessionFields({ form, titleOwnRow = false }: { form: { field: (name: SessionFieldName) => FieldBinding }; titleOwnRow?: boolean }) {
  const t = useTranslations("sessions");
  const title = <TextField label={t("fields.title")} {...form.field("title")} hint={t("form.titleHint")} maxLength={200} />;
  return (
    <>
      {titleOwnRow ? <div className="col-span-full">{title}</div> : title}
      <TextField label={t("fields.place")} {...form.field("place")} hint={t("form.placeHint")} maxLength={200} />
      <TextField label={t("fields.instructor")} {...form.field("instructor")} maxLength={200} />
    </>
  );
}
