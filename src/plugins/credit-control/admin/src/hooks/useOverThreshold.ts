import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCreditStatus } from './useCreditStatus';
import type { CreditSummary } from '../utils/types';
import { partyLabels } from './usePartyLabels';

export interface OverRow {
  party: string;
  label: string;
  summary: CreditSummary;
  /** exposure / threshold, in whole percent (rounded down) */
  percent: number | null;
}

/** Decimal string to minor units, as a BigInt: ratios without floats. */
const minor = (value: string) => {
  const [int, frac = ''] = value.replace('-', '').split('.');
  const n = BigInt(int || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return value.startsWith('-') ? -n : n;
};

export const percentOf = (summary: CreditSummary): number | null => {
  const threshold = minor(summary.policy.threshold);
  if (threshold <= 0n) return null;
  return Number((minor(summary.exposure) * 100n) / threshold);
};

/**
 * Parties whose policy checks credit and whose outstanding is at least `nearPercent` of the
 * threshold (or that are blocked), worst first. Built from the policies and their summaries.
 */
export const useOverThreshold = (nearPercent = 90) => {
  const { get } = useFetchClient();
  const { status } = useCreditStatus();
  const [state, setState] = React.useState<{ rows: OverRow[]; loading: boolean; error: unknown }>({ rows: [], loading: true, error: null });
  React.useEffect(() => {
    if (!status) return;
    let live = true;
    (async () => {
      const policies = await get<{ data: { party: string }[] }>('/credit-control/policies', {
        params: { filters: { $or: [{ mode: { $ne: 'none' } }, { blocked: { $eq: true } }] }, pagination: { pageSize: 100 } },
      });
      const parties = policies.data.data.map((p) => p.party);
      const summaries = await Promise.all(parties.map((p) => get<{ data: CreditSummary }>(`/credit-control/parties/${encodeURIComponent(p)}/credit`).then((r) => r.data.data, () => null)));
      const labels = await partyLabels(get, status.mapping.party, parties);
      const rows = summaries
        .filter((s): s is CreditSummary => s !== null)
        .map((summary) => ({ party: summary.party, label: labels.get(summary.party) ?? summary.party, summary, percent: percentOf(summary) }))
        .filter((r) => r.summary.policy.blocked || r.summary.status === 'over' || (r.percent !== null && r.percent >= nearPercent))
        .sort((a, b) => (b.percent ?? Infinity) - (a.percent ?? Infinity));
      if (live) setState({ rows, loading: false, error: null });
    })().catch((error) => live && setState({ rows: [], loading: false, error }));
    return () => {
      live = false;
    };
  }, [get, status, nearPercent]);
  return state;
};
