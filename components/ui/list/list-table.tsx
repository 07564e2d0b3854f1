"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EmptyState, Skeleton } from "@/components/ui/card";
import { DataTable, Pagination, type Column, type SortState } from "@/components/ui/data-table";
import { LoadError } from "@/components/ui/load-error";
import type { Page } from "@/lib/list/page";

/** What ListTable needs of the list's query (TanStack Query's useQuery result fits). */
type ListQuery<T> = { data?: Page<T>; isFetching: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/** What ListTable needs of the list's URL state (useListParams fits). */
type ListPaging = {
  sortProps: { sort?: SortState; onSort: (s: SortState) => void };
  pageProps: (page: Page<unknown>) => { page: number; pageSize: number; total: number; onPage: (p: number) => void; onPageSize?: (n: number) => void };
};

/**
 * The table and pager of a list page: the rows of the page the server answered, sortable headers and
 * the pager writing to the URL (useListParams), a retry while nothing could be loaded (a failed refetch
 * keeps the rows shown). With `cards`, phones get one card per row instead of the wide table (the same
 * states: loading, error with retry, empty — `empty` said by the table and the cards alike).
 */
export function ListTable<T>({
  caption,
  columns,
  rowKey,
  query,
  params,
  cards,
  empty,
}: {
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  query: ListQuery<T>;
  params: ListPaging;
  /** A row as a card on phones (below the md breakpoint); the table is shown from md up. */
  cards?: (row: T) => ReactNode;
  /** What an empty list says (default: the common "nothing matches"). */
  empty?: string;
}) {
  const table = (
    <DataTable
        caption={caption}
        columns={columns}
        rows={query.data?.items}
        rowKey={rowKey}
        loading={query.isFetching}
        error={query.isError && !query.data ? query.error : undefined}
        onRetry={() => void query.refetch()}
        empty={empty}
      {...params.sortProps}
    />
  );
  return (
    <>
      {cards ? (
        <>
          <div className="hidden md:block">{table}</div>
          <Cards caption={caption} rowKey={rowKey} query={query} render={cards} empty={empty} />
        </>
      ) : (
        table
      )}
      {query.data ? <Pagination {...params.pageProps(query.data)} /> : null}
    </>
  );
}

function Cards<T>({ caption, rowKey, query, render, empty }: { caption: string; rowKey: (row: T) => string | number; query: ListQuery<T>; render: (row: T) => ReactNode; empty?: string }) {
  const tc = useTranslations("common");
  const data = query.data;
  return (
    <div className="md:hidden" aria-busy={query.isFetching || undefined}>
      {query.isError && !data ? (
        <LoadError onRetry={() => void query.refetch()} />
      ) : !data ? (
        <div className="space-y-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-28 w-full" />
          ))}
        </div>
      ) : data.items.length === 0 ? (
        <EmptyState>{empty ?? tc("empty")}</EmptyState>
      ) : (
        <ul aria-label={caption} className="space-y-3">
          {data.items.map((row) => (
            <li key={rowKey(row)} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              {render(row)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
