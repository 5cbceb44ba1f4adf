import * as React from 'react';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { queryText } from '../hooks/usePartyLookup';
import { PartyPicker, type PickedParty } from '../components/PartyPicker';
import { editViewPath, errorText, formatDate } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import { partyText } from '../utils/partyWords';
import type { Decision, Paged } from '../utils/types';

const OUTCOMES = ['allowed', 'warned', 'refused', 'overridden', 'recorded'];
const PAGE_SIZE = 20;

interface Filters {
  party: PickedParty;
  outcome: string;
  from: string;
  to: string;
  actor: string;
}

const EMPTY: Filters = { party: { party: '', text: '' }, outcome: '', from: '', to: '', actor: '' };

/**
 * Query params of the decisions route: empty filters left out, `to` inclusive of its day; a picked
 * customer by its documentId, text typed and not picked searched in customers' codes and names.
 */
const toParams = (f: Filters, page: number) => ({
  page,
  pageSize: PAGE_SIZE,
  ...(f.party.party ? { party: f.party.party } : f.party.text.trim() ? { partyName: queryText(f.party.text) } : {}),
  ...(f.outcome ? { outcome: f.outcome } : {}),
  ...(f.actor ? { actor: queryText(f.actor) } : {}),
  ...(f.from ? { from: new Date(`${f.from}T00:00:00`).toISOString() } : {}),
  ...(f.to ? { to: new Date(`${f.to}T23:59:59.999`).toISOString() } : {}),
});

export const AuditPage = () => {
  const { formatMessage, locale } = useIntl();
  const { get } = useFetchClient();
  const { status } = useCreditStatus();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [draft, setDraft] = React.useState<Filters>(EMPTY);
  const [filters, setFilters] = React.useState<Filters>(EMPTY);
  const [page, setPage] = React.useState(1);
  const [result, setResult] = React.useState<{ data: Paged<Decision> | null; error: unknown }>({ data: null, error: null });

  React.useEffect(() => {
    let live = true;
    get<Paged<Decision>>('/credit-control/decisions', { params: toParams(filters, page) }).then(
      (res) => live && setResult({ data: res.data, error: null }),
      (error) => live && setResult({ data: null, error })
    );
    return () => {
      live = false;
    };
  }, [get, filters, page]);

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  const input = (key: 'from' | 'to' | 'actor', label: string, type = 'text') => (
    <Field.Root name={`filter-${key}`}>
      <Field.Label>{label}</Field.Label>
      <TextInput type={type} value={draft[key]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value })} />
    </Field.Root>
  );
  const total = result.data?.meta.pagination.total ?? 0;
  const pages = Math.max(1, result.data?.meta.pagination.pageCount ?? 1);
  const title = t('audit.title', 'Credit decisions');

  return (
    <>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('audit.subtitle', 'Every checked write, block, unblock, override and policy change')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box tag="form" onSubmit={apply} background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Grid.Root gap={3}>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <PartyPicker name="filter-party" label={t('audit.partyFilter', 'Customer (code or name)')} value={draft.party} onChange={(party) => setDraft({ ...draft, party })} />
              </Grid.Item>
              <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
                <Field.Root name="filter-outcome">
                  <Field.Label>{t('audit.outcome', 'Outcome')}</Field.Label>
                  <SingleSelect value={draft.outcome} placeholder={t('audit.any', 'Any')} onClear={() => setDraft({ ...draft, outcome: '' })} onChange={(v: string | number) => setDraft({ ...draft, outcome: String(v) })}>
                    {OUTCOMES.map((o) => <SingleSelectOption key={o} value={o}>{t(`outcome.${o}`, o)}</SingleSelectOption>)}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={2} s={6} direction="column" alignItems="stretch">{input('from', t('audit.from', 'From'), 'date')}</Grid.Item>
              <Grid.Item col={2} s={6} direction="column" alignItems="stretch">{input('to', t('audit.to', 'To'), 'date')}</Grid.Item>
              <Grid.Item col={2} s={6} direction="column" alignItems="stretch">{input('actor', t('audit.actorFilter', 'User (email)'))}</Grid.Item>
              <Grid.Item col={1} s={6} alignItems="flex-end">
                <Button type="submit">{t('audit.apply', 'Filter')}</Button>
              </Grid.Item>
            </Grid.Root>
          </Box>
          {result.error ? <Typography textColor="danger600" role="alert">{errorText(result.error)}</Typography> : null}
          <Table colCount={6} rowCount={(result.data?.data.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('audit.date', 'Date')}</Typography></Th>
                <Th><Typography variant="sigma">{t('audit.outcome', 'Outcome')}</Typography></Th>
                <Th><Typography variant="sigma">{t('audit.party', 'Customer')}</Typography></Th>
                <Th><Typography variant="sigma">{t('audit.message', 'Message')}</Typography></Th>
                <Th><Typography variant="sigma">{t('audit.actor', 'User')}</Typography></Th>
                <Th><Typography variant="sigma">{t('audit.document', 'Document')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {(result.data?.data ?? []).map((d) => (
                <Tr key={d.id} data-credit-decision={d.id} data-outcome={d.outcome}>
                  <Td><Typography>{formatDate(d.createdAt, locale)}</Typography></Td>
                  <Td><Typography fontWeight="bold">{t(`outcome.${d.outcome}`, d.outcome)}</Typography></Td>
                  <Td>
                    {d.party && status ? (
                      <Typography data-credit-party={d.party}><Link to={editViewPath(status.mapping.party, d.party)}>{partyText(d.partyCode, d.partyLabel, d.party)}</Link></Typography>
                    ) : (
                      <Typography>{partyText(d.partyCode, d.partyLabel, d.party ?? '-')}</Typography>
                    )}
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Typography tag="p">{d.text ?? d.message ?? d.reason ?? d.kind}</Typography>
                    {d.details?.overrideReason ? (
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {formatMessage({ id: getTranslation('audit.overrideReason'), defaultMessage: 'Override: {reason}' }, { reason: d.details.overrideReason })}
                      </Typography>
                    ) : null}
                  </Td>
                  <Td><Typography>{d.actorLabel ?? '-'}</Typography></Td>
                  <Td>
                    {d.documentUid && d.documentId ? (
                      <Typography><Link to={editViewPath(d.documentUid, d.documentId)}>{d.documentUid.split('.').pop()}</Link></Typography>
                    ) : (
                      <Typography>-</Typography>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <Flex justifyContent="space-between">
            <Typography textColor="neutral600">
              {formatMessage({ id: getTranslation('audit.count'), defaultMessage: '{total, plural, one {# decision} other {# decisions}}, page {page} of {pages}' }, { total, page, pages })}
            </Typography>
            <Flex gap={2}>
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('audit.previous', 'Previous')}</Button>
              <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t('audit.next', 'Next')}</Button>
            </Flex>
          </Flex>
        </Flex>
      </Layouts.Content>
    </>
  );
};
