import * as React from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { FormError } from '../components/reports/FormError';
import { InputField, RelationField, SelectField } from '../components/reports/Fields';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { useRelationOptions } from '../hooks/useRelationOptions';
import { useT } from '../hooks/useT';
import { fetchFile, saveBlob } from '../utils/download';
import { errorText, fieldErrors } from '../utils/format';
import { REPORT_LOCALES, SORTS, filled, today, type StatementForm, type StatementKey } from '../utils/reports';

const initial = (locale: string): StatementForm => ({
  company: '', division: '', entity: '', codeFrom: '', codeTo: '', from: '', to: '', dueBy: '', paymentsUntil: '',
  asOf: today(), sort: 'name', locale: locale.startsWith('fr') ? 'fr' : 'en',
});

/** The invoice statement: every criterion the server reads, its refusals on the fields, the PDF downloaded. */
export const StatementPage = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { status } = useCreditStatus();
  const party = status?.mapping.party;
  const relations = {
    company: useRelationOptions(party, 'company'),
    division: useRelationOptions(party, 'division'),
    entity: useRelationOptions(party, 'entity'),
  };
  const [form, setForm] = React.useState<StatementForm>(() => initial(locale));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const set = (key: StatementKey) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const common = (key: StatementKey) => ({ name: key, value: form[key], onChange: set(key), error: errors[key] });
  const relation = (key: 'company' | 'division' | 'entity', label: string) => (
    <RelationField {...common(key)} label={label} options={relations[key]} placeholder={t('reports.any', 'Any')} />
  );

  const download = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const { blob, filename } = await fetchFile(get, '/credit-control/reports/statement', filled(form), `statement-${form.asOf || today()}.pdf`);
      saveBlob(blob, filename);
      toggleNotification({ type: 'success', message: t('reports.statement.downloaded', 'Statement downloaded: {file}', { file: filename }) });
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const item = (node: React.ReactNode, col = 3) => (
    <Grid.Item col={col} s={6} xs={12} direction="column" alignItems="stretch">
      {node}
    </Grid.Item>
  );
  const section = (title: string) => (
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <Typography variant="sigma" textColor="neutral600">{title}</Typography>
    </Grid.Item>
  );

  return (
    <>
      <Page.Title>{t('reports.statement.title', 'Invoice statement')}</Page.Title>
      <Layouts.Header
        title={t('reports.statement.title', 'Invoice statement')}
        subtitle={t('reports.statement.subtitle', 'Open invoices and payments of each customer in the selection, aged as of a date')}
      />
      <Layouts.Content>
        <Box tag="form" onSubmit={download} background="neutral0" padding={6} hasRadius shadow="tableShadow" data-report-form="statement">
          <Flex direction="column" alignItems="stretch" gap={4}>
            <FormError message={error} />
            <Grid.Root gap={4}>
              {section(t('reports.section.customers', 'Customers'))}
              {item(relation('company', t('reports.company', 'Company')), 4)}
              {item(relation('division', t('reports.division', 'Division')), 4)}
              {item(relation('entity', t('reports.entity', 'Entity')), 4)}
              {item(<InputField {...common('codeFrom')} label={t('reports.codeFrom', 'Customer code from')} />)}
              {item(<InputField {...common('codeTo')} label={t('reports.codeTo', 'Customer code to')} />)}
              {item(<SelectField {...common('sort')} required label={t('reports.sort', 'Sort by')} options={SORTS.map((s) => ({ value: s, label: t(`reports.sort.${s}`, s) }))} />)}
              {item(<SelectField {...common('locale')} required label={t('reports.locale', 'Report language')} options={REPORT_LOCALES.map((l) => ({ value: l, label: t(`reports.locale.${l}`, l) }))} />)}
              {section(t('reports.section.dates', 'Dates'))}
              {item(<InputField {...common('asOf')} type="date" label={t('reports.asOf', 'As of')} hint={t('reports.asOfHint', 'Ageing date; today when empty')} />)}
              {item(<InputField {...common('dueBy')} type="date" label={t('reports.dueBy', 'Invoices due by')} />)}
              {item(<InputField {...common('from')} type="date" label={t('reports.from', 'Dated from')} />)}
              {item(<InputField {...common('to')} type="date" label={t('reports.to', 'Dated to')} />)}
              {item(<InputField {...common('paymentsUntil')} type="date" label={t('reports.paymentsUntil', 'Payments until')} hint={t('reports.paymentsUntilHint', 'Later payments are left out')} />)}
            </Grid.Root>
            <Flex justifyContent="flex-end" gap={2}>
              <Button variant="tertiary" type="button" onClick={() => (setForm(initial(locale)), setErrors({}), setError(null))}>
                {t('reports.reset', 'Reset')}
              </Button>
              <Button type="submit" startIcon={<Download />} loading={busy}>
                {t('reports.downloadPdf', 'Download PDF')}
              </Button>
            </Flex>
          </Flex>
        </Box>
      </Layouts.Content>
    </>
  );
};
