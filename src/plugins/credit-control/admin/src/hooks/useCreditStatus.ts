import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreditStatus, UnconfiguredStatus } from '../utils/types';

// The mapping does not change while the admin runs: one request for every panel and action.
// A refusal (no `read` permission) is kept too, so hidden panels do not retry on every mount.
let cached: Promise<CreditStatus | UnconfiguredStatus> | null = null;

/**
 * The mapping as the plugin sees it (party type, gates, buckets, mapped documents). `status` is set
 * only once the plugin is configured; `unconfigured` when it is installed without its mapping.
 */
export const useCreditStatus = () => {
  const { get } = useFetchClient();
  const [answer, setAnswer] = React.useState<CreditStatus | UnconfiguredStatus | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    let live = true;
    cached ??= get<CreditStatus | UnconfiguredStatus>('/credit-control/status').then((res) => res.data);
    cached.then(
      (value) => live && setAnswer(value),
      (err) => {
        const status = (err as { status?: number })?.status;
        if (status !== 401 && status !== 403) cached = null;
        if (live) setError(err);
      }
    );
    return () => {
      live = false;
    };
  }, [get]);
  return { status: answer?.configured ? answer : null, unconfigured: answer && !answer.configured ? answer : null, error };
};

/** Whether `model` is the party type or a gated document type, per the mapping. */
export const useMappedRole = (model: string | undefined) => {
  const { status } = useCreditStatus();
  if (!status || !model) return { status, isParty: false, isDocument: false };
  return {
    status,
    isParty: status.mapping.party === model,
    isDocument: status.mapping.documents.some((d) => d.uid === model && d.gate),
  };
};
