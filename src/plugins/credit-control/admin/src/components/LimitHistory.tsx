import * as React from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { notifyCreditChanged } from '../hooks/useCreditSummary';
import { useLimitHistory, type LimitChange } from '../hooks/useLimitHistory';
import { errorText, formatDate } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import { LimitChangeText } from './LimitChangeText';
import { ReasonForm } from './ReasonForm';

/** Who asked or decided: their email or token name, else what they are ("the system" for code). */
export const useWho = () => {
  const { formatMessage } = useIntl();
  return (who: { type: string; label: string | null }) => who.label ?? formatMessage({ id: getTranslation(`limitChanges.actor.${who.type}`), defaultMessage: who.type });
};

const COLORS: Record<string, string> = { pending: 'warning600', approved: 'success600', rejected: 'danger600', applied: 'neutral800' };

/** Who asked (or changed), when, and why: one history entry. */
export const LimitEntry = ({ entry }: { entry: LimitChange }) => {
  const { formatMessage, locale } = useIntl();
  const who = useWho();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Box tag="li" data-limit-entry={entry.id} data-limit-status={entry.status}>
      <Flex gap={2}>
        <Typography variant="sigma" textColor={COLORS[entry.status] ?? 'neutral600'}>{t(`limitChanges.status.${entry.status}`, entry.status)}</Typography>
        <Typography variant="pi" textColor="neutral500">{formatDate(entry.decidedAt ?? entry.requestedAt, locale)}</Typography>
      </Flex>
      {entry.changes.map((change) => <LimitChangeText key={change.field} change={change} />)}
      <Typography variant="pi" textColor="neutral600" tag="p">
        {formatMessage(
          { id: getTranslation('limitChanges.by'), defaultMessage: 'Asked by {who}' },
          { who: who(entry.requestedBy) }
        )}
        {entry.decidedBy && entry.status !== 'applied' && entry.status !== 'reviewed'
          ? ` · ${formatMessage({ id: getTranslation('limitChanges.decidedBy'), defaultMessage: 'decided by {who}' }, { who: who(entry.decidedBy) })}`
          : null}
      </Typography>
      {entry.reason ? <Typography variant="pi" tag="p">« {entry.reason} »</Typography> : null}
      {entry.decisionReason ? <Typography variant="pi" tag="p">« {entry.decisionReason} »</Typography> : null}
    </Box>
  );
};

/** Approve, or reject with a reason, a pending request (admins holding `policy.approve`; the server refuses the requester). */
export const RequestActions = ({ request }: { request: LimitChange }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canApprove } = useCreditPermissions();
  const [rejecting, setRejecting] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  if (!canApprove) return null;
  const decide = async (verdict: 'approve' | 'reject', reason?: string) => {
    await post(`/credit-control/limit-requests/${request.id}/${verdict}`, reason ? { reason } : {});
    notifyCreditChanged();
    toggleNotification({ type: 'success', message: verdict === 'approve' ? t('limitChanges.approved', 'Limit change approved') : t('limitChanges.rejected', 'Limit change rejected') });
  };
  const approve = async () => {
    setBusy(true);
    try {
      await decide('approve');
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={2}>
      <Button size="S" onClick={approve} loading={busy} data-limit-approve={request.id}>{t('limitChanges.approve', 'Approve')}</Button>
      <Dialog.Root open={rejecting} onOpenChange={setRejecting}>
        <Dialog.Trigger>
          <Button size="S" variant="danger-light" data-limit-reject={request.id}>{t('limitChanges.reject', 'Reject')}</Button>
        </Dialog.Trigger>
        <Dialog.Content>
          <Dialog.Header>{t('limitChanges.rejectTitle', 'Reject the limit change')}</Dialog.Header>
          <ReasonForm onClose={() => setRejecting(false)} onSubmit={(reason) => decide('reject', reason)} confirmLabel={t('limitChanges.reject', 'Reject')} />
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
};

const HISTORY = 5;

/** The credit panel's limit section: the pending request with its buttons, then the last changes. */
export const LimitHistorySection = ({ party, version }: { party: string; version: unknown }) => {
  const { formatMessage } = useIntl();
  const { page, error } = useLimitHistory(party, version, HISTORY);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  if (error) return <Typography textColor="danger600">{errorText(error)}</Typography>;
  if (!page) return null;
  const pending = page.meta.pending;
  const past = page.data.filter((entry) => entry.status !== 'pending');
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-limit-section={party}>
      {pending ? (
        <Box padding={2} background="warning100" hasRadius data-limit-pending={pending.id}>
          <Typography variant="sigma">{t('limitChanges.pending', 'Limit change waiting for approval')}</Typography>
          <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
            <LimitEntry entry={pending} />
          </Flex>
          <RequestActions request={pending} />
        </Box>
      ) : null}
      <Typography variant="sigma">{t('limitChanges.history', 'Limit history')}</Typography>
      {past.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">{t('limitChanges.noHistory', 'No limit change yet')}</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
          {past.map((entry) => <LimitEntry key={entry.id} entry={entry} />)}
        </Flex>
      )}
    </Flex>
  );
};
