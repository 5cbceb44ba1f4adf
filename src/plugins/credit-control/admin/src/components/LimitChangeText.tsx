import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { formatAmount } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { LimitFieldChange } from '../hooks/useLimitHistory';

/** "Threshold: 1,200.00 EUR → 5,000.00 EUR", a field's old → new in the reader's language. */
export const LimitChangeText = ({ change }: { change: LimitFieldChange }) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  /** "oldestDays 30 block" (core/limit-change.ts overdueRuleTexts) in words */
  const overdueRule = (text: string) => {
    const [key, value, ...rest] = text.split(' ');
    const action = t(`rules.overdue.${rest[rest.length - 1]}`, rest[rest.length - 1]);
    const shown = key === 'amount' ? formatAmount(value, rest[0], locale) : value;
    return formatMessage({ id: getTranslation(`limitChanges.overdue.${key}`), defaultMessage: `${key} {value}: {action}` }, { value: shown, action });
  };
  const value = (v: string | string[] | null) => {
    if (v === null && change.field === 'overdueRules') return t('limitChanges.overdue.none', 'no rule');
    if (v === null) return t('limitChanges.none', 'none');
    if (Array.isArray(v) && change.field === 'overdueRules') return v.map(overdueRule).join(' ; ') || t('limitChanges.none', 'none');
    if (Array.isArray(v)) return v.map((gate) => t(`gate.${gate}`, gate)).join(', ') || t('limitChanges.none', 'none');
    if (change.field === 'mode') return t(`mode.${v}`, v);
    if (change.field === 'horizonDays') return v;
    const [amount, currency] = v.split(' ');
    return formatAmount(amount, currency, locale);
  };
  return (
    <Typography variant="pi" tag="p" data-limit-change={change.field}>
      {formatMessage(
        { id: getTranslation('limitChanges.changeLine'), defaultMessage: '{field}: {from} → {to}' },
        { field: t(`limitChanges.field.${change.field}`, change.field), from: value(change.from), to: value(change.to) }
      )}
    </Typography>
  );
};
