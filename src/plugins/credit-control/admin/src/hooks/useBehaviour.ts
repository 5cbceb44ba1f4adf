import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useGeneration } from './useCreditSummary';
import type { PaymentBehaviour } from '../utils/types';

/** The error code of an app whose mapping has no payment behaviour: the section hides itself. */
const NOT_CONFIGURED = 'behaviourNotConfigured';
const codeOf = (error: any): string | undefined => error?.response?.data?.error?.details?.code;

/** A party's payment behaviour, read again after any credit change; `off` when the app does not map it. */
export function useBehaviour(party: string | undefined, version?: unknown) {
  const { get } = useFetchClient();
  const generation = useGeneration();
  const [state, setState] = React.useState<{ behaviour: PaymentBehaviour | null; loading: boolean; error: unknown; off: boolean }>({ behaviour: null, loading: true, error: null, off: false });
  React.useEffect(() => {
    if (!party) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<{ data: PaymentBehaviour }>(`/credit-control/parties/${encodeURIComponent(party)}/payment-behaviour`).then(
      (res) => live && setState({ behaviour: res.data.data, loading: false, error: null, off: false }),
      (error) => live && setState({ behaviour: null, loading: false, error, off: codeOf(error) === NOT_CONFIGURED })
    );
    return () => {
      live = false;
    };
  }, [get, party, generation, version]);
  return state;
}
