import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

type Get = ReturnType<typeof useFetchClient>['get'];

/** The parties' display names, from the Content Manager's main field of the party type. */
export async function partyLabels(get: Get, uid: string, ids: string[]) {
  const labels = new Map<string, string>();
  if (ids.length === 0) return labels;
  const config = await get<{ data: { contentType: { settings: { mainField?: string } } } }>(`/content-manager/content-types/${uid}/configuration`);
  const field = config.data.data.contentType.settings.mainField ?? 'documentId';
  const found = await get<{ results: Record<string, unknown>[] }>(`/content-manager/collection-types/${uid}`, {
    params: { filters: { documentId: { $in: ids } }, pageSize: ids.length },
  });
  for (const row of found.data.results) labels.set(String(row.documentId), String(row[field] ?? row.documentId));
  return labels;
}

/** Display names of the parties on screen (the decision log stores none for most rows). */
export const usePartyLabels = (uid: string | undefined, ids: string[]) => {
  const { get } = useFetchClient();
  const [labels, setLabels] = React.useState(new Map<string, string>());
  const key = [...new Set(ids)].sort().join(',');
  React.useEffect(() => {
    if (!uid || !key) return;
    let live = true;
    partyLabels(get, uid, key.split(',')).then((found) => live && setLabels(found), () => undefined);
    return () => {
      live = false;
    };
  }, [get, uid, key]);
  return labels;
};
