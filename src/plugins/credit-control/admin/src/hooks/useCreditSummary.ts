import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreditSummary, Decision, Paged } from '../utils/types';

type Get = ReturnType<typeof useFetchClient>['get'];

const EVENT = 'credit-control:changed';
/** bumped by every block, unblock, policy save or override: each bump is a new read */
let generation = 0;

/** Tells every mounted credit view of a party to reload (after block, unblock, policy save). */
export const notifyCreditChanged = () => {
  generation += 1;
  window.dispatchEvent(new Event(EVENT));
};

export const useGeneration = () => {
  const [value, setValue] = React.useState(generation);
  React.useEffect(() => {
    const bump = () => setValue(generation);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  return value;
};

interface Read<T> {
  version: string;
  promise: Promise<T>;
  value?: T;
}

/**
 * One request per URL and version, shared by the record's panel and its header actions (each asked
 * on its own before: three summaries and three decision lists per record, queued one behind the other
 * on SQLite's single connection). The last answer of each URL is kept, so that a view mounting after
 * it renders at once: the panel's body mounts a render or two after the record, and finds its figures.
 */
const reads = new Map<string, Read<unknown>>();
const KEPT = 40;

const keyOf = (url: string, params: Record<string, unknown>) => `${url}?${new URLSearchParams(params as Record<string, string>)}`;

function sharedRead<T>(get: Get, url: string, params: Record<string, unknown>, version: string): Read<T> {
  const key = keyOf(url, params);
  const hit = reads.get(key) as Read<T> | undefined;
  if (hit?.version === version) return hit;
  const read: Read<T> = { version, promise: get<T>(url, { params }).then((res) => (read.value = res.data)) };
  // a failed read is not kept: the next view asks again
  read.promise.catch(() => reads.get(key) === read && reads.delete(key));
  reads.delete(key);
  reads.set(key, read);
  if (reads.size > KEPT) reads.delete(reads.keys().next().value as string);
  return read;
}

/** A party's credit reads: `get` starts those not read yet; without it, only the ones answered. */
const creditReads = (party: string, version: string, decisions: number, get?: Get) => {
  const requests: [string, Record<string, unknown>][] = [[`/credit-control/parties/${encodeURIComponent(party)}/credit`, {}]];
  if (decisions > 0) requests.push(['/credit-control/decisions', { party, pageSize: decisions }]);
  const found = requests.map(([url, params]) => {
    if (get) return sharedRead<unknown>(get, url, params, version);
    const hit = reads.get(keyOf(url, params));
    return hit?.version === version ? hit : undefined;
  });
  return { summary: found[0] as Read<{ data: CreditSummary }> | undefined, log: found[1] as Read<Paged<Decision>> | undefined };
};

interface State {
  summary: CreditSummary | null;
  decisions: Decision[];
  error: unknown;
  loading: boolean;
}

const LOADING: State = { summary: null, decisions: [], error: null, loading: true };

/** The state from the reads already answered, or null. */
const answered = (party: string | undefined, version: string, decisions: number): State | null => {
  if (!party) return null;
  const { summary, log } = creditReads(party, version, decisions);
  if (!summary?.value || (decisions > 0 && !log?.value)) return null;
  return { summary: summary.value.data, decisions: log?.value?.data ?? [], error: null, loading: false };
};

/**
 * Starts a party's credit reads without rendering them: the panel's description calls it in the
 * record's first render, so that the reads run while the Content Manager lays the record out.
 */
export const useCreditPrefetch = (party: string | undefined, version: unknown, decisions = 0) => {
  const { get } = useFetchClient();
  const key = `${String(version)}:${useGeneration()}`;
  React.useEffect(() => {
    if (party) creditReads(party, key, decisions, get);
  }, [get, party, key, decisions]);
};

/** The credit summary of a party and, when `decisions` > 0, its last decisions. */
export const useCreditSummary = (party: string | undefined, version?: unknown, decisions = 0) => {
  const { get } = useFetchClient();
  const key = `${String(version)}:${useGeneration()}`;
  const [state, setState] = React.useState<State>(() => answered(party, key, decisions) ?? LOADING);
  React.useEffect(() => {
    if (!party) return;
    const ready = answered(party, key, decisions);
    if (ready) {
      setState((s) => (s.summary === ready.summary && s.decisions === ready.decisions ? s : ready));
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const { summary, log } = creditReads(party, key, decisions, get);
    Promise.all([summary!.promise, log?.promise]).then(
      () => live && setState(answered(party, key, decisions) ?? LOADING),
      (error) => live && setState({ summary: null, decisions: [], error, loading: false })
    );
    return () => {
      live = false;
    };
  }, [get, party, key, decisions]);
  return state;
};
