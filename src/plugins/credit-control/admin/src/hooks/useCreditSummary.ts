import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreditSummary, Decision, Paged } from '../utils/types';

const EVENT = 'credit-control:changed';

/** Tells every mounted credit view of a party to reload (after block, unblock, policy save). */
export const notifyCreditChanged = () => window.dispatchEvent(new Event(EVENT));

const useReloadKey = (extra: unknown) => {
  const [key, setKey] = React.useState(0);
  React.useEffect(() => {
    const bump = () => setKey((k) => k + 1);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  return `${key}:${String(extra)}`;
};

/** The credit summary of a party and its last decisions. */
export const useCreditSummary = (party: string | undefined, version?: unknown, decisions = 5) => {
  const { get } = useFetchClient();
  const reload = useReloadKey(version);
  const [state, setState] = React.useState<{ summary: CreditSummary | null; decisions: Decision[]; error: unknown; loading: boolean }>({
    summary: null,
    decisions: [],
    error: null,
    loading: true,
  });
  React.useEffect(() => {
    if (!party) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    Promise.all([
      get<{ data: CreditSummary }>(`/credit-control/parties/${encodeURIComponent(party)}/credit`),
      get<Paged<Decision>>('/credit-control/decisions', { params: { party, pageSize: decisions } }),
    ]).then(
      ([summary, log]) => live && setState({ summary: summary.data.data, decisions: log.data.data, error: null, loading: false }),
      (error) => live && setState({ summary: null, decisions: [], error, loading: false })
    );
    return () => {
      live = false;
    };
  }, [get, party, reload, decisions]);
  return state;
};
