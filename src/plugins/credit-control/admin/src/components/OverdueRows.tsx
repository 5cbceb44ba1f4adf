import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { formatAmount, formatDay } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { CreditSummary } from '../utils/types';

/** The credit panel's overdue figures (past due, oldest late invoice, dunning level) and the rule that holds. */
export const OverdueRows = ({ summary }: { summary: CreditSummary }) => {
  const { formatMessage, locale } = useIntl();
  const { overdue } = summary;
  if (!overdue) return null;
  const currency = summary.policy.currency;
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [first] = overdue.fired;
  return (
    <Box data-credit-overdue={overdue.blocked ? 'blocked' : first ? 'alert' : 'clear'}>
      <Flex justifyContent="space-between" gap={2} data-credit-field="pastDue">
        <Typography variant="pi" textColor="neutral600">{t('panel.pastDue', 'Past due')}</Typography>
        <Typography variant="pi" fontWeight="bold" data-credit-value="pastDue">{formatAmount(overdue.pastDue, currency, locale)}</Typography>
      </Flex>
      <Flex justifyContent="space-between" gap={2} data-credit-field="oldestPastDue">
        <Typography variant="pi" textColor="neutral600">{t('panel.oldestPastDue', 'Oldest unpaid invoice')}</Typography>
        <Typography variant="pi" data-credit-value="daysLate">
          {overdue.oldestPastDue ? t('panel.daysLate', 'due {day}, {days} days late', { day: formatDay(overdue.oldestPastDue, locale), days: overdue.daysLate }) : t('panel.nothingLate', 'nothing late')}
        </Typography>
      </Flex>
      <Flex justifyContent="space-between" gap={2} data-credit-field="dunningLevel">
        <Typography variant="pi" textColor="neutral600">{t('panel.dunningLevel', 'Dunning level')}</Typography>
        <Typography variant="pi" data-credit-value="dunningLevel">{overdue.level}</Typography>
      </Flex>
      {first ? (
        <Typography variant="pi" fontWeight="bold" textColor={first.action === 'block' ? 'danger600' : 'warning600'} data-credit-value="overdueRule">
          {t(`panel.overdueRule.${first.rule}.${first.action}`, `${first.action === 'block' ? 'Blocked' : 'Alert'}: ${first.rule}`, { limit: first.rule === 'overdueAmount' ? formatAmount(first.limit, currency, locale) : first.limit })}
        </Typography>
      ) : null}
    </Box>
  );
};
