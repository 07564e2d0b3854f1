"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { z } from "zod";
import { hasActiveFilters, listSearch, parseListParams, type ParamValue } from "@/lib/list/params";

const NO_SCOPE: readonly never[] = [];

/** A change to a list's state: any key of its schema; a value the schema refuses is dropped when the URL is read back. */
export type ListPatch<T extends z.ZodObject> = Partial<Record<keyof z.output<T> & string, ParamValue>>;

/**
 * A list's state kept in the URL (shareable links, the back button, a reload keep it), read and written
 * with the list endpoint's query schema (lib/list/params.ts). Changes replace the history entry; a
 * change to anything but the page goes back to page 1.
 */
export function useListParams<T extends z.ZodObject>(
  schema: T,
  options: {
    /** Keys that say what the page is about rather than filter it (e.g. a fiscal year): kept by `clear`, not counted as filters. */
    scope?: readonly (keyof z.output<T> & string)[];
  } = {},
) {
  const scope = options.scope ?? NO_SCOPE;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const values = useMemo(() => parseListParams(schema, searchParams), [schema, searchParams]);
  /** "?…" of the current state, defaults left out: the API call's query string and the query cache key. */
  const search = useMemo(() => listSearch(schema, values as ListPatch<T>), [schema, values]);

  /** The link of this list in exactly the state `state` (nothing of the current state kept). */
  const href = useCallback((state: ListPatch<T>) => `${pathname}${listSearch(schema, state)}`, [pathname, schema]);
  /** The link of the current state changed by `patch` (page 1 unless the patch names a page). */
  const hrefWith = useCallback(
    (patch: ListPatch<T>) => `${pathname}${listSearch(schema, { ...(values as ListPatch<T>), page: 1, ...patch } as ListPatch<T>)}`,
    [pathname, schema, values],
  );
  const update = useCallback((patch: ListPatch<T>) => router.replace(hrefWith(patch), { scroll: false }), [router, hrefWith]);
  /** Every filter back to its default; the scope keys and `keep` stay. */
  const clear = useCallback(
    (keep: ListPatch<T> = {}) => {
      const kept = Object.fromEntries(scope.map((k) => [k, (values as ListPatch<T>)[k]]));
      router.replace(href({ ...kept, ...keep } as ListPatch<T>), { scroll: false });
    },
    [router, href, scope, values],
  );

  return {
    values,
    search,
    update,
    href,
    hrefWith,
    clear,
    /** A filter differs from its default (paging and sort order do not count). */
    filtered: hasActiveFilters(schema, values as ListPatch<T>, scope),
    /** Props for DataTable's sortable headers. */
    sortProps: {
      sort: { sort: String((values as Record<string, unknown>).sort ?? ""), dir: ((values as Record<string, unknown>).dir === "desc" ? "desc" : "asc") as "asc" | "desc" },
      onSort: (s: { sort: string; dir: "asc" | "desc" }) => update({ sort: s.sort, dir: s.dir } as ListPatch<T>),
    },
    /** Props for Pagination, given the page the server answered. */
    pageProps: (page: { page: number; pageSize: number; total: number }) => ({
      page: page.page,
      pageSize: page.pageSize,
      total: page.total,
      onPage: (p: number) => update({ page: p } as ListPatch<T>),
      onPageSize: (n: number) => update({ pageSize: n } as ListPatch<T>),
    }),
  };
}
