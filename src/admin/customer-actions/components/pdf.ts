import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { saveBlob } from '../shared';

/**
 * GETs a PDF through useFetchClient (blob) and saves it; a refusal is read back from the body
 * (JSON) and thrown in the shape the JSON calls use, so the server's text shows.
 */
export const usePdfDownload = () => {
  const { get } = useFetchClient();
  return React.useCallback(
    async (url: string, params: Record<string, string | undefined>, filename: string) => {
      const res = await get(url, { params, responseType: 'blob', validateStatus: () => true } as any);
      const blob = res.data as Blob;
      const status = (res as { status?: number }).status ?? 200;
      if (status >= 400) {
        const text = await blob.text();
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          data = { error: { message: text || `HTTP ${status}` } };
        }
        throw Object.assign(new Error(`HTTP ${status}`), { response: { status, data } });
      }
      saveBlob(blob, filename);
    },
    [get]
  );
};
