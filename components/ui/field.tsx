"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "next-intl";

type FieldProps = { label: string; error?: string; hint?: ReactNode; required?: boolean };

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100";

function Shell({ id, label, error, hint, required, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The asterisk after a required field's label (or a picker's legend), said as "required" to screen readers. */
export function RequiredMark() {
  const t = useTranslations("common");
  return (
    <span className="ml-1 text-xs font-normal text-red-700">
      *<span className="sr-only">{t("required")}</span>
    </span>
  );
}

/**
 * The message under a field in error, the one markup of every field and searched picker: `${id}-error`,
 * which the control (or the picker's fieldset) names in its aria-describedby (`fieldDescribedBy`), an alert.
 */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
      {error}
    </p>
  ) : null;
}

/** The ids a field's control (or a picker's fieldset) is described by: its hint and its FieldError. */
export function fieldDescribedBy(id: string, error?: string, hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The attributes every control of a field has: its id, state for assistive technology, the style. */
function controlAttrs(id: string, { error, hint, required }: Omit<FieldProps, "label">, className: string) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": fieldDescribedBy(id, error, hint),
    "aria-required": required || undefined,
    className: `${control} ${error ? "border-red-600" : "border-slate-300"} ${className}`,
  };
}

export function TextField({ label, error, hint, required, className = "", ...props }: FieldProps & ComponentProps<"input">) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint} required={required}>
      <input {...controlAttrs(id, { error, hint, required }, className)} {...props} />
    </Shell>
  );
}

export function SelectField({ label, error, hint, required, className = "", children, ...props }: FieldProps & ComponentProps<"select">) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint} required={required}>
      <select {...controlAttrs(id, { error, hint, required }, className)} {...props}>
        {children}
      </select>
    </Shell>
  );
}

export function TextAreaField({ label, error, hint, required, className = "", ...props }: FieldProps & ComponentProps<"textarea">) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint} required={required}>
      <textarea {...controlAttrs(id, { error, hint, required }, className)} {...props} />
    </Shell>
  );
}

export function CheckboxField({ label, hint, ...props }: { label: string; hint?: ReactNode } & ComponentProps<"input">) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-1 h-4 w-4 rounded border-slate-400 text-brand-600" {...props} />
      <label htmlFor={id} className="text-sm text-slate-800">
        {label}
        {hint ? <span className="block text-xs text-slate-600">{hint}</span> : null}
      </label>
    </div>
  );
}

/**
 * A select over a fixed list of values (an enum tuple from lib/): a typed `onValueChange`, no casts at the
 * call site. `empty` adds a first option with the value `""` meaning "any" in a filter or "none" in a
 * form; without it `""` never reaches `onValueChange`. `optionLabel` names each value (a translation).
 * Used by forms and list filter bars alike.
 */
export function EnumSelect<V extends string>({
  values,
  value,
  onValueChange,
  optionLabel,
  empty,
  ...props
}: FieldProps &
  Omit<ComponentProps<"select">, "value" | "onChange" | "children"> & {
    values: readonly V[];
    value: V | "" | null | undefined;
    onValueChange: (value: V | "") => void;
    optionLabel: (value: V) => string;
    /** Label of the leading empty option (e.g. "All" in a filter, "—" in a form); omit for none. */
    empty?: string;
  }) {
  return (
    <SelectField
      {...props}
      value={value ?? ""}
      onChange={(e) => {
        const raw = e.target.value;
        if (raw === "" && empty !== undefined) onValueChange("");
        else if ((values as readonly string[]).includes(raw)) onValueChange(raw as V);
      }}
    >
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {optionLabel(v)}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * A select over records named by a number (departments, courses, people, fiscal years): `onValueChange`
 * gets the id, or undefined for the `empty` option ("all" in a filter); `options` label each id.
 */
export function IdSelect({
  options,
  value,
  onValueChange,
  empty,
  ...props
}: FieldProps &
  Omit<ComponentProps<"select">, "value" | "onChange" | "children"> & {
    options: readonly { id: number; label: string }[];
    value: number | null | undefined;
    onValueChange: (id: number | undefined) => void;
    /** Label of the leading empty option; omit for none. */
    empty?: string;
  }) {
  return (
    <SelectField {...props} value={value ?? ""} onChange={(e) => onValueChange(e.target.value ? Number(e.target.value) : undefined)}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}
