import { Field, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/** The horizon as typed: whole days, or empty for none. null: not a whole number (the form says so on the field). */
export const parseHorizonInput = (value: string): number | null | undefined => {
  const text = value.trim();
  if (text === '') return null;
  return /^\d{1,4}$/.test(text) ? Number(text) : undefined;
};

/** The rules form's horizon: orders and quotations delivering more than N days away are left out of the outstanding. */
export const HorizonField = ({ value, error, onChange }: { value: string; error?: string; onChange: (value: string) => void }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Field.Root name="horizonDays" error={error} hint={t('rules.horizonHint', 'Orders and quotations delivering later than this many days from today are left out of the outstanding. Empty: everything counts.')}>
      <Field.Label>{t('rules.horizonDays', 'Horizon (days)')}</Field.Label>
      <TextInput value={value} inputMode="numeric" placeholder={t('rules.horizonNone', 'No horizon')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
