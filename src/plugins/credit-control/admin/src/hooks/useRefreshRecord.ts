import * as React from 'react';
import { adminApi } from '@strapi/strapi/admin';
import { useDispatch } from 'react-redux';

/**
 * Re-reads a record shown in the Content Manager after the plugin wrote it (an accepted colour): the
 * edit view caches documents (RTK Query tag `Document`), and its form resets to the new values, so a
 * save that follows does not write the old ones back.
 */
export const useRefreshRecord = () => {
  const dispatch = useDispatch();
  return React.useCallback(
    (model: string, documentId: string) => dispatch((adminApi.util.invalidateTags as (tags: unknown[]) => any)([{ type: 'Document', id: `${model}_${documentId}` }])),
    [dispatch]
  );
};
