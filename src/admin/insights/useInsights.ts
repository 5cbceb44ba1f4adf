import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

interface State<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** whose figures `data` holds */
  documentId?: string;
}

/**
 * GET one insights route of a customer; `params` changes re-fetch. A refused request keeps the
 * customer's last figures on screen next to the error (the page never goes blank).
 */
export function useInsights<T>(documentId: string | undefined, route: 'overview' | 'dashboard', params?: Record<string, string>) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State<T>>({ data: null, error: null, loading: true });
  const key = JSON.stringify(params ?? {});
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    const mine = (s: State<T>) => (s.documentId === documentId ? s.data : null);
    setState((s) => ({ ...s, data: mine(s), loading: true }));
    get<{ data: T }>(`/customer-records/customers/${documentId}/${route}`, { params: JSON.parse(key) }).then(
      (res) => live && setState({ data: res.data.data, error: null, loading: false, documentId }),
      (error) => live && setState((s) => ({ data: mine(s), error, loading: false, documentId }))
    );
    return () => {
      live = false;
    };
  }, [get, documentId, route, key]);
  return state;
}
