import * as React from 'react';
import { Field, Grid, TextInput } from '@strapi/design-system';
import { useFlowT } from '../flow';

/** Header fields the clerk may give the made document; left empty, the server's defaults apply. */
export const FIELD_LABELS: Record<string, string> = {
  number: 'Number',
  date: 'Date',
  dueDate: 'Due date',
  deliveredOn: 'Delivered on',
  validUntil: 'Valid until',
  customerReference: 'Customer reference',
  periodStart: 'Period starting on',
};
const HINTS: Record<string, string> = {
  number: 'Empty: numbered from the source',
  periodStart: 'Empty: the next period not yet billed',
};
const DATES = ['date', 'dueDate', 'deliveredOn', 'validUntil', 'periodStart'];

export const ExtraFields = ({
  fields,
  values,
  onChange,
  errors,
}: {
  fields: string[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  errors: Record<string, string>;
}) => {
  const t = useFlowT();
  return (
    <Grid.Root gap={3}>
      {fields.map((name) => (
        <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name={name} error={errors[name]} hint={HINTS[name] ? t(`field.${name}.hint`, HINTS[name]) : undefined}>
            <Field.Label>{t(`field.${name}`, FIELD_LABELS[name] ?? name)}</Field.Label>
            <TextInput type={DATES.includes(name) ? 'date' : 'text'} value={values[name] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...values, [name]: e.target.value })} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};

/** The fields given (the empty ones left to the server). */
export const givenFields = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
