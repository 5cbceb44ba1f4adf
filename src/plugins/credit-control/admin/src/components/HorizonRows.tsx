import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { formatAmount, formatDay } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { CreditSummary } from '../utils/types';

/** The credit panel's horizon: how far it looks, and what delivers later and is left out of the outstanding. */
export const HorizonRows = ({ summary }: { summary: CreditSummary }) => {
  const { formatMessage, locale } = useIntl();
  const { horizon } = summary;
  if (!horizon) return null;
  const currency = summary.policy.currency;
  return (
    <Box data-credit-horizon={horizon.days}>
      <Flex justifyContent="space-between" gap={2} data-credit-field="horizon">
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTranslation('panel.horizon'), defaultMessage: 'Horizon: {days} days (deliveries up to {until})' }, { days: horizon.days, until: formatDay(horizon.until, locale) })}
        </Typography>
      </Flex>
      <Flex justifyContent="space-between" gap={2} data-credit-field="horizonLeftOut">
        <Typography variant="pi" textColor="neutral600">{formatMessage({ id: getTranslation('panel.horizonLeftOut'), defaultMessage: 'Left out, delivering later' })}</Typography>
        <Typography variant="pi" fontWeight="bold" data-credit-value="horizonLeftOut">{formatAmount(horizon.leftOut, currency, locale)}</Typography>
      </Flex>
      {horizon.leftOutByBucket.map(({ bucket, amount }) => (
        <Flex key={bucket} justifyContent="space-between" gap={2} paddingLeft={2} data-credit-field={`horizon-${bucket}`}>
          <Typography variant="pi" textColor="neutral500">{formatMessage({ id: getTranslation(`bucket.${bucket}`), defaultMessage: bucket })}</Typography>
          <Typography variant="pi" textColor="neutral500">{formatAmount(amount, currency, locale)}</Typography>
        </Flex>
      ))}
    </Box>
  );
};
