// Money and dates in the admin's locale (fr: 7 000,50 €, 28/11/2026), for every list of the app's admin.
import { useIntl } from 'react-intl';

/**
 * A decimal string from the server in the locale's currency format (fr: 1 234,56 €). Intl takes the
 * decimal string itself (ES2023), so the amount is not squeezed through a float.
 */
export const formatMoney = (value: string | null | undefined, currency: string | null | undefined, locale: string): string => {
  if (value === null || value === undefined || value === '') return '-';
  const format = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format as unknown as (v: string) => string;
  return format(String(value));
};

export const formatDate = (value: string | null | undefined, locale: string, withTime = false): string => {
  if (!value) return '-';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return withTime ? date.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : date.toLocaleDateString(locale);
};

/** `money(value, currency)` and `date(value)` in the admin's locale. */
export const useLocaleFormat = () => {
  const { locale } = useIntl();
  return {
    money: (value: string | number | null | undefined, currency?: string | null) => formatMoney(value === null || value === undefined ? value : String(value), currency, locale),
    date: (value: string | null | undefined, withTime = false) => formatDate(value, locale, withTime),
  };
};
