import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** GET one insights route of a customer; `params` changes re-fetch. */
export function useInsights<T>(documentId: string | undefined, route: 'overview' | 'dashboard', params?: Record<string, string>) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const key = JSON.stringify(params ?? {});
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<{ data: T }>(`/customer-records/customers/${documentId}/${route}`, { params: JSON.parse(key) }).then(
      (res) => live && setState({ data: res.data.data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false })
    );
    return () => {
      live = false;
    };
  }, [get, documentId, route, key]);
  return state;
}
