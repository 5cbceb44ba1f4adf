import * as React from 'react';
import { Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { Eye, Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { ChartCard } from '../components/ChartCard';
import { dashboardCharts } from '../dashboardCharts';
import type { Dashboard } from '../types';
import { formatMoney } from '../../format';
import { CUSTOMER_UID, editViewPath, errorText, fileName, overviewPath, useT } from '../utils';
import { useInsights } from '../useInsights';

/** The customer's dashboard (spec, "Displaying the customer's profitability chart"). */
export const DashboardPage = () => {
  const { documentId = '' } = useParams();
  const navigate = useNavigate();
  const { t, locale } = useT();
  const [draft, setDraft] = React.useState('');
  const [years, setYears] = React.useState('');
  const params = React.useMemo(() => (years ? { years } : undefined), [years]);
  const { data, error, loading } = useInsights<Dashboard>(documentId, 'dashboard', params);
  // charts are rebuilt only when the figures or the language change
  const charts = React.useMemo(() => (data ? dashboardCharts(data, t, locale) : []), [data, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const title = data ? t('dashboard.title', 'Dashboard: {name}', { name: data.customer.callName }) : t('dashboard.heading', 'Dashboard');
  const stamp = data?.today ?? new Date().toISOString().slice(0, 10);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={editViewPath(CUSTOMER_UID, documentId)} />}
        title={title}
        subtitle={data ? t('dashboard.subtitle', 'Amounts in {currency}, open invoices as of {today}', { currency: data.currency, today: new Date(`${data.today}T00:00:00`).toLocaleDateString(locale) }) : undefined}
        primaryAction={<Button startIcon={<Eye />} onClick={() => navigate(overviewPath(documentId))}>{t('overview.open', '360° view')}</Button>}
        secondaryAction={<Button variant="tertiary" startIcon={<Pencil />} onClick={() => navigate(editViewPath(CUSTOMER_UID, documentId))}>{t('record.open', 'Back to the record')}</Button>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box tag="form" background="neutral0" padding={4} hasRadius shadow="tableShadow" onSubmit={(e: React.FormEvent) => { e.preventDefault(); setYears(draft.replace(/\s+/g, '')); }}>
            <Flex gap={3} alignItems="flex-end">
              <Field.Root name="insights-years" hint={t('years.hint', 'e.g. 2024,2025; empty for every year')}>
                <Field.Label>{t('years', 'Years')}</Field.Label>
                <TextInput value={draft} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)} />
                <Field.Hint />
              </Field.Root>
              <Box paddingBottom={5}><Button type="submit">{t('years.apply', 'Apply')}</Button></Box>
              {data ? (
                <Box paddingBottom={5} marginLeft="auto">
                  <Typography>{t('openTotal', 'Open invoices: {amount}', { amount: formatMoney(data.paymentTerms.total, data.currency, locale) })}</Typography>
                </Box>
              ) : null}
            </Flex>
          </Box>
          {loading ? (
            <Page.Loading />
          ) : error || !data ? (
            <Typography textColor="danger600" role="alert">{errorText(error)}</Typography>
          ) : (
            <Grid.Root gap={4}>
              {charts.map((chart) => (
                <Grid.Item key={chart.id} col={6} s={12} direction="column" alignItems="stretch">
                  <ChartCard id={chart.id} title={chart.title} config={chart.config} empty={chart.empty} file={fileName(data.customer.code ?? data.customer.callName, chart.id, stamp)} />
                </Grid.Item>
              ))}
            </Grid.Root>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DashboardPage;
