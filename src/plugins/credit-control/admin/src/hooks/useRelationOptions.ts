import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export interface Option {
  value: string;
  label: string;
}

const SKIP = new Set(['id', 'documentId', 'status', 'locale', 'publishedAt', 'updatedAt', 'createdAt']);

/**
 * The documents a party's relation field may point to (company, division, entity), through the
 * Content Manager's relation endpoint, labelled by their main field. `null`: the field is not
 * available to this user or app (the form then takes a document id).
 */
export const useRelationOptions = (partyUid: string | undefined, field: string): Option[] | null => {
  const { get } = useFetchClient();
  const [options, setOptions] = React.useState<Option[] | null>([]);
  React.useEffect(() => {
    if (!partyUid) return;
    let live = true;
    get<{ results: Record<string, unknown>[] }>(`/content-manager/relations/${partyUid}/${field}`, { params: { pageSize: 100 } }).then(
      (res) => {
        if (!live) return;
        setOptions(
          (res.data.results ?? []).map((row) => {
            const key = Object.keys(row).find((k) => !SKIP.has(k) && typeof row[k] === 'string' && row[k]);
            return { value: String(row.documentId), label: key ? String(row[key]) : String(row.documentId) };
          })
        );
      },
      () => live && setOptions(null)
    );
    return () => {
      live = false;
    };
  }, [get, partyUid, field]);
  return options;
};
