import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { LimitChangeText } from '../components/LimitChangeText';
import { RequestActions, useWho } from '../components/LimitHistory';
import { Pager } from '../components/reports/Pager';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { notifyCreditChanged } from '../hooks/useCreditSummary';
import { useLimitPage, type LimitChange, type UnreviewedLimit } from '../hooks/useLimitHistory';
import { useT } from '../hooks/useT';
import { editViewPath, errorText, formatAmount, formatDate } from '../utils/format';

const PAGE_SIZE = 25;
const partyName = (row: { party: string; partyCode: string | null; partyLabel: string | null }) =>
  [row.partyCode, row.partyLabel].filter(Boolean).join(' – ') || row.party;

/** The requests waiting for an approver, oldest first, with approve / reject. */
const PendingRequests = ({ partyUid }: { partyUid: string }) => {
  const { t, locale } = useT();
  const who = useWho();
  const [page, setPage] = React.useState(1);
  const { page: result, error } = useLimitPage<LimitChange>('/credit-control/limit-requests', { page, pageSize: PAGE_SIZE });
  if (error) return <Typography textColor="danger600">{errorText(error)}</Typography>;
  if (!result) return <Page.Loading />;
  if (result.data.length === 0) return <Typography data-limit-requests="none">{t('limitChanges.noPending', 'No limit change waiting for approval')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Table colCount={5} rowCount={result.data.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('over.party', 'Customer')}</Typography></Th>
            <Th><Typography variant="sigma">{t('limitChanges.change', 'Change')}</Typography></Th>
            <Th><Typography variant="sigma">{t('limitChanges.requestedBy', 'Asked by')}</Typography></Th>
            <Th><Typography variant="sigma">{t('reason.label', 'Reason')}</Typography></Th>
            <Th><Typography variant="sigma">{t('limitChanges.decision', 'Decision')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {result.data.map((row) => (
            <Tr key={row.id} data-limit-request={row.id}>
              <Td><Typography><Link to={editViewPath(partyUid, row.party)}>{partyName(row)}</Link></Typography></Td>
              <Td>{row.changes.map((change) => <LimitChangeText key={change.field} change={change} />)}</Td>
              <Td><Typography variant="pi">{who(row.requestedBy)} · {formatDate(row.requestedAt, locale)}</Typography></Td>
              <Td><Typography variant="pi">{row.reason ?? '-'}</Typography></Td>
              <Td><RequestActions request={row} /></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Pager page={page} total={result.meta.pagination.total} pageSize={PAGE_SIZE} onPage={setPage} count={t('limitChanges.requestCount', '{total, plural, one {# request} other {# requests}}', { total: result.meta.pagination.total })} />
    </Flex>
  );
};

/** The limiting policies nobody changed, decided on or reviewed for N months, with "Reviewed, unchanged". */
const Unreviewed = ({ partyUid }: { partyUid: string }) => {
  const { t, locale } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canEditPolicy } = useCreditPermissions();
  const [page, setPage] = React.useState(1);
  const { page: result, error } = useLimitPage<UnreviewedLimit, { reviewMonths: number }>('/credit-control/parties/limits-unreviewed', { page, pageSize: PAGE_SIZE });
  const review = async (party: string) => {
    try {
      await post(`/credit-control/parties/${encodeURIComponent(party)}/limit-review`, {});
      notifyCreditChanged();
      toggleNotification({ type: 'success', message: t('limitChanges.reviewedDone', 'Limit marked as reviewed') });
    } catch (err) {
      toggleNotification({ type: 'danger', message: errorText(err) });
    }
  };
  if (error) return <Typography textColor="danger600">{errorText(error)}</Typography>;
  if (!result) return <Page.Loading />;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography textColor="neutral600">{t('limitChanges.unreviewedIntro', 'Limits not changed nor reviewed for {months} months, the oldest first', { months: result.meta.reviewMonths })}</Typography>
      {result.data.length === 0 ? (
        <Typography data-limit-unreviewed="none">{t('limitChanges.allReviewed', 'Every limit was reviewed in that time')}</Typography>
      ) : (
        <Table colCount={5} rowCount={result.data.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('over.party', 'Customer')}</Typography></Th>
              <Th><Typography variant="sigma">{t('panel.threshold', 'Threshold')}</Typography></Th>
              <Th><Typography variant="sigma">{t('panel.mode', 'Mode')}</Typography></Th>
              <Th><Typography variant="sigma">{t('limitChanges.lastReview', 'Last reviewed')}</Typography></Th>
              <Th><Typography variant="sigma">{t('limitChanges.decision', 'Decision')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {result.data.map((row) => (
              <Tr key={row.party} data-limit-unreviewed={row.party}>
                <Td><Typography><Link to={editViewPath(partyUid, row.party)}>{partyName(row)}</Link></Typography></Td>
                <Td><Typography>{formatAmount(row.threshold, row.currency, locale)}</Typography></Td>
                <Td><Typography>{t(`mode.${row.mode}`, row.mode)}</Typography></Td>
                <Td><Typography variant="pi">{row.lastReviewedAt ? formatDate(row.lastReviewedAt, locale) : t('limitChanges.neverSince', 'never (policy of {date})', { date: formatDate(row.since, locale) })}</Typography></Td>
                <Td>{canEditPolicy ? <Button size="S" variant="secondary" onClick={() => review(row.party)}>{t('limitChanges.markReviewed', 'Reviewed, unchanged')}</Button> : null}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {result.data.length === 0 ? null : <Pager page={page} total={result.meta.pagination.total} pageSize={PAGE_SIZE} onPage={setPage} count={t('over.count', '{total, plural, one {# customer} other {# customers}}', { total: result.meta.pagination.total })} />}
    </Flex>
  );
};

/** Limit changes waiting for approval, and the periodic review of limits. */
export const LimitReviewPage = () => {
  const { t } = useT();
  const { status } = useCreditStatus();
  const title = t('limitChanges.title', 'Credit limits to review');
  return (
    <>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('limitChanges.subtitle', 'Raises waiting for a second person, and limits due for their periodic review')} />
      <Layouts.Content>
        {!status ? (
          <Page.Loading />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box>
              <Typography variant="delta" tag="h2">{t('limitChanges.pendingTitle', 'Waiting for approval')}</Typography>
              <PendingRequests partyUid={status.mapping.party} />
            </Box>
            <Box>
              <Typography variant="delta" tag="h2">{t('limitChanges.unreviewedTitle', 'Not reviewed')}</Typography>
              <Unreviewed partyUid={status.mapping.party} />
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </>
  );
};
