import * as React from 'react';
import { getFetchClient } from '@strapi/strapi/admin';
import type { CreditStatus, UnconfiguredStatus } from '../utils/types';

type Answer = CreditStatus | UnconfiguredStatus;

// The mapping does not change while the admin runs: one request for every panel and action.
// A refusal (no `read` permission, 403) is kept too, so hidden panels do not retry on every mount.
let pending: Promise<Answer> | null = null;
let settled: { answer: Answer | null; error: unknown } | null = null;

/**
 * Starts loading the mapping, once. The Content Manager calls this as it opens (index.ts), before
 * any record renders: a record's panel and actions then know their role in their first render,
 * instead of waiting for this request to start in that render and for another render after it.
 */
export const loadCreditStatus = (): Promise<Answer> => {
  pending ??= getFetchClient()
    .get<Answer>('/credit-control/status')
    .then(
      (res) => {
        settled = { answer: res.data, error: null };
        return res.data;
      },
      (error) => {
        if ((error as { status?: number })?.status === 403) settled = { answer: null, error };
        else pending = null;
        throw error;
      }
    );
  return pending;
};

/**
 * The mapping as the plugin sees it (party type, gates, buckets, mapped documents). `status` is set
 * only once the plugin is configured; `unconfigured` when it is installed without its mapping.
 */
export const useCreditStatus = () => {
  const [state, setState] = React.useState(() => settled ?? { answer: null, error: null });
  React.useEffect(() => {
    // loaded before this mount: the state already holds it (the same object: no render)
    if (settled) return setState(settled);
    let live = true;
    loadCreditStatus().then(
      () => live && setState(settled!),
      (error) => live && setState({ answer: null, error })
    );
    return () => {
      live = false;
    };
  }, []);
  const { answer, error } = state;
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
