"use client";

import { useState, type ReactNode } from "react";
import { useQueryClient, type QueryKey, type UseQueryResult } from "@tanstack/react-query";
import type { z } from "zod";
import { Card, Skeleton } from "@/components/ui/card";
import { useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";

type Stored = { version: number } & Record<string, unknown>;

/**
 * One keyed setting's form (docs/architecture.md, "Forms"): the form kit bound to GET/PUT `url`, following
 * the stored record (409 → the kit's conflict behaviour), the saved record put back in the query cache
 * under `queryKey`, and a "saved" notice that any edit hides again. Every settings card uses it.
 */
export function useSettingsForm<V extends Record<string, unknown>, S extends z.ZodType, R extends Stored>(o: {
  url: string;
  queryKey: QueryKey;
  stored: R;
  valuesOf: (stored: R) => V;
  schema: S;
  /** Field → its label, for "changed since you opened it". */
  compare: Record<string, string>;
  toInput?: (values: V) => Record<string, unknown>;
  errorField?: (field: string) => string;
  /** After the save is cached: what else depends on the setting (other queries, a server refresh). */
  onSaved?: (saved: R) => void;
}) {
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const f = useForm<V, S, R, R>({
    initial: o.valuesOf(o.stored),
    record: o.stored,
    followRecord: true,
    schema: o.schema,
    toInput: o.toInput,
    errorField: o.errorField,
    submit: (body) => apiFetch<R>(o.url, { method: "PUT", json: body }),
    onSaved: (s) => {
      qc.setQueryData(o.queryKey, s);
      setSaved(true);
      o.onSaved?.(s);
    },
    loadLatest: () => apiFetch<R>(o.url),
    compare: o.compare,
    toValues: o.valuesOf,
  });
  /** A text field bound to `name` whose edits hide the "saved" notice. */
  const bind = <K extends keyof V & string>(name: K) => {
    const field = f.field(name);
    return {
      ...field,
      onChange: (e: { target: { value: string } }) => {
        field.onChange(e);
        setSaved(false);
      },
    };
  };
  return { f, saved, setSaved, bind };
}

/** A settings card around its query: a skeleton while it loads, a retry on failure, then the form. */
export function SettingsCard<R>({ title, query, children }: { title: string; query: UseQueryResult<R>; children: (stored: R) => ReactNode }) {
  return (
    <Card title={title}>
      {query.isPending ? <Skeleton className="h-24 w-full" /> : query.isError && !query.data ? <LoadError onRetry={() => query.refetch()} /> : children(query.data as R)}
    </Card>
  );
}
