import { useIntl } from 'react-intl';
import { formatMoney } from '../insights/utils';

/** Amounts (2 decimals) and quantities (up to 3) in the admin's locale, from the server's decimal strings. */
export const useFormat = () => {
  const { locale } = useIntl();
  const quantityFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format as unknown as (v: string) => string;
  return {
    money: (value: string | number | null | undefined) => formatMoney(value === null || value === undefined ? value : String(value), null, locale),
    quantity: (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '-' : quantityFormat(String(value))),
  };
};
