import * as React from 'react';
import { Box, Button, Field, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import { Eye, Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { parseYears, YEAR_MAX, YEAR_MIN } from '../../../domain/years';
import { refusalOf } from '../../customer-actions/components/ActionModal';
import { BalanceSummary } from '../components/BalanceSummary';
import { ChartsGrid } from '../components/ChartsGrid';
import { dashboardCharts } from '../dashboardCharts';
import type { Dashboard } from '../types';
import { CUSTOMER_UID, editViewPath, errorText, overviewPath, useT } from '../utils';
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
  // charts are rebuilt only when the figures or the language change; another currency's are its own, never added
  const charts = React.useMemo(() => (data ? dashboardCharts(data, t, locale) : []), [data, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const others = React.useMemo(
    () => (data?.otherCurrencies ?? []).map((figures) => ({ figures, charts: dashboardCharts(figures, t, locale, `-${figures.currency.toLowerCase()}`) })),
    [data, locale] // eslint-disable-line react-hooks/exhaustive-deps
  );
  const title = data ? t('dashboard.title', 'Dashboard: {name}', { name: data.customer.callName }) : t('dashboard.heading', 'Dashboard');
  const stamp = data?.today ?? new Date().toISOString().slice(0, 10);
  const name = data ? (data.customer.code ?? data.customer.callName) : '';
  const subtitle = !data
    ? undefined
    : others.length === 0
      ? t('dashboard.subtitle', 'Amounts in {currency}, open invoices as of {today}', { currency: data.currency, today: new Date(`${data.today}T00:00:00`).toLocaleDateString(locale) })
      : t('dashboard.subtitleOthers', 'Amounts in {currency}, open invoices as of {today}; amounts in {others} below, each currency on its own', {
          currency: data.currency,
          today: new Date(`${data.today}T00:00:00`).toLocaleDateString(locale),
          others: others.map((o) => o.figures.currency).join(', '),
        });

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
        subtitle={subtitle}
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
            <>
              <ChartsGrid key={years} charts={charts} name={name} stamp={stamp} />
              {others.map(({ figures, charts: theirs }) => (
                <Flex key={`${figures.currency}-${years}`} direction="column" alignItems="stretch" gap={4} data-insights-currency-section={figures.currency}>
                  <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
                    <Flex gap={4} alignItems="flex-start" justifyContent="space-between" wrap="wrap">
                      <Box>
                        <Typography variant="beta" tag="h2">{t('dashboard.currency', 'Amounts in {currency}', { currency: figures.currency })}</Typography>
                        <Typography variant="pi" textColor="neutral600" tag="p">
                          {t('dashboard.currencyNote', 'Documents in {currency}: their amounts are neither converted nor added to the {main} figures above.', { currency: figures.currency, main: data.currency })}
                        </Typography>
                      </Box>
                      <BalanceSummary data={figures} />
                    </Flex>
                  </Box>
                  <ChartsGrid charts={theirs} name={name} stamp={stamp} />
                </Flex>
              ))}
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DashboardPage;
