import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** Rows a page of the 360 view's sections shows: the view's first load reads this many of each. */
export const PAGE_SIZE = 20;

export interface PagedRows<R> {
  page: number;
  pageSize: number;
  rows: R[];
  total: number;
  loading: boolean;
  error: unknown;
  goTo: (page: number) => void;
}

/**
 * One section of the 360 view, paged: page 1 is what the view loaded (`first`), any other page is
 * read from `.../overview/:section?page=&pageSize=`. The rows shown stay until the next page arrives.
 */
export function usePagedSection<R>(documentId: string, section: string, first: { rows: R[]; total: number }): PagedRows<R> {
  const { get } = useFetchClient();
  const [page, setPage] = React.useState(1);
  const [read, setRead] = React.useState<{ page: number; rows: R[]; total: number } | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    setError(null);
    if (page === 1) return;
    let live = true;
    get<{ data: R[]; meta: { pagination: { total: number } } }>(`/customer-records/customers/${documentId}/overview/${section}`, { params: { page, pageSize: PAGE_SIZE } }).then(
      (res) => live && setRead({ page, rows: res.data.data, total: res.data.meta.pagination.total }),
      (e) => live && setError(e)
    );
    return () => {
      live = false;
    };
  }, [get, documentId, section, page]);
  const shown = page === 1 || !read ? first : read;
  const loading = page !== 1 && read?.page !== page && !error;
  return { page, pageSize: PAGE_SIZE, rows: shown.rows, total: shown.total, loading, error, goTo: setPage };
}
