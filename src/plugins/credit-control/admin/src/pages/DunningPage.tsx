import * as React from 'react';
import { Box, Button, Checkbox, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download, Eye, Mail, Play } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { DunningModal } from '../components/dunning/DunningModal';
import { FormError } from '../components/reports/FormError';
import { InputField, SelectField } from '../components/reports/Fields';
import { Pager } from '../components/reports/Pager';
import { RunProgress } from '../components/reports/RunProgress';
import { useReportsPermissions } from '../hooks/useReportsPermissions';
import { useT } from '../hooks/useT';
import { fetchFile, saveBlob } from '../utils/download';
import { criteriaFieldErrors, errorText, formatAmount } from '../utils/format';
import { FORMATS, REPORT_LOCALES, filled, today, type DunningForm, type DunningKey, type LetterPreview, type ReportRun } from '../utils/reports';
import type { Paged } from '../utils/types';

const PAGE_SIZE = 20;
const initial = (locale: string): DunningForm => ({ dueBefore: today(), asOf: today(), codeFrom: '', codeTo: '', format: 'letter', locale: locale.startsWith('fr') ? 'fr' : 'en' });

/** Dunning letters: criteria, the letters a run would send, a recorded batch run with its progress, one customer's dunning (letter or email). */
export const DunningPage = () => {
  const { t, locale } = useT();
  const { get, post } = useFetchClient();
  const { canDun } = useReportsPermissions();
  const [form, setForm] = React.useState<DunningForm>(() => initial(locale));
  // the criteria of the list shown (a customer's dunning dialog starts from what was previewed)
  const [shown, setShown] = React.useState<DunningForm | null>(null);
  const [page, setPage] = React.useState(1);
  const [list, setList] = React.useState<Paged<LetterPreview> | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<'list' | 'pdf' | 'run' | null>(null);
  // a preview records nothing unless asked: a batch run by mistake must not climb every customer a level
  const [record, setRecord] = React.useState(false);
  const [runId, setRunId] = React.useState<string | null>(null);
  const [dunFor, setDunFor] = React.useState<LetterPreview | null>(null);

  const set = (key: DunningKey) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const common = (key: DunningKey) => ({ name: key, value: form[key], onChange: set(key), error: errors[key] });
  const failed = (err: unknown) => {
    setErrors(criteriaFieldErrors(err));
    setError(errorText(err));
  };
  const start = (what: 'list' | 'pdf' | 'run') => {
    setBusy(what);
    setErrors({});
    setError(null);
  };

  const load = React.useCallback(
    async (criteria: DunningForm, at: number) => {
      start('list');
      try {
        const { data } = await get<Paged<LetterPreview>>('/credit-control/reports/dunning/letters', { params: { ...filled(criteria), page: at, pageSize: PAGE_SIZE } });
        setList(data);
        setShown(criteria);
        setPage(at);
      } catch (err) {
        failed(err);
      } finally {
        setBusy(null);
      }
    },
    [get]
  );

  const previewPdf = async () => {
    start('pdf');
    try {
      const { blob, filename } = await fetchFile(get, '/credit-control/reports/dunning', filled(form), `dunning-preview-${form.asOf || today()}.pdf`);
      saveBlob(blob, filename);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const generate = async () => {
    start('run');
    setRunId(null);
    try {
      const { data } = await post<{ data: ReportRun }>('/credit-control/reports/runs', { kind: 'dunning', criteria: filled(form), record });
      setRunId(data.data.id);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const total = list?.meta.pagination.total ?? 0;
  const item = (node: React.ReactNode, col = 2) => (
    <Grid.Item col={col} s={6} xs={12} direction="column" alignItems="stretch">
      {node}
    </Grid.Item>
  );

  return (
    <>
      <Page.Title>{t('reports.dunning.title', 'Dunning letters')}</Page.Title>
      <Layouts.Header title={t('reports.dunning.title', 'Dunning letters')} subtitle={t('reports.dunning.subtitle', 'Invoices overdue before a date, one letter per customer at the level each invoice reached')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box tag="form" onSubmit={(e: React.FormEvent) => (e.preventDefault(), void load(form, 1))} background="neutral0" padding={6} hasRadius shadow="tableShadow" data-report-form="dunning">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <FormError message={error} />
              <Grid.Root gap={4}>
                {item(<InputField {...common('dueBefore')} type="date" label={t('reports.dueBefore', 'Invoices due before')} />)}
                {item(<InputField {...common('asOf')} type="date" label={t('reports.dunningDate', 'Dunning date (as of)')} />)}
                {item(<InputField {...common('codeFrom')} label={t('reports.codeFrom', 'Customer code from')} />)}
                {item(<InputField {...common('codeTo')} label={t('reports.codeTo', 'Customer code to')} />)}
                {item(<SelectField {...common('format')} required label={t('reports.format', 'Format')} options={FORMATS.map((f) => ({ value: f, label: t(`reports.format.${f}`, f) }))} />)}
                {item(<SelectField {...common('locale')} required label={t('reports.locale', 'Report language')} options={REPORT_LOCALES.map((l) => ({ value: l, label: t(`reports.locale.${l}`, l) }))} />)}
              </Grid.Root>
              <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
                {canDun ? (
                  <Checkbox name="record" checked={record} onCheckedChange={(on: boolean | 'indeterminate') => setRecord(on === true)}>
                    {t('reports.dunning.record', 'Record the levels reached (the next letters climb from them)')}
                  </Checkbox>
                ) : (
                  <Typography textColor="neutral600">{t('reports.dunning.readOnly', 'You may preview; dunning (runs, emails) needs the "Dun customers" permission.')}</Typography>
                )}
                <Flex gap={2}>
                  <Button type="submit" variant="secondary" startIcon={<Eye />} loading={busy === 'list'}>{t('reports.dunning.preview', 'Preview the letters')}</Button>
                  <Button type="button" variant="tertiary" startIcon={<Download />} loading={busy === 'pdf'} onClick={previewPdf}>{t('reports.dunning.previewPdf', 'Preview PDF')}</Button>
                  {canDun ? <Button type="button" startIcon={<Play />} loading={busy === 'run'} onClick={generate}>{t('reports.dunning.generate', 'Generate')}</Button> : null}
                </Flex>
              </Flex>
              {runId ? <RunProgress runId={runId} onFinished={() => shown && void load(shown, 1)} /> : null}
            </Flex>
          </Box>
          {list ? (
            <>
              <Table colCount={6} rowCount={list.data.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('reports.code', 'Code')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('reports.customer', 'Customer')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('reports.level', 'Level')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('reports.invoices', 'Invoices')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('reports.total', 'Total due')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('reports.actions', 'Actions')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {list.data.map((l) => (
                    <Tr key={l.party.documentId} data-dunning-letter={l.party.documentId} data-party-code={l.party.code}>
                      <Td><Typography>{l.party.code}</Typography></Td>
                      <Td><Typography fontWeight="bold">{l.party.name}</Typography></Td>
                      <Td><Typography>{l.level.name}</Typography></Td>
                      <Td title={l.invoices.map((i) => i.number).join(', ')}>
                        <Typography>{t('reports.invoicesLate', '{count, plural, one {# invoice} other {# invoices}}, up to {days} d late', { count: l.invoices.length, days: Math.max(...l.invoices.map((i) => i.daysOverdue)) })}</Typography>
                      </Td>
                      <Td><Typography>{l.totals.map((x) => formatAmount(x.total, x.currency, locale)).join(' + ')}</Typography></Td>
                      <Td>
                        <Button variant="tertiary" size="S" startIcon={<Mail />} onClick={() => setDunFor(l)}>{t('reports.dunning.dun', 'Dun…')}</Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              {list.data.length === 0 ? <Typography textColor="neutral600">{t('reports.dunning.nothing', 'No invoice to dun with these criteria.')}</Typography> : null}
              <Pager page={page} total={total} pageSize={PAGE_SIZE} onPage={(p) => shown && void load(shown, p)} count={t('reports.dunning.count', '{total, plural, one {# letter} other {# letters}}', { total })} />
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
      {dunFor && shown ? <DunningModal party={dunFor.party} initial={shown} onClose={() => setDunFor(null)} onDone={() => void load(shown, page)} /> : null}
    </>
  );
};
