import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Grid, Loader, Modal, Radio, TextInput, Typography } from '@strapi/design-system';
import { Download, Mail } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useReportsPermissions } from '../../hooks/useReportsPermissions';
import { useT } from '../../hooks/useT';
import { fetchFile, saveBlob } from '../../utils/download';
import { criteriaFieldErrors, formatAmount } from '../../utils/format';
import { dunningErrorText } from '../../utils/mail-error';
import { FORMATS, REPORT_LOCALES, filled, today, type ReportRun } from '../../utils/reports';
import { InputField, SelectField } from '../reports/Fields';
import { FormError } from '../reports/FormError';
import { RunProgress } from '../reports/RunProgress';
import { Attachments, useAttachments } from './Attachments';
import { Recipients, useRecipients } from './Recipients';
import { useLetterPreview, useLevels, type DialogCriteria } from './useLetterPreview';

export interface DunningDialogProps {
  /** the party dunned, named in its own words */
  party: { documentId: string; name: string; code?: string };
  /** the criteria to start from (the dunning page's list); today's, in the admin's language, otherwise */
  initial?: Partial<DialogCriteria>;
  onClose: () => void;
  /** an email went, or levels were recorded */
  onDone?: () => void;
}

/**
 * One party's dunning, the body and footer of a modal, the same from the party record and from the
 * dunning page: the dunning date, the invoices' due date, the language, the format and the level (by
 * delay, or one forced), the letter it gives, whether to record the levels (never by default), then a
 * PDF to download or an email with its recipients and attachments. Emailing and recording need reports.dun.
 */
export const DunningDialog = ({ party, initial = {}, onClose, onDone }: DunningDialogProps) => {
  const { t, locale: uiLocale } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canDun } = useReportsPermissions();
  const [criteria, setCriteria] = React.useState<DialogCriteria>(() => ({
    asOf: initial.asOf || today(), dueBefore: initial.dueBefore || initial.asOf || today(), locale: initial.locale || (uiLocale.startsWith('fr') ? 'fr' : 'en'), format: initial.format || 'letter', level: initial.level || '',
  }));
  const [record, setRecord] = React.useState(false);
  const [output, setOutput] = React.useState<'download' | 'email'>('download');
  const named = party.code ? `${party.name} (${party.code})` : party.name;
  const [subject, setSubject] = React.useState(() => t('reports.email.subjectDefault', 'Overdue invoices: {name}', { name: named }));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [done, setDone] = React.useState<string | null>(null);
  const [runId, setRunId] = React.useState<string | null>(null);
  const preview = useLetterPreview(party.documentId, criteria);
  const levels = useLevels(criteria.locale);
  const recipients = useRecipients(party.documentId, setError);
  const attachments = useAttachments(party);

  // the due date follows the dunning date until set apart; another language has its own levels
  const set = (key: keyof DialogCriteria) => (value: string) =>
    setCriteria((c) => ({ ...c, [key]: value, ...(key === 'asOf' && c.dueBefore === c.asOf ? { dueBefore: value } : {}), ...(key === 'locale' ? { level: '' } : {}) }));
  const field = (key: keyof DialogCriteria) => ({ name: key, value: criteria[key], onChange: set(key), error: errors[key] || preview.errors[key] });
  const query = () => ({ ...filled(criteria as unknown as Record<string, string>), party: party.documentId });

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setErrors({});
    setDone(null);
    try {
      await what();
    } catch (err) {
      setErrors(criteriaFieldErrors(err));
      setError(dunningErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  // a preview PDF records nothing; recording goes through a run of this one party, with its progress and file
  const download = () =>
    act(async () => {
      if (record) {
        const { data } = await post<{ data: ReportRun }>('/credit-control/reports/runs', { kind: 'dunning', criteria: query(), record: true });
        setRunId(data.data.id);
        return;
      }
      const { blob, filename } = await fetchFile(get, '/credit-control/reports/dunning', query(), `dunning-preview-${criteria.asOf}.pdf`);
      saveBlob(blob, filename);
      setDone(t('dunning.dialog.downloaded', 'Downloaded: {file} (no level recorded)', { file: filename }));
    });

  const send = () =>
    act(async () => {
      const files = await attachments.collect(criteria.asOf, criteria.locale);
      const body = {
        ...filled(criteria as unknown as Record<string, string>),
        subject,
        recipients: recipients.chosen,
        record,
        letterPdf: attachments.letterPdf,
        ...(files.length ? { attachments: files.map(({ filename, contentType, base64 }) => ({ filename, contentType, base64 })) } : {}),
      };
      const { data } = await post<{ data: { recipients: string[]; recorded: boolean } }>(`/credit-control/reports/parties/${party.documentId}/dunning-email`, body);
      const to = data.data.recipients.join(', ');
      toggleNotification({
        type: 'success',
        message: data.data.recorded ? t('dunning.dialog.sentRecorded', 'Dunning email sent to {to}; the levels are recorded', { to }) : t('dunning.dialog.sent', 'Dunning email sent to {to}; no level recorded', { to }),
      });
      onDone?.();
      onClose();
    });

  const { letter } = preview;
  const item = (node: React.ReactNode, col = 4) => (
    <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
      {node}
    </Grid.Item>
  );
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4} data-dunning-dialog={party.documentId}>
          <FormError message={error ?? preview.error} />
          <Typography textColor="neutral600">{t('dunning.dialog.intro', 'Dunning of {name}: the letter a run would send on the dunning date. Download it as a PDF, or send it by email.', { name: named })}</Typography>
          <Grid.Root gap={4}>
            {item(<InputField {...field('asOf')} type="date" label={t('reports.dunningDate', 'Dunning date (as of)')} />)}
            {item(<InputField {...field('dueBefore')} type="date" label={t('reports.dueBefore', 'Invoices due before')} />)}
            {item(<SelectField {...field('locale')} required label={t('reports.locale', 'Report language')} options={REPORT_LOCALES.map((l) => ({ value: l, label: t(`reports.locale.${l}`, l) }))} />)}
            {item(<SelectField {...field('format')} required label={t('reports.format', 'Format')} options={FORMATS.map((f) => ({ value: f, label: t(`reports.format.${f}`, f) }))} />, 6)}
            {item(<SelectField {...field('level')} label={t('reports.email.level', 'Level')} placeholder={t('reports.email.byDelay', 'By delay (as a run would)')} options={levels.map((l) => ({ value: l.code, label: l.name }))} />, 6)}
          </Grid.Root>
          <Box background="neutral100" padding={3} hasRadius data-dunning-preview={letter === undefined ? 'loading' : letter ? letter.level.code : 'none'}>
            {letter === undefined ? (
              <Loader small>{t('reports.loading', 'Loading')}</Loader>
            ) : letter ? (
              <Typography>
                {t('dunning.dialog.letter', '{level}: {count, plural, one {# invoice} other {# invoices}}, up to {days} d late, {total} to pay', {
                  level: letter.level.name, count: letter.invoices.length, days: Math.max(...letter.invoices.map((i) => i.daysOverdue)), total: letter.totals.map((x) => formatAmount(x.total, x.currency, uiLocale)).join(' + '),
                })}
              </Typography>
            ) : (
              <Typography textColor="neutral600">{t('reports.dunning.nothing', 'No invoice to dun with these criteria.')}</Typography>
            )}
          </Box>
          {canDun ? (
            <Checkbox name="record" checked={record} onCheckedChange={(on: boolean | 'indeterminate') => setRecord(on === true)}>
              {t('reports.dunning.record', 'Record the levels reached (the next letters climb from them)')}
            </Checkbox>
          ) : null}
          {canDun ? (
            <Field.Root name="output">
              <Field.Label>{t('dunning.dialog.output', 'Send')}</Field.Label>
              <Radio.Group value={output} onValueChange={(v: string) => setOutput(v as 'download' | 'email')} aria-label={t('dunning.dialog.output', 'Send')}>
                <Radio.Item value="download">{t('dunning.dialog.output.download', 'Download the PDF')}</Radio.Item>
                <Radio.Item value="email">{t('dunning.dialog.output.email', 'By email')}</Radio.Item>
              </Radio.Group>
            </Field.Root>
          ) : null}
          {canDun && output === 'email' ? (
            recipients.candidates === null ? (
              <Loader small>{t('reports.loading', 'Loading')}</Loader>
            ) : (
              <Flex direction="column" alignItems="stretch" gap={4} data-dunning-email={party.documentId}>
                <Recipients {...recipients} error={errors.recipients} />
                <Field.Root name="subject" error={errors.subject} required>
                  <Field.Label>{t('reports.email.subject', 'Title')}</Field.Label>
                  <TextInput value={subject} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSubject(e.target.value)} />
                  <Field.Error />
                </Field.Root>
                <Attachments state={attachments} error={errors.attachments || errors.letterPdf} />
              </Flex>
            )
          ) : null}
          {done ? <Typography textColor="success600" data-dunning-done>{done}</Typography> : null}
          {runId ? <RunProgress runId={runId} onFinished={(run) => run.state === 'done' && onDone?.()} /> : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>{t('reports.cancel', 'Cancel')}</Button>
        {output === 'email' && canDun ? (
          <Button startIcon={<Mail />} onClick={send} loading={busy} disabled={recipients.candidates === null}>{t('dunning.dialog.send', 'Send by email')}</Button>
        ) : (
          <Button startIcon={<Download />} onClick={download} loading={busy}>{record ? t('dunning.dialog.record', 'Record and download the PDF') : t('dunning.dialog.download', 'Download the PDF')}</Button>
        )}
      </Modal.Footer>
    </>
  );
};
