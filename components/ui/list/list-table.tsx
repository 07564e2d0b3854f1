"use client";

import { DataTable, Pagination, type Column, type SortState } from "@/components/ui/data-table";
import type { Page } from "@/lib/list/page";

/** What ListTable needs of the list's query (TanStack Query's useQuery result fits). */
type ListQuery<T> = { data?: Page<T>; isFetching: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/** What ListTable needs of the list's URL state (useListParams fits). */
type ListPaging = {
  sortProps: { sort: SortState; onSort: (s: SortState) => void };
  pageProps: (page: Page<unknown>) => { page: number; pageSize: number; total: number; onPage: (p: number) => void; onPageSize?: (n: number) => void };
};

/**
 * The table and pager of a list page: the rows of the page the server answered, sortable headers and
 * the pager writing to the URL (useListParams), a retry while nothing could be loaded (a failed refetch
 * keeps the rows shown).
 */
export function ListTable<T>({
  caption,
  columns,
  rowKey,
  query,
  params,
}: {
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  query: ListQuery<T>;
  params: ListPaging;
}) {
  return (
    <>
      <DataTable
        caption={caption}
        columns={columns}
        rows={query.data?.items}
        rowKey={rowKey}
        loading={query.isFetching}
        error={query.isError && !query.data ? query.error : undefined}
        onRetry={() => void query.refetch()}
        {...params.sortProps}
      />
      {query.data ? <Pagination {...params.pageProps(query.data)} /> : null}
    </>
  );
}
