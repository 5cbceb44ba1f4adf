import { useIntl } from 'react-intl';
import { useLocaleFormat } from '../format';

/** Amounts (2 decimals, in their currency when given) and quantities (up to 3) in the admin's locale, from the server's decimal strings. */
export const useFormat = () => {
  const { locale } = useIntl();
  const { money } = useLocaleFormat();
  const quantityFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format as unknown as (v: string) => string;
  return {
    money,
    quantity: (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '-' : quantityFormat(String(value))),
  };
};
