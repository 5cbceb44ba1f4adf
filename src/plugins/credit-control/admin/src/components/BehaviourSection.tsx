import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useBehaviour } from '../hooks/useBehaviour';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { notifyCreditChanged } from '../hooks/useCreditSummary';
import { useRefreshRecord } from '../hooks/useRefreshRecord';
import { errorText } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { PaymentBehaviour } from '../utils/types';
import { ColourBadge } from './ColourBadge';

const Row = ({ label, name, children }: { label: string; name: string; children: React.ReactNode }) => (
  <Flex justifyContent="space-between" gap={2} data-behaviour-field={name}>
    <Typography variant="pi" textColor="neutral600">{label}</Typography>
    <Typography variant="pi" fontWeight="bold" data-behaviour-value={name}>{children}</Typography>
  </Flex>
);

/** The figures of a payment behaviour, in the reader's language (the credit panel and the 360 view show the same). */
export const BehaviourFigures = ({ behaviour }: { behaviour: PaymentBehaviour }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const none = '—';
  const b = behaviour;
  return (
    <>
      <Row name="invoices" label={t('behaviour.invoices', 'Invoices judged')}>{b.invoices}</Row>
      <Row name="dso" label={t('behaviour.dso', 'DSO')}>{b.dso === null ? none : t('behaviour.days', '{days} days', { days: b.dso })}</Row>
      <Row name="averageDaysLate" label={t('behaviour.averageDaysLate', 'Average days late')}>{b.averageDaysLate === null ? none : t('behaviour.days', '{days} days', { days: b.averageDaysLate })}</Row>
      <Row name="lateShare" label={t('behaviour.lateShare', 'Paid late')}>{b.lateSharePercent === null ? none : `${b.lateSharePercent} %`}</Row>
      <Row name="trend" label={t('behaviour.trend', 'Trend')}>{t(`behaviour.trend.${b.trend}`, b.trend)}</Row>
      {b.missingRates.length > 0 ? (
        <Typography variant="pi" textColor="warning600" data-behaviour-missing-rates="true">
          {t('behaviour.missingRates', 'DSO leaves out, with no exchange rate to {currency}: {codes}', { currency: b.currency, codes: b.missingRates.join(', ') })}
        </Typography>
      ) : null}
    </>
  );
};

/**
 * The credit panel's payment behaviour over the rolling window: DSO, days late, share paid late,
 * trend, and the suggested colour beside the record's, with a one-click accept (audited server-side).
 */
export const BehaviourSection = ({ party, model }: { party: string; model: string }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canAcceptColour } = useCreditPermissions();
  const refreshRecord = useRefreshRecord();
  const { behaviour, loading, error, off } = useBehaviour(party);
  const [busy, setBusy] = React.useState(false);
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  if (off || (loading && !behaviour)) return null;
  if (error || !behaviour) return <Typography variant="pi" textColor="danger600">{errorText(error)}</Typography>;

  const accept = async () => {
    setBusy(true);
    try {
      await post(`/credit-control/parties/${encodeURIComponent(party)}/payment-behaviour/accept`, { colour: behaviour.suggested });
      toggleNotification({ type: 'success', message: t('behaviour.accepted', 'Reliability colour saved on the record') });
      refreshRecord(model, party);
      notifyCreditChanged();
    } catch (err) {
      toggleNotification({ type: 'danger', message: errorText(err) });
      notifyCreditChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-credit-behaviour={behaviour.suggested ?? 'none'}>
      <Typography variant="sigma">{t('behaviour.title', 'Payment behaviour ({months} months)', { months: behaviour.window.months })}</Typography>
      <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
        <BehaviourFigures behaviour={behaviour} />
        <Row name="suggested" label={t('behaviour.suggested', 'Suggested colour')}><ColourBadge colour={behaviour.suggested} name="suggested" /></Row>
        <Row name="colour" label={t('behaviour.colour', 'Colour on the record')}><ColourBadge colour={behaviour.colour} name="current" /></Row>
        {behaviour.acceptable && canAcceptColour ? (
          <Flex justifyContent="flex-end">
            <Button size="S" variant="secondary" loading={busy} onClick={accept} data-behaviour-accept={behaviour.suggested}>
              {t('behaviour.accept', 'Accept the suggested colour')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
