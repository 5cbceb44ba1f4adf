import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** A row of GET /parties: the party's code and label, as the mapping names them. */
export interface PartyChoice {
  party: string;
  code: string | null;
  name: string | null;
}

const PAUSE_MS = 250;

/** The admin's fetch client puts params in the URL as they are (qs, `encode: false`): text is encoded here. */
export const queryText = (text: string) => (text.trim() ? encodeURIComponent(text.trim()) : undefined);

/** The parties whose code or label contains `text`, through the plugin's own lookup (a pause after typing). */
export const usePartyLookup = (text: string) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ parties: PartyChoice[]; loading: boolean; error: unknown }>({ parties: [], loading: false, error: null });
  React.useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      get<{ data: PartyChoice[] }>('/credit-control/parties', { params: { q: queryText(text), pageSize: 20 } }).then(
        (res) => live && setState({ parties: res.data.data, loading: false, error: null }),
        (error) => live && setState({ parties: [], loading: false, error })
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [get, text]);
  return state;
};
