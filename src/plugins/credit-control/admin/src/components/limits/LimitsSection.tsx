import * as React from 'react';
import { Badge, Box, Button, Flex, IconButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { notifyCreditChanged } from '../../hooks/useCreditSummary';
import { errorText, formatAmount } from '../../utils/format';
import { getTranslation } from '../../utils/getTranslation';
import type { CreditSummary, LimitView } from '../../utils/types';
import { LimitForm } from './LimitForm';

const Row = ({ label, value, name, danger }: { label: string; value: string; name: string; danger?: boolean }) => (
  <Flex justifyContent="space-between" gap={2} data-credit-field={name}>
    <Typography variant="pi" textColor="neutral600">{label}</Typography>
    <Typography variant="pi" fontWeight="bold" textColor={danger ? 'danger600' : undefined} data-credit-value={name}>{value}</Typography>
  </Flex>
);

/** "Own policy", "Default policy of company X", … : where the policy in force comes from. */
const useSourceText = () => {
  const { formatMessage } = useIntl();
  return (limit: LimitView) => {
    const source = limit.policySource;
    if (source.kind === 'default') {
      const by = formatMessage({ id: getTranslation(`limits.key.${source.by}`), defaultMessage: source.by });
      return formatMessage({ id: getTranslation('limits.source.default'), defaultMessage: 'Default policy by {by}: {key}' }, { by, key: source.label ?? source.key });
    }
    return formatMessage({ id: getTranslation(`limits.source.${source.kind}`), defaultMessage: source.kind });
  };
};

/**
 * The credit panel's limits: where the policy comes from, own / insured / in force limits, the
 * temporary limits and the credit insurance (flagged once expired), each with a small form.
 */
export const LimitsSection = ({ party, summary }: { party: string; summary: CreditSummary }) => {
  const { formatMessage, locale } = useIntl();
  const { del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState<'temporary' | 'insurance' | null>(null);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const sourceText = useSourceText();
  const limit = summary.limit;
  if (!limit) return null;
  const money = (value: string, currency = limit.currency) => formatAmount(value, currency, locale);
  const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' }) : '—');
  const base = `/credit-control/parties/${encodeURIComponent(party)}`;
  const remove = async (id: number) => {
    try {
      await del(`${base}/temporary-limits/${id}`);
      notifyCreditChanged();
    } catch (err) {
      toggleNotification({ type: 'danger', message: errorText(err) });
    }
  };
  const shown = limit.temporaryLimits.filter((l) => !l.past);
  const insurance = limit.insurance;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-credit-limits={party}>
      <Typography variant="sigma">{t('limits.title', 'Credit limits')}</Typography>
      <Row name="policySource" label={t('limits.policySource', 'Policy in force')} value={sourceText(limit)} />
      <Row name="ownLimit" label={t('limits.own', 'Own limit')} value={money(limit.policy)} />
      {limit.insured !== undefined ? <Row name="insuredLimit" label={t('limits.insured', 'Insured limit')} value={money(limit.insured)} danger={limit.insuranceExpired} /> : null}
      <Row name="limitInForce" label={t('limits.inForce', 'Limit in force')} value={`${money(limit.inForce)} (${t(`limits.by.${limit.source.startsWith('default:') ? 'default' : limit.source}`, limit.source)})`} />

      <Box paddingTop={2}>
        <Typography variant="sigma">{t('limits.temporary', 'Temporary limits')}</Typography>
        {shown.length === 0 ? <Typography variant="pi" textColor="neutral600" tag="p">{t('limits.noTemporary', 'None')}</Typography> : null}
        {shown.map((l) => (
          <Flex key={l.id} justifyContent="space-between" gap={2} data-temporary-limit={l.id}>
            <Typography variant="pi">
              {formatMessage({ id: getTranslation('limits.temporaryRow'), defaultMessage: '{amount} from {from} to {to}' }, { amount: money(l.amount, l.currency), from: day(l.from), to: day(l.to) })}
            </Typography>
            <Flex gap={1}>
              {l.inForce ? <Badge active>{t('limits.inForceBadge', 'in force')}</Badge> : null}
              <IconButton label={t('limits.remove', 'Remove')} variant="ghost" onClick={() => remove(l.id)}><Trash /></IconButton>
            </Flex>
          </Flex>
        ))}
        {open === 'temporary' ? (
          <LimitForm
            name="temporary"
            url={`${base}/temporary-limits`}
            method="post"
            onDone={() => setOpen(null)}
            fields={[
              { name: 'amount', label: t('limits.amount', 'Amount'), kind: 'amount' },
              { name: 'from', label: t('limits.from', 'From'), kind: 'date' },
              { name: 'to', label: t('limits.to', 'To'), kind: 'date' },
            ]}
          />
        ) : (
          <Button variant="secondary" size="S" onClick={() => setOpen('temporary')}>{t('limits.addTemporary', 'Add a temporary limit')}</Button>
        )}
      </Box>

      <Box paddingTop={2}>
        <Flex justifyContent="space-between">
          <Typography variant="sigma">{t('limits.insurance', 'Credit insurance')}</Typography>
          {insurance?.expired ? <Badge backgroundColor="danger100" textColor="danger700" data-insurance-expired="true">{t('limits.expired', 'Expired')}</Badge> : null}
        </Flex>
        {insurance ? (
          <>
            <Row name="insurer" label={t('limits.insurer', 'Insurer')} value={insurance.insurer} />
            <Row name="insuranceReference" label={t('limits.reference', 'Policy reference')} value={insurance.reference} />
            <Row name="insuredAmount" label={t('limits.insuredAmount', 'Insured amount')} value={money(insurance.insuredAmount, insurance.currency)} />
            <Row name="insuranceExpiry" label={t('limits.expiresOn', 'Expiry')} value={day(insurance.expiresOn)} danger={insurance.expired} />
            <Row name="capAtInsured" label={t('limits.capAtInsured', 'Caps the limit')} value={t(limit.capAtInsured ? 'limits.yes' : 'limits.no', limit.capAtInsured ? 'Yes' : 'No')} />
          </>
        ) : (
          <Typography variant="pi" textColor="neutral600" tag="p">{t('limits.noInsurance', 'No credit insurance')}</Typography>
        )}
        {open === 'insurance' ? (
          <LimitForm
            name="insurance"
            url={`${base}/insurance`}
            method="put"
            onDone={() => setOpen(null)}
            fields={[
              { name: 'insurer', label: t('limits.insurer', 'Insurer'), kind: 'text', initial: insurance?.insurer },
              { name: 'reference', label: t('limits.reference', 'Policy reference'), kind: 'text', initial: insurance?.reference },
              { name: 'insuredAmount', label: t('limits.insuredAmount', 'Insured amount'), kind: 'amount', initial: insurance?.insuredAmount },
              { name: 'expiresOn', label: t('limits.expiresOn', 'Expiry'), kind: 'date', initial: insurance?.expiresOn ?? '' },
            ]}
          />
        ) : (
          <Button variant="secondary" size="S" onClick={() => setOpen('insurance')}>{t(insurance ? 'limits.editInsurance' : 'limits.addInsurance', insurance ? 'Change the insurance' : 'Record an insurance')}</Button>
        )}
      </Box>
    </Flex>
  );
};
