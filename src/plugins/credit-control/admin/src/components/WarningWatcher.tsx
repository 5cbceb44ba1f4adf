import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { useMappedRole } from '../hooks/useCreditStatus';
import type { Decision, Paged } from '../utils/types';

// A save's decision is logged within the write; allow for clock skew between browser and server.
const WINDOW_MS = 15_000;

/**
 * The Content Manager drops response headers, so after each save of a gated document the
 * `warned` decisions of that document are read back and shown once as notifications.
 */
export const WarningWatcher: HeaderActionComponent = ({ model, documentId, document }) => {
  const { isDocument } = useMappedRole(model);
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const seen = React.useRef(new Set<number>());
  const updatedAt = document?.updatedAt as string | undefined;
  React.useEffect(() => {
    if (!isDocument || !documentId || !updatedAt) return;
    const savedAt = new Date(updatedAt).getTime();
    if (Number.isNaN(savedAt) || Date.now() - savedAt > WINDOW_MS) return;
    let live = true;
    get<Paged<Decision>>('/credit-control/decisions', { params: { outcome: 'warned', from: new Date(savedAt - WINDOW_MS).toISOString(), pageSize: 20 } }).then(
      (res) => {
        if (!live) return;
        for (const d of res.data.data) {
          if (d.documentId !== documentId || seen.current.has(d.id)) continue;
          seen.current.add(d.id);
          toggleNotification({ type: 'warning', message: d.text ?? d.message ?? d.reason ?? 'Credit alert' });
        }
      },
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [get, toggleNotification, isDocument, documentId, updatedAt]);
  return null;
};
