// Calls of the flow operations from a modal: the preview as the form changes, and the making.
import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { editViewPath } from '../customer-actions/shared';
import { refusalOf, type Refusal } from '../customer-actions/components/ActionModal';
import { creditWarnings } from './credit-warnings';
import { useFlowT, type MadeDocument } from './flow';

export interface Preview<T> {
  data: T | null;
  refusal: Refusal | null;
  loading: boolean;
}

/**
 * What the operation would make for `body` (`preview: true`), asked again a moment after the body
 * stops changing; `null` asks nothing (the form is not complete yet).
 */
export function usePreview<T = MadeDocument>(path: string, body: Record<string, unknown> | null): Preview<T> {
  const { post } = useFetchClient();
  const key = body === null ? null : JSON.stringify(body);
  const [state, setState] = React.useState<Preview<T>>({ data: null, refusal: null, loading: key !== null });
  React.useEffect(() => {
    if (key === null) {
      setState({ data: null, refusal: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      post<{ data: T }>(path, { data: { ...JSON.parse(key), preview: true } })
        .then(({ data }) => live && setState({ data: data.data, refusal: null, loading: false }))
        .catch((error) => live && setState({ data: null, refusal: refusalOf(error), loading: false }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [path, key, post]);
  return state;
}

/**
 * Makes the document(s): says so (with the credit warnings, if any), and opens the one made. With
 * several made (one invoice per source) it stays put and hands them back for the modal to link.
 * A refusal throws: the modal shows the server's text.
 */
export function useMake() {
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const t = useFlowT();
  return React.useCallback(
    async (path: string, body: Record<string, unknown>, uid: string, onClose: () => void): Promise<MadeDocument[]> => {
      const res = await post<{ data: MadeDocument | MadeDocument[] }>(path, { data: body });
      const made = ([] as MadeDocument[]).concat(res.data.data);
      toggleNotification({ type: 'success', message: t('made', 'Made: {numbers}', { numbers: made.map((m) => m.number ?? '').join(', ') }) });
      for (const warning of creditWarnings(res.headers)) toggleNotification({ type: 'warning', message: warning });
      if (made.length === 1 && made[0].documentId) {
        onClose();
        navigate(editViewPath(uid, made[0].documentId));
      }
      return made;
    },
    [post, navigate, toggleNotification, t]
  );
}

/** The party a document is for (its customer to bill, else its customer), from the Content Manager's relations. */
export function usePartyOf(model: string, documentId: string | undefined, fields: string[] = ['customerToBill', 'customer']) {
  const { get } = useFetchClient();
  const [party, setParty] = React.useState<{ documentId: string } | null | undefined>(undefined);
  const [error, setError] = React.useState<unknown>(null);
  const fieldsKey = fields.join(',');
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    (async () => {
      for (const field of fieldsKey.split(',')) {
        const { data } = await get<any>(`/content-manager/relations/${model}/${documentId}/${field}`);
        const found = data?.results?.[0];
        if (found) return live && setParty(found);
      }
      if (live) setParty(null);
    })().catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [model, documentId, fieldsKey, get]);
  return { party, error };
}
