import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';

export interface ObjectType {
  type: string;
  uid: string;
  count: number;
}

export type Attribute = { type: string; required?: boolean; default?: unknown; enum?: string[]; relation?: string };

/** The management object types linked to the record, with their counts (GET .../management-objects). */
export const useObjectTypes = (documentId: string | undefined) => {
  const { get } = useFetchClient();
  const [types, setTypes] = React.useState<ObjectType[] | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    get<any>(`/customer-records/customers/${documentId}/management-objects`)
      .then(({ data }) => live && setTypes(data.data))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [documentId, get]);
  return { types, error };
};

/** A content type's attributes and display name, from the schemas the Content Manager already loaded. */
export const useSchemaOf = () => {
  const { contentTypes } = useContentManagerContext();
  return React.useCallback(
    (uid: string | undefined) => {
      const schema = (contentTypes ?? []).find((ct: { uid: string }) => ct.uid === uid) as
        | { attributes: Record<string, Attribute>; info: { displayName: string } }
        | undefined;
      return schema ?? null;
    },
    [contentTypes]
  );
};
