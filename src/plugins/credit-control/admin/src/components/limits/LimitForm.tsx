import * as React from 'react';
import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { notifyCreditChanged } from '../../hooks/useCreditSummary';
import { parseAmountInput } from '../../utils/amount-input';
import { errorText, fieldErrors } from '../../utils/format';
import { getTranslation } from '../../utils/getTranslation';

export interface LimitField {
  name: string;
  label: string;
  /** an amount typed the admin's way, sent as a decimal string; a date, sent as YYYY-MM-DD */
  kind: 'amount' | 'date' | 'text';
  initial?: string;
}

/**
 * A small form of the credit panel (a temporary limit, the insurance): sends its fields to `url`,
 * shows the server's field errors on their fields, and reloads the credit views on success.
 */
export const LimitForm = ({ name, url, method, fields, onDone }: { name: string; url: string; method: 'post' | 'put'; fields: LimitField[]; onDone: () => void }) => {
  const { formatMessage, locale } = useIntl();
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [values, setValues] = React.useState<Record<string, string>>(Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const submit = async () => {
    setError(null);
    setErrors({});
    const data: Record<string, string | null> = {};
    for (const field of fields) {
      const typed = values[field.name].trim();
      if (field.kind === 'amount') {
        const amount = parseAmountInput(typed, locale);
        if (amount === null) return setErrors({ [field.name]: t('rules.thresholdInvalid', 'Type an amount, e.g. 7,000.50') });
        data[field.name] = amount;
      } else data[field.name] = typed === '' ? null : typed;
    }
    setBusy(true);
    try {
      await client[method](url, { data });
      notifyCreditChanged();
      toggleNotification({ type: 'success', message: t('limits.saved', 'Saved') });
      onDone();
    } catch (err) {
      setError(errorText(err));
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
    return undefined;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-limit-form={name}>
      {error ? <Typography variant="pi" textColor="danger600" role="alert">{error}</Typography> : null}
      {fields.map((field) => (
        <Field.Root key={field.name} name={field.name} error={errors[field.name]}>
          <Field.Label>{field.label}</Field.Label>
          <TextInput
            type={field.kind === 'date' ? 'date' : 'text'}
            inputMode={field.kind === 'amount' ? 'decimal' : undefined}
            value={values[field.name]}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
          />
          <Field.Error />
        </Field.Root>
      ))}
      <Flex gap={2} justifyContent="flex-end">
        <Button variant="tertiary" size="S" onClick={onDone}>{t('action.cancel', 'Cancel')}</Button>
        <Button size="S" onClick={submit} loading={busy}>{t('action.save', 'Save')}</Button>
      </Flex>
    </Flex>
  );
};
