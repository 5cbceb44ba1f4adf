import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { fetchFile, saveBlob } from '../../utils/download';
import { errorText, fieldErrors } from '../../utils/format';

/** Downloads one report PDF of a record: busy while it runs, the server's refusal in words and on its fields. */
export const useRecordPdf = () => {
  const { get } = useFetchClient();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const download = async (url: string, params: Record<string, string>, fallbackName: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const { blob, filename } = await fetchFile(get, url, params, fallbackName);
      saveBlob(blob, filename);
      return true;
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { download, busy, error, errors };
};
