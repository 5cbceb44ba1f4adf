import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Loader, Modal, TextInput, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { errorStatus, errorText, fieldErrors } from '../../utils/format';
import { FORMATS, filled, type Candidate, type DunningForm, type DunningLevelRow, type LetterPreview } from '../../utils/reports';
import { FormError } from './FormError';
import { SelectField } from './Fields';

// the server's limits (services/dunning-email.ts): checked here too, so that a big file is refused before upload
const MAX_FILES = 5;
const MAX_BYTES = 512 * 1024;

interface Attachment {
  filename: string;
  contentType: string;
  base64: string;
  size: number;
}

const readBase64 = (file: File): Promise<Attachment> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ filename: file.name, contentType: file.type || 'application/octet-stream', base64: String(reader.result).split(',')[1] ?? '', size: file.size });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

type Recipients = { employees: Candidate[]; contacts: Candidate[] };

export interface DunningEmailFormProps {
  /** the party dunned, named in its own words */
  party: { documentId: string; name: string; code?: string };
  /** its letter as a run would send it (the preview), for the level and count shown */
  letter: LetterPreview;
  /** the dunning criteria (due before, as of, format, language) */
  criteria: Partial<DunningForm>;
  onClose: () => void;
  onSent: () => void;
}

/**
 * "Dun by email", the body and footer of a modal: the party's employees and contacts as recipients
 * (contacts flagged to receive dunning ticked), a title, the format, a level, extra files. The dunning
 * page's dialog and the party record's action both show this one form.
 */
export const DunningEmailForm = ({ party, letter, criteria, onClose, onSent }: DunningEmailFormProps) => {
  const { t } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [candidates, setCandidates] = React.useState<Recipients | null>(null);
  const [levels, setLevels] = React.useState<DunningLevelRow[]>([]);
  const [chosen, setChosen] = React.useState<{ employees: string[]; contacts: string[] }>({ employees: [], contacts: [] });
  const [subject, setSubject] = React.useState(() => t('reports.email.subjectDefault', 'Overdue invoices: {name}', { name: party.code ? `${party.name} (${party.code})` : party.name }));
  const [format, setFormat] = React.useState(criteria.format || 'letter');
  const [level, setLevel] = React.useState('');
  const [files, setFiles] = React.useState<Attachment[]>([]);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const [sending, setSending] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get<{ data: Recipients }>(`/credit-control/reports/parties/${party.documentId}/recipients`).then(
      (res) => {
        if (!live) return;
        setCandidates(res.data.data);
        // contacts flagged "receives dunning" are ticked to start with
        setChosen({ employees: [], contacts: res.data.data.contacts.filter((c) => c.email && c.roles.includes('receivesDunning')).map((c) => c.documentId) });
      },
      (err) => live && (setCandidates({ employees: [], contacts: [] }), setError(errorText(err)))
    );
    const language = criteria.locale || 'fr';
    get<{ data: DunningLevelRow[] }>('/credit-control/dunning-levels', { params: { pagination: { pageSize: 100 } } }).then(
      (res) => live && setLevels(res.data.data.filter((l) => l.language === language).sort((a, b) => a.rank - b.rank)),
      () => undefined // the level stays "by delay"
    );
    return () => {
      live = false;
    };
  }, [get, party.documentId, criteria.locale]);

  const toggle = (kind: 'employees' | 'contacts', id: string, on: boolean) =>
    setChosen((c) => ({ ...c, [kind]: on ? [...c[kind], id] : c[kind].filter((x) => x !== id) }));

  const addFiles = async (list: FileList | null) => {
    if (!list) return;
    const read = await Promise.all([...list].map(readBase64));
    const next = [...files, ...read];
    if (next.length > MAX_FILES) return setErrors((e) => ({ ...e, attachments: t('reports.email.tooManyFiles', 'At most {max} files', { max: MAX_FILES }) }));
    if (next.reduce((sum, f) => sum + f.size, 0) > MAX_BYTES) return setErrors((e) => ({ ...e, attachments: t('reports.email.tooBig', 'The files must not exceed {kb} KB in total', { kb: MAX_BYTES / 1024 }) }));
    setErrors((e) => ({ ...e, attachments: '' }));
    setFiles(next);
  };

  const send = async () => {
    setSending(true);
    setErrors({});
    setError(null);
    try {
      const body = {
        ...filled({ ...criteria, format } as Record<string, string>),
        subject,
        recipients: chosen,
        ...(level ? { level } : {}),
        ...(files.length ? { attachments: files.map(({ filename, contentType, base64 }) => ({ filename, contentType, base64 })) } : {}),
      };
      const { data } = await post<{ data: { recipients: string[] } }>(`/credit-control/reports/parties/${party.documentId}/dunning-email`, body);
      toggleNotification({ type: 'success', message: t('reports.email.sent', 'Dunning email sent to {to}', { to: data.data.recipients.join(', ') }) });
      onSent();
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(
        errorStatus(err) === 502
          ? t('reports.email.smtpError', 'The mail server could not send the email, nothing was recorded. Server said: {error}', { error: errorText(err) })
          : errorText(err)
      );
    } finally {
      setSending(false);
    }
  };

  const group = (kind: 'employees' | 'contacts', title: string) => (
    <Field.Root name={`recipients.${kind}`}>
      <Field.Label>{title}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={1}>
        {(candidates?.[kind] ?? []).length === 0 ? <Typography textColor="neutral600">{t('reports.email.none', 'None')}</Typography> : null}
        {(candidates?.[kind] ?? []).map((c) => (
          <Checkbox key={c.documentId} name={`${kind}.${c.documentId}`} disabled={!c.email} checked={chosen[kind].includes(c.documentId)} onCheckedChange={(on: boolean | 'indeterminate') => toggle(kind, c.documentId, on === true)}>
            {c.name || c.documentId} {c.email ? `<${c.email}>` : t('reports.email.noEmail', '(no email address)')}
            {c.roles.length ? ` · ${[...new Set(c.roles.map((r) => t(`reports.email.role.${r}`, r)))].join(', ')}` : ''}
          </Checkbox>
        ))}
      </Flex>
    </Field.Root>
  );

  return (
    <>
      <Modal.Body>
        {candidates === null ? (
          <Loader>{t('reports.loading', 'Loading')}</Loader>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4} data-dunning-email={party.documentId}>
            <FormError message={error} />
            <Typography textColor="neutral600">
              {t('reports.email.intro', 'The {level} letter for {count, plural, one {# invoice} other {# invoices}} is attached as a PDF. The levels are recorded once the email is sent.', { level: letter.level.name, count: letter.invoices.length })}
            </Typography>
            {group('employees', t('reports.email.employees', 'Employees'))}
            {group('contacts', t('reports.email.contacts', 'Contacts'))}
            {errors.recipients ? <Typography textColor="danger600" variant="pi" data-field-error="recipients">{errors.recipients}</Typography> : null}
            <Field.Root name="subject" error={errors.subject} required>
              <Field.Label>{t('reports.email.subject', 'Title')}</Field.Label>
              <TextInput value={subject} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSubject(e.target.value)} />
              <Field.Error />
            </Field.Root>
            <Flex gap={4} alignItems="flex-start">
              <Box flex="1">
                <SelectField name="format" label={t('reports.format', 'Format')} value={format} onChange={setFormat} required error={errors.format} options={FORMATS.map((f) => ({ value: f, label: t(`reports.format.${f}`, f) }))} />
              </Box>
              <Box flex="1">
                <SelectField name="level" label={t('reports.email.level', 'Level')} value={level} onChange={setLevel} error={errors.level} placeholder={t('reports.email.byDelay', 'By delay (as a run would)')} options={levels.map((l) => ({ value: l.code, label: l.name }))} />
              </Box>
            </Flex>
            <Field.Root name="attachments" error={errors.attachments || undefined} hint={t('reports.email.filesHint', 'Up to {max} files, {kb} KB in total', { max: MAX_FILES, kb: MAX_BYTES / 1024 })}>
              <Field.Label>{t('reports.email.attachments', 'Other attachments')}</Field.Label>
              <input type="file" multiple aria-label={t('reports.email.attachments', 'Other attachments')} onChange={(e) => void addFiles(e.target.files).finally(() => (e.target.value = ''))} />
              {files.map((f, i) => (
                <Flex key={`${f.filename}-${i}`} gap={2}>
                  <Typography>{f.filename} ({Math.ceil(f.size / 1024)} KB)</Typography>
                  <Button variant="ghost" size="S" onClick={() => setFiles(files.filter((_, j) => j !== i))}>{t('reports.email.remove', 'Remove')}</Button>
                </Flex>
              ))}
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>{t('reports.cancel', 'Cancel')}</Button>
        <Button startIcon={<Mail />} onClick={send} loading={sending} disabled={candidates === null}>{t('reports.email.send', 'Send')}</Button>
      </Modal.Footer>
    </>
  );
};
