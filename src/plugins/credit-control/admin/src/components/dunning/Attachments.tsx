import * as React from 'react';
import { Button, Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { fetchFile } from '../../utils/download';

// the server's limits (services/dunning-email.ts): checked here too, so that a big file is refused before upload
const MAX_FILES = 5;
const MAX_BYTES = 512 * 1024;
// the statement attached is named in the letter's language
const STATEMENT_FILE: Record<string, string> = { fr: 'releve-factures', en: 'invoice-statement' };

export interface Attachment {
  filename: string;
  contentType: string;
  base64: string;
  size: number;
}

const readBase64 = (file: Blob, filename: string): Promise<Attachment> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ filename, contentType: file.type || 'application/octet-stream', base64: String(reader.result).split(',')[1] ?? '', size: file.size });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * What the email carries: the letter's PDF (drawn by the server), the party's invoice statement
 * (drawn for the same date and language, attached as a file) and the clerk's own files.
 */
export const useAttachments = (party: { documentId: string; code?: string }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const [letterPdf, setLetterPdf] = React.useState(true);
  const [statementPdf, setStatementPdf] = React.useState(false);
  const [files, setFiles] = React.useState<Attachment[]>([]);
  const [error, setError] = React.useState('');

  const tooMuch = (list: Attachment[]): string =>
    list.length > MAX_FILES
      ? t('reports.email.tooManyFiles', 'At most {max} files', { max: MAX_FILES })
      : list.reduce((sum, f) => sum + f.size, 0) > MAX_BYTES
        ? t('reports.email.tooBig', 'The files must not exceed {kb} KB in total', { kb: MAX_BYTES / 1024 })
        : '';

  const addFiles = async (list: FileList | null) => {
    if (!list) return;
    const next = [...files, ...(await Promise.all([...list].map((f) => readBase64(f, f.name))))];
    const refused = tooMuch(next);
    setError(refused);
    if (!refused) setFiles(next);
  };

  /** The files to send (the statement fetched now, for `asOf` in `locale`); throws the server's refusal. */
  const collect = async (asOf: string, locale: string): Promise<Attachment[]> => {
    if (!statementPdf) return files;
    const { blob } = await fetchFile(get, `/credit-control/reports/parties/${party.documentId}/statement`, { asOf, locale }, 'statement.pdf');
    const name = `${STATEMENT_FILE[locale] ?? STATEMENT_FILE.en}-${party.code || party.documentId}-${asOf}.pdf`;
    const all = [await readBase64(new Blob([blob], { type: 'application/pdf' }), name), ...files];
    const refused = tooMuch(all);
    if (refused) throw new Error(refused);
    return all;
  };

  const remove = (i: number) => setFiles(files.filter((_, j) => j !== i));
  return { letterPdf, setLetterPdf, statementPdf, setStatementPdf, files, addFiles, remove, error, collect };
};

/** The attachments as ticks and a file input, with the server's message for them. */
export const Attachments = ({ state, error }: { state: ReturnType<typeof useAttachments>; error?: string }) => {
  const { t } = useT();
  const { letterPdf, setLetterPdf, statementPdf, setStatementPdf, files, addFiles, remove } = state;
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <Field.Root name="attachments" error={state.error || error || undefined} hint={t('reports.email.filesHint', 'Up to {max} files, {kb} KB in total', { max: MAX_FILES, kb: MAX_BYTES / 1024 })}>
      <Field.Label>{t('reports.email.attachments.title', 'Attachments')}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Checkbox name="letterPdf" checked={letterPdf} onCheckedChange={(on: boolean | 'indeterminate') => setLetterPdf(on === true)}>
          {t('reports.email.attachments.letter', 'The dunning letter (PDF)')}
        </Checkbox>
        <Checkbox name="statementPdf" checked={statementPdf} onCheckedChange={(on: boolean | 'indeterminate') => setStatementPdf(on === true)}>
          {t('reports.email.attachments.statement', 'The invoice statement as of the dunning date (PDF)')}
        </Checkbox>
        {/* the browser's own file button speaks the browser's language: ours speaks the admin's */}
        <input ref={input} type="file" multiple hidden aria-label={t('reports.email.attachments', 'Other attachments')} onChange={(e) => void addFiles(e.target.files).finally(() => (e.target.value = ''))} />
        <Flex>
          <Button variant="secondary" size="S" startIcon={<Plus />} onClick={() => input.current?.click()}>{t('reports.email.addFiles', 'Add other files')}</Button>
        </Flex>
        {files.map((f, i) => (
          <Flex key={`${f.filename}-${i}`} gap={2}>
            <Typography>{f.filename} ({Math.ceil(f.size / 1024)} KB)</Typography>
            <Button variant="ghost" size="S" onClick={() => remove(i)}>{t('reports.email.remove', 'Remove')}</Button>
          </Flex>
        ))}
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
