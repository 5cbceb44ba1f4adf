import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { LimitHistorySection } from './LimitHistory';
import { useMappedRole } from '../hooks/useCreditStatus';
import { useCreditPrefetch, useCreditSummary } from '../hooks/useCreditSummary';
import { errorText, formatAmount } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import { BehaviourSection } from './BehaviourSection';
import { DecisionList } from './DecisionList';
import { HorizonRows } from './HorizonRows';
import { OverdueRows } from './OverdueRows';
import { LimitsSection } from './limits/LimitsSection';
import { StatusBadge } from './StatusBadge';

const Row = ({ label, value, name }: { label: string; value: string; name: string }) => (
  <Flex justifyContent="space-between" gap={2} data-credit-field={name}>
    <Typography variant="pi" textColor="neutral600">{label}</Typography>
    <Typography variant="pi" fontWeight="bold" data-credit-value={name}>{value}</Typography>
  </Flex>
);

const DECISIONS = 5;

const PanelBody = ({ party, model, version }: { party: string; model: string; version: unknown }) => {
  const { formatMessage, locale } = useIntl();
  const { summary, decisions, error, loading } = useCreditSummary(party, version, DECISIONS);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  if (loading && !summary) return <Loader small>{t('panel.loading', 'Loading credit')}</Loader>;
  if (error || !summary) return <Typography textColor="danger600">{errorText(error)}</Typography>;
  const { policy } = summary;
  const money = (value: string) => formatAmount(value, policy.currency, locale);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-credit-panel={party}>
      <Flex justifyContent="space-between">
        <Typography variant="sigma">{t('panel.status', 'Status')}</Typography>
        <StatusBadge status={summary.status} />
      </Flex>
      {policy.blocked && policy.blockedReason ? <Typography variant="pi" textColor="danger600">{policy.blockedReason}</Typography> : null}
      {summary.missingRates.length > 0 ? (
        <Typography variant="pi" textColor="warning600" data-credit-missing-rates="true">
          {formatMessage(
            { id: getTranslation('panel.missingRates'), defaultMessage: 'Not counted, no exchange rate to {currency}: {codes}' },
            { currency: policy.currency, codes: summary.missingRates.map(String).join(', ') }
          )}
        </Typography>
      ) : null}
      <Row name="exposure" label={t('panel.exposure', 'Outstanding')} value={money(summary.exposure)} />
      {/* mode none checks nothing: a threshold of 0.00 and a negative headroom would say the opposite */}
      {!summary.policyOffered ? (
        <Typography variant="pi" textColor="neutral600" data-credit-not-offered="true">
          {t('panel.notOffered', 'Blocking rules do not apply to this record')}
        </Typography>
      ) : null}
      {policy.mode === 'none' ? (
        <Row name="threshold" label={t('panel.threshold', 'Threshold')} value={t('panel.noLimit', 'No credit limit')} />
      ) : (
        <>
          <Row name="threshold" label={t('panel.threshold', 'Threshold')} value={money(policy.threshold)} />
          <Row name="headroom" label={t('panel.headroom', 'Headroom')} value={money(summary.headroom)} />
        </>
      )}
      <Row name="mode" label={t('panel.mode', 'Mode')} value={t(`mode.${policy.mode}`, policy.mode)} />
      <HorizonRows summary={summary} />
      <OverdueRows summary={summary} />
      <LimitsSection party={party} summary={summary} />
      <BehaviourSection party={party} model={model} />
      <Box>
        <Typography variant="sigma">{t('panel.byBucket', 'Outstanding by bucket')}</Typography>
        {summary.exposureByBucket.map(({ bucket, amount, currency }) => (
          <Row key={`${bucket}-${currency}`} name={`bucket-${bucket}`} label={t(`bucket.${bucket}`, bucket)} value={formatAmount(amount, currency, locale)} />
        ))}
      </Box>
      <LimitHistorySection party={party} version={version} />
      <Box>
        <Typography variant="sigma">{t('panel.lastDecisions', 'Last decisions')}</Typography>
        <DecisionList decisions={decisions} />
      </Box>
    </Flex>
  );
};

/** The credit panel of the party's edit view (the party type comes from the plugin's mapping). */
export const CreditPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { isParty } = useMappedRole(model);
  // the reads start with the record's first render: the body mounts a render or two later, and
  // the Content Manager waits for an idle moment of the browser for each (see useCreditSummary)
  useCreditPrefetch(isParty ? documentId : undefined, document?.updatedAt, DECISIONS);
  if (!isParty || !documentId) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Credit' }),
    content: <PanelBody party={documentId} model={model} version={document?.updatedAt} />,
  };
};
