import { Box, Flex, Typography } from '@strapi/design-system';
import type { CurrencyFigures } from '../types';
import { formatMoney } from '../../format';
import { useT } from '../utils';

/**
 * The customer's balance due in one currency as the invoice statement gives it (credit-control's
 * "Balance due", one per currency): open invoices less the credit notes still to apply, less the
 * unallocated payments.
 */
export const BalanceSummary = ({ data }: { data: CurrencyFigures }) => {
  const { t, locale } = useT();
  const money = (value: string) => formatMoney(value, data.currency, locale);
  const terms = data.paymentTerms;
  return (
    <Box data-insights-balance={terms.balanceDue} data-insights-currency={data.currency}>
      <Typography fontWeight="bold">{t('balance.due', 'Balance due: {amount}', { amount: money(terms.balanceDue) })}</Typography>
      <Flex direction="column" alignItems="flex-start">
        <Typography variant="pi" textColor="neutral600">
          {t('balance.parts', 'Open invoices {invoices} less credit notes to apply {creditNotes}, as on the invoice statement', {
            invoices: money(terms.invoices),
            creditNotes: money(terms.creditNotes),
          })}
        </Typography>
        <Typography variant="pi" textColor="neutral600" data-insights-unallocated={terms.unallocatedPayments}>
          {t('balance.unallocated', 'less unallocated payments {amount}', { amount: money(terms.unallocatedPayments) })}
        </Typography>
      </Flex>
    </Box>
  );
};
