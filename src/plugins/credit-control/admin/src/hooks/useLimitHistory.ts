import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useGeneration } from './useCreditSummary';
import type { Paged } from '../utils/types';

export interface LimitFieldChange {
  field: 'threshold' | 'mode' | 'gates' | 'horizonDays' | 'overdueRules';
  from: string | string[] | null;
  to: string | string[] | null;
}

export interface LimitChange {
  id: number;
  party: string;
  partyLabel: string | null;
  partyCode: string | null;
  status: 'applied' | 'pending' | 'approved' | 'rejected' | 'superseded' | 'cancelled' | 'reviewed';
  changes: LimitFieldChange[];
  raise: { unbounded: boolean; amount: string | null; factor: string | null; currency: string } | null;
  requestedAt: string;
  requestedBy: { type: string; id: string | null; label: string | null };
  reason: string | null;
  decidedAt: string | null;
  decidedBy: { type: string; id: string | null; label: string | null } | null;
  decisionReason: string | null;
}

export interface UnreviewedLimit {
  party: string;
  partyLabel: string | null;
  partyCode: string | null;
  mode: string;
  threshold: string;
  currency: string;
  lastReviewedAt: string | null;
  since: string | null;
}

type PagedWith<T, M> = Paged<T> & { meta: M };

/** A page of one of the limit routes, read again after any credit change (approve, reject, policy save). */
export function useLimitPage<T, M = Record<string, unknown>>(path: string | null, params: Record<string, unknown>, version?: unknown) {
  const { get } = useFetchClient();
  const generation = useGeneration();
  const key = JSON.stringify(params);
  const [state, setState] = React.useState<{ page: PagedWith<T, M> | null; loading: boolean; error: unknown }>({ page: null, loading: true, error: null });
  React.useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<PagedWith<T, M>>(path, { params: JSON.parse(key) }).then(
      (res) => live && setState({ page: res.data, loading: false, error: null }),
      (error) => live && setState({ page: null, loading: false, error })
    );
    return () => {
      live = false;
    };
  }, [get, path, key, generation, version]);
  return state;
}

/** A party's limit history (newest first) and its pending request. */
export const useLimitHistory = (party: string | undefined, version: unknown, pageSize = 5) =>
  useLimitPage<LimitChange, { pending: LimitChange | null }>(party ? `/credit-control/parties/${encodeURIComponent(party)}/limit-history` : null, { pageSize }, version);
