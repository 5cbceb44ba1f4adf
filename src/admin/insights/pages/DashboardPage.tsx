import * as React from 'react';
import { Box, Button, Field, Flex, Grid, Loader, TextInput, Typography } from '@strapi/design-system';
import { Eye, Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { parseYears, YEAR_MAX, YEAR_MIN } from '../../../domain/years';
import { refusalOf } from '../../customer-actions/components/ActionModal';
import { BalanceSummary } from '../components/BalanceSummary';
import { ChartCard } from '../components/ChartCard';
import { ErrorBoundary } from '../components/ErrorBoundary';
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
  /** the part of the entry that is not a year (checked here, before asking the server) */
  const [invalid, setInvalid] = React.useState<string | null>(null);
  const params = React.useMemo(() => (years ? { years } : undefined), [years]);
  const { data, error, loading } = useInsights<Dashboard>(documentId, 'dashboard', params);
  // charts are rebuilt only when the figures or the language change
  const charts = React.useMemo(() => (data ? dashboardCharts(data, t, locale) : []), [data, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const title = data ? t('dashboard.title', 'Dashboard: {name}', { name: data.customer.callName }) : t('dashboard.heading', 'Dashboard');
  const stamp = data?.today ?? new Date().toISOString().slice(0, 10);

  const yearsError = (value: string) => t('years.invalid', 'Enter years from {min} to {max} separated by commas, e.g. 2024,2025 ("{value}" is not one)', { min: YEAR_MIN, max: YEAR_MAX, value });
  // the server's refusal of the years lands on the field too, in the admin's language; any other failure above the charts
  const refusal = error ? refusalOf(error) : null;
  const fieldError = invalid !== null ? yearsError(invalid) : refusal?.fields.years ? yearsError(years) : undefined;
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const entry = draft.replace(/\s+/g, '');
    const parsed = parseYears(entry);
    if (!parsed.ok) return setInvalid(parsed.part ?? entry);
    setInvalid(null);
    setYears(parsed.years.join(','));
  };

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
          <Box tag="form" noValidate background="neutral0" padding={4} hasRadius shadow="tableShadow" onSubmit={apply}>
            <Flex gap={3} alignItems="flex-start">
              <Field.Root name="insights-years" error={fieldError} hint={t('years.hint', 'e.g. 2024,2025; empty for every year')}>
                <Field.Label>{t('years', 'Years')}</Field.Label>
                <TextInput value={draft} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Box paddingTop={6}>
                <Button type="submit" loading={loading && Boolean(data)}>{t('years.apply', 'Apply')}</Button>
              </Box>
              {data ? (
                <Box paddingTop={5} marginLeft="auto">
                  <BalanceSummary data={data} />
                </Box>
              ) : null}
            </Flex>
          </Box>
          {error && !refusal?.fields.years ? (
            <Typography textColor="danger600" role="alert">{errorText(error)}</Typography>
          ) : null}
          {loading && !data ? (
            <Flex justifyContent="center" padding={8}><Loader>{t('loading', 'Loading…')}</Loader></Flex>
          ) : data ? (
            <ErrorBoundary key={years} message={(e) => t('charts.failed', 'The charts could not be drawn: {message}', { message: e.message })}>
              <Grid.Root gap={4}>
                {charts.map((chart) => (
                  <Grid.Item key={chart.id} col={6} s={12} direction="column" alignItems="stretch">
                    <ErrorBoundary key={years} message={(e) => t('chart.failed', 'This chart could not be drawn: {message}', { message: e.message })}>
                      <ChartCard id={chart.id} title={chart.title} config={chart.config} empty={chart.empty} file={fileName(data.customer.code ?? data.customer.callName, chart.id, stamp)} />
                    </ErrorBoundary>
                  </Grid.Item>
                ))}
              </Grid.Root>
            </ErrorBoundary>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DashboardPage;
