import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { FormError } from '../components/reports/FormError';
import { InputField } from '../components/reports/Fields';
import { Pager } from '../components/reports/Pager';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { usePartyLabels } from '../hooks/usePartyLabels';
import { useT } from '../hooks/useT';
import { editViewPath, errorText, formatAmount, formatDate } from '../utils/format';
import type { DunningRecord } from '../utils/reports';
import type { Paged } from '../utils/types';

const PAGE_SIZE = 20;

/** What was dunned: each invoice's level, when, how (PDF run or email, to whom), newest first. */
export const DunningRecordsPage = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const { status } = useCreditStatus();
  const [draft, setDraft] = React.useState('');
  const [party, setParty] = React.useState('');
  const [page, setPage] = React.useState(1);
  const [result, setResult] = React.useState<{ data: Paged<DunningRecord> | null; error: unknown }>({ data: null, error: null });

  React.useEffect(() => {
    let live = true;
    get<Paged<DunningRecord>>('/credit-control/reports/dunning-records', { params: { page, pageSize: PAGE_SIZE, ...(party ? { party } : {}) } }).then(
      (res) => live && setResult({ data: res.data, error: null }),
      (error) => live && setResult({ data: null, error })
    );
    return () => {
      live = false;
    };
  }, [get, page, party]);

  const rows = result.data?.data ?? [];
  const labels = usePartyLabels(status?.mapping.party, rows.map((r) => r.party));
  const total = result.data?.meta.pagination.total ?? 0;
  // SQLite gives decimals back as numbers (1026 for 1026.00): shown with the column's two decimals
  const amount = (value: string | number | null, currency: string | null) =>
    formatAmount(value === null ? null : /\./.test(String(value)) ? String(value) : `${value}.00`, currency ?? undefined, locale);
  const head = (label: string) => <Th><Typography variant="sigma">{label}</Typography></Th>;

  return (
    <>
      <Page.Title>{t('reports.records.title', 'Dunning history')}</Page.Title>
      <Layouts.Header title={t('reports.records.title', 'Dunning history')} subtitle={t('reports.records.subtitle', 'The level each invoice reached, when, and how it was sent')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box tag="form" onSubmit={(e: React.FormEvent) => (e.preventDefault(), setPage(1), setParty(draft.trim()))} background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Flex gap={3} alignItems="flex-end">
              <Box flex="1">
                <InputField name="party" label={t('reports.records.party', 'Customer (document id)')} value={draft} onChange={setDraft} />
              </Box>
              <Button type="submit">{t('reports.records.filter', 'Filter')}</Button>
            </Flex>
          </Box>
          <FormError message={result.error ? errorText(result.error) : null} />
          <Table colCount={8} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {head(t('reports.records.dunnedAt', 'Dunned at'))}
                {head(t('reports.customer', 'Customer'))}
                {head(t('reports.records.invoice', 'Invoice'))}
                {head(t('reports.level', 'Level'))}
                {head(t('reports.records.daysOverdue', 'Days late'))}
                {head(t('reports.records.balance', 'Balance'))}
                {head(t('reports.records.interest', 'Interest'))}
                {head(t('reports.records.channel', 'Sent by'))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.id} data-dunning-record={r.id} data-channel={r.channel}>
                  <Td>
                    <Typography tag="p">{formatDate(r.dunnedAt, locale)}</Typography>
                    <Typography tag="p" variant="pi" textColor="neutral600">{t('reports.records.asOfDay', 'as of {day}', { day: r.asOf })}</Typography>
                  </Td>
                  <Td>
                    {status ? (
                      <Typography><Link to={editViewPath(status.mapping.party, r.party)}>{labels.get(r.party) ?? r.party}</Link></Typography>
                    ) : (
                      <Typography>{r.party}</Typography>
                    )}
                  </Td>
                  <Td><Typography>{r.invoiceNumber ?? r.invoice}</Typography></Td>
                  <Td><Typography>{t('reports.records.level', '{code} (rank {rank})', { code: r.levelCode, rank: r.rank })}</Typography></Td>
                  <Td><Typography>{r.daysOverdue ?? '-'}</Typography></Td>
                  <Td><Typography>{amount(r.balance, r.currency)}</Typography></Td>
                  <Td><Typography>{amount(r.interest, r.currency)}</Typography></Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Typography>
                      {t(`reports.records.channel.${r.channel}`, r.channel)}
                      {r.recipients?.length ? `: ${r.recipients.join(', ')}` : ''}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {result.data && rows.length === 0 ? <Typography textColor="neutral600">{t('reports.records.none', 'Nothing dunned yet.')}</Typography> : null}
          <Pager page={page} total={total} pageSize={PAGE_SIZE} onPage={setPage} count={t('reports.records.count', '{total, plural, one {# record} other {# records}}', { total })} />
        </Flex>
      </Layouts.Content>
    </>
  );
};
